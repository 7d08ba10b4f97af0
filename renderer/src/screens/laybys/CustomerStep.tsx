import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CustomerHit } from '../../../../shared/contract/till/customer-methods';
import { HitList } from '../../components/customers/HitList';
import { FormAlert } from '../../components/FormAlert';
import { useCustomerSearch } from '../../state/customers-search-store';
import { useLaybyDraft } from '../../state/laybys-draft-store';
import { BlockedCustomer } from './BlockedCustomer';

// Step 1 when the wizard starts from the list: find the customer with the same search as
// Customers. A customer who may not take a layby is stopped here, before any items.
export function CustomerStep() {
  const { query, result, searching, error, selected, setQuery, move, reset } = useCustomerSearch();
  const customer = useLaybyDraft((s) => s.customer);
  const customerError = useLaybyDraft((s) => s.customerError);
  const choose = useLaybyDraft((s) => s.chooseCustomer);
  const setStep = useLaybyDraft((s) => s.setStep);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    reset();
    input.current?.focus();
  }, [reset]);

  const hits = result?.hits ?? [];
  const pick = async (hit: CustomerHit) => {
    await choose(hit.id);
    const chosen = useLaybyDraft.getState().customer;
    if (chosen?.id === hit.id && chosen.blocks.length === 0) setStep('items');
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[selected];
      if (hit) void pick(hit);
    }
  };
  const nothing = result !== null && !searching && hits.length === 0 && result.kind !== 'empty';

  return (
    <section className="wizard-step" data-testid="layby-step-customer">
      <h2 className="step-title">Who is the layby for?</h2>
      <div className="lookup-box">
        <label className="field-label" htmlFor="layby-customer-query">
          Name, phone, national ID, customer or account number
        </label>
        <input
          ref={input}
          id="layby-customer-query"
          className="field-input lookup-input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKey}
          placeholder="e.g. moyo tend · 0772 123 456"
          autoComplete="off"
          spellCheck={false}
          data-testid="layby-customer-query"
        />
      </div>
      <FormAlert message={error ?? customerError} testId="layby-customer-error" />
      {customer && customer.blocks.length > 0 ? <BlockedCustomer customer={customer} /> : null}
      {hits.length > 0 ? (
        <HitList hits={hits} selected={selected} onOpen={(hit) => void pick(hit)} />
      ) : null}
      {nothing ? (
        <div className="blank-state" data-testid="layby-customer-no-match">
          <p className="blank-title">No customer matches ‘{query.trim()}’</p>
          <p>Register new customers in Customers (F2), then open the layby from their profile.</p>
        </div>
      ) : null}
      {query.trim() === '' ? (
        <p className="muted">
          <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> use this customer · <kbd>Esc</kbd>{' '}
          back
        </p>
      ) : null}
    </section>
  );
}
