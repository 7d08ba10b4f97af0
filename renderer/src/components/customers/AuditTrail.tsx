import type { AuditEntry } from '../../../../shared/contract/till/customer-profile';
import { formatSyncTime, shortTillId } from '../../lib/format';

// Who changed what, when, at which till — with the values before and after.
const show = (value: unknown) =>
  value && typeof value === 'object'
    ? Object.entries(value)
        .filter(([key]) => !['id', 'createdAt', 'updatedAt'].includes(key))
        .map(
          ([key, v]) => `${key}: ${v === null ? '—' : Array.isArray(v) ? v.join(', ') : String(v)}`,
        )
        .join(' · ')
    : '';

export function AuditTrail({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <section className="panel" aria-labelledby="audit-heading" data-testid="customer-audit">
      <h2 id="audit-heading" className="panel-title">
        Change history
      </h2>
      <ol className="audit">
        {entries.map((entry) => (
          <li key={entry.id} className="audit-entry" data-testid="audit-entry">
            <p className="audit-head">
              <strong>{entry.action}</strong> ·{' '}
              {entry.actorName ?? entry.actorUserId ?? 'head office'} · {formatSyncTime(entry.at)}
              {entry.tillId ? ` · till ${shortTillId(entry.tillId)}` : ''}
            </p>
            {entry.before ? <p className="audit-values">Before: {show(entry.before)}</p> : null}
            {entry.after &&
            entry.action !== 'customer.create' &&
            entry.action !== 'account.open' ? (
              <p className="audit-values">After: {show(entry.after)}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
