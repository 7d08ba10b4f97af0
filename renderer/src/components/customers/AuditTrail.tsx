import type { AuditEntry } from '../../../../shared/contract/till/customer-profile';
import { formatSyncTime, shortTillId } from '../../lib/format';

const ACTIONS: Record<string, string> = {
  'customer.create': 'Registered',
  'customer.update': 'Details changed',
  'customer.deactivate': 'Deactivated',
  'customer.reactivate': 'Reactivated',
  'customer.blacklist': 'Blacklisted',
  'customer.unblacklist': 'Blacklist lifted',
  'customer.link': 'Staff record linked',
  'account.open': 'Account opened',
  'account.setStatus': 'Account status changed',
  'note.add': 'Note added',
};

// Ids and timestamps mean nothing to a cashier; the trail shows what a person would check.
const HIDDEN = /(^id$|Id$|By$|At$|^tags$)/;
const show = (value: unknown) =>
  value && typeof value === 'object'
    ? Object.entries(value)
        .filter(([key, v]) => !HIDDEN.test(key) && v !== false)
        .map(([key, v]) => `${key}: ${v === null || v === '' ? '—' : String(v)}`)
        .join(' · ')
    : '';

// Who changed what, when, at which till — with the values before and after.
export function AuditTrail({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <section className="panel" aria-labelledby="audit-heading" data-testid="customer-audit">
      <h2 id="audit-heading" className="panel-title">
        Change history
      </h2>
      <ol className="audit">
        {entries.map((entry) => {
          const created = entry.before === null;
          return (
            <li key={entry.id} className="audit-entry" data-testid="audit-entry">
              <p className="audit-head">
                <strong>{ACTIONS[entry.action] ?? entry.action}</strong> ·{' '}
                {entry.actorName ?? entry.actorUserId ?? 'head office'} · {formatSyncTime(entry.at)}
                {entry.tillId ? ` · till ${shortTillId(entry.tillId)}` : ''}
              </p>
              {created ? null : <p className="audit-values">Before: {show(entry.before)}</p>}
              {created && entry.action !== 'note.add' ? null : (
                <p className="audit-values">
                  {created ? '' : 'After: '}
                  {entry.action === 'note.add' ? contentOf(entry.after) : show(entry.after)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const contentOf = (value: unknown) =>
  value && typeof value === 'object' && 'content' in value ? `“${String(value.content)}”` : '';
