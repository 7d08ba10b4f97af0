import type { DuplicateMatchView } from '../../../../shared/contract/till/customer-methods';
import { formatPhone } from './format';
import { DUPLICATE_REASON_LABELS } from '../../../../shared/domain/customers/duplicates';

export type DuplicateWarningProps = {
  matches: readonly DuplicateMatchView[];
  onUse: (id: string) => void;
};

// Shown beside the form the moment the till recognises someone: the cashier can switch to the
// existing customer before anything is saved, instead of registering them twice.
export function DuplicateWarning({ matches, onUse }: DuplicateWarningProps) {
  if (matches.length === 0) {
    return (
      <p className="aside-hint" data-testid="duplicate-none">
        As you type, the till checks the phone, email, national ID, and name with date of birth
        against every customer it knows, so nobody is registered twice.
      </p>
    );
  }
  return (
    <section
      className="duplicates"
      role="alert"
      aria-labelledby="duplicates-heading"
      data-testid="duplicate-warning"
    >
      <h2 id="duplicates-heading" className="duplicates-title">
        ⚠ This may be a customer we already have
      </h2>
      <ul className="duplicates-list">
        {matches.map(({ customer, reasons }) => (
          <li key={customer.id} className="duplicate" data-testid="duplicate-match">
            <p className="duplicate-name">{customer.fullName}</p>
            <p className="duplicate-details">
              <span className="mono">{customer.customerNumber}</span> ·{' '}
              <span className="mono">{formatPhone(customer.primaryPhone)}</span>
            </p>
            <p className="duplicate-reasons">
              Why: {reasons.map((r) => DUPLICATE_REASON_LABELS[r]).join(', ')}
            </p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => onUse(customer.id)}
              data-testid="duplicate-use"
            >
              Use this customer
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
