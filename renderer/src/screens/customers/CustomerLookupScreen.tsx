import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CustomerHit } from '../../../../shared/contract/till/customer-methods';
import { HitList } from '../../components/customers/HitList';
import { FormAlert } from '../../components/FormAlert';
import { useShortcut } from '../../lib/use-shortcut';
import { useCustomerNav } from '../../state/customers-nav-store';
import { useCustomerSearch } from '../../state/customers-search-store';

const KIND_HINTS: Record<string, string> = {
  customerNumber: 'Customer number',
  divisionNumber: 'Account number',
  phone: 'Phone number',
  phonePrefix: 'Phone number (still typing)',
  nationalId: 'National ID',
  email: 'Email',
  name: 'Name',
};

// Lookup: type or scan anything (name in any order, phone in any form, ID, card, email);
// results follow each keystroke. ↑/↓ choose, Enter opens, Ctrl+N registers, Esc goes home.
export function CustomerLookupScreen() {
  const { query, result, searching, error, selected, setQuery, move } = useCustomerSearch();
  const { open, home } = useCustomerNav();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const register = () => open({ screen: 'create', prefill: query });
  useShortcut({ code: 'KeyN', ctrl: true }, register);
  useShortcut({ code: 'Escape' }, home);

  const hits = result?.hits ?? [];
  const openHit = (hit: CustomerHit) => open({ screen: 'profile', id: hit.id });
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[selected];
      if (hit) openHit(hit);
    }
  };
  const nothing = result !== null && !searching && hits.length === 0 && result.kind !== 'empty';

  return (
    <div className="customers-screen" data-testid="screen-customer-lookup">
      <header className="customers-header">
        <h1 className="customers-title">Find a customer</h1>
        <div className="header-actions">
          <button
            type="button"
            className="button button--primary"
            onClick={register}
            data-testid="customer-new"
            aria-keyshortcuts="Control+N"
          >
            New customer <kbd>Ctrl</kbd>+<kbd>N</kbd>
          </button>
          <button
            type="button"
            className="button button--outline"
            onClick={home}
            data-testid="customers-back"
            aria-keyshortcuts="Escape"
          >
            Back <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      <div className="lookup-box">
        <label className="field-label" htmlFor="customer-query">
          Name, phone, national ID, customer or account number, email — or scan the card
        </label>
        <input
          ref={input}
          id="customer-query"
          className="field-input lookup-input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKey}
          placeholder="e.g. moyo tend · 0772 123 456 · 63-123456A78 · UCST-000123"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="customer-hits"
          data-testid="customer-query"
        />
        <p className="lookup-kind" aria-live="polite" data-testid="customer-query-kind">
          {searching
            ? 'Searching…'
            : result && result.kind !== 'empty'
              ? `Looking up: ${KIND_HINTS[result.kind] ?? result.kind}`
              : ' '}
        </p>
      </div>
      <FormAlert message={error} testId="customer-search-error" />
      {hits.length > 0 ? <HitList hits={hits} selected={selected} onOpen={openHit} /> : null}
      {nothing ? (
        <div className="blank-state" data-testid="customer-no-match">
          <p className="blank-title">No customer matches ‘{query.trim()}’</p>
          <p>
            Check the spelling or try the phone number — or press <kbd>Ctrl</kbd>+<kbd>N</kbd> to
            register a new customer.
          </p>
        </div>
      ) : null}
      {query.trim() === '' ? (
        <div className="blank-state blank-state--quiet">
          <p>Start typing. Names can be in any order and partial: “moyo tend” finds Tendai Moyo.</p>
          <p>
            <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open · <kbd>Ctrl</kbd>+<kbd>N</kbd>{' '}
            new customer · <kbd>Esc</kbd> back
          </p>
        </div>
      ) : null}
    </div>
  );
}
