import type { CustomerHit } from '../../../../shared/contract/till/customer-methods';
import { formatPhone } from './format';
import { TYPE_LABELS } from '../../screens/customers/customer-form-values';

export type HitListProps = {
  hits: readonly CustomerHit[];
  selected: number;
  onOpen: (hit: CustomerHit) => void;
};

const MATCH_LABELS: Record<CustomerHit['matchedBy'], string> = {
  customerNumber: 'customer number',
  divisionNumber: 'account number',
  phone: 'phone',
  nationalId: 'national ID',
  email: 'email',
  name: 'name',
};

// One row per customer: name big, the numbers a cashier checks against a card or ID under it,
// and any warning in words (blacklisted, deactivated) so it cannot be missed.
export function HitList({ hits, selected, onOpen }: HitListProps) {
  return (
    <ul className="hits" role="listbox" aria-label="Matching customers" data-testid="customer-hits">
      {hits.map((hit, index) => (
        <li
          key={hit.id}
          role="option"
          aria-selected={index === selected}
          className={index === selected ? 'hit hit--selected' : 'hit'}
          onClick={() => onOpen(hit)}
          data-testid="customer-hit"
        >
          <div className="hit-main">
            <span className="hit-name">{hit.fullName}</span>
            {hit.isBlacklisted ? <span className="badge badge--danger">Blacklisted</span> : null}
            {!hit.isActive ? <span className="badge badge--muted">Deactivated</span> : null}
            <span className="hit-type">{TYPE_LABELS[hit.type]}</span>
          </div>
          <div className="hit-details">
            <span className="mono">{hit.customerNumber}</span>
            {hit.divisionCustomerNumber ? (
              <span className="mono">{hit.divisionCustomerNumber}</span>
            ) : null}
            <span className="mono">{formatPhone(hit.primaryPhone)}</span>
            {hit.nationalId ? <span className="mono">ID {hit.nationalId}</span> : null}
            {hit.city ? <span>{hit.city}</span> : null}
            <span className="hit-match">matched by {MATCH_LABELS[hit.matchedBy]}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
