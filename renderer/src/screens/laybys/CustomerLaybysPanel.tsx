import { useEffect, useState } from 'react';
import type { CustomerProfile } from '../../../../shared/contract/till/customer-methods';
import type { LaybySummary } from '../../../../shared/contract/till/layby-views';
import type { StaffRole } from '../../../../shared/domain/enums';
import { can } from '../../../../shared/domain/staff/permissions';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { useShortcut } from '../../lib/use-shortcut';
import { useLaybyNav } from '../../state/laybys-nav-store';
import { statusClass, statusLabel } from './labels';
import { laybyBlocks } from './layby-blocks';
import { formatCents, formatDay } from './layby-format';
import '../../styles/laybys.css';

// On the customer profile: this customer's laybys with this division, each a way into its
// detail, and the button that opens a new one (F3). Blocks say why a new one is refused.
export function CustomerLaybysPanel(props: {
  profile: CustomerProfile;
  role: StaffRole;
  businessId: string | null;
}) {
  const { profile, role, businessId } = props;
  const customerId = profile.customer.id;
  const blocks = laybyBlocks(profile, businessId);
  const open = useLaybyNav((s) => s.open);
  const [rows, setRows] = useState<LaybySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayOpen = can(role, 'layby.take') && blocks.length === 0;
  const newLayby = () => open({ screen: 'new', customerId });
  useShortcut({ code: 'F3' }, newLayby, mayOpen);

  useEffect(() => {
    let live = true;
    void call('laybys:list', { customerId, limit: 50 }).then((result) => {
      if (!live) return;
      if (result.ok) setRows(result.value.rows);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [customerId]);

  return (
    <section
      className="panel"
      aria-labelledby="customer-laybys-heading"
      data-testid="customer-laybys"
    >
      <div className="panel-head">
        <h2 id="customer-laybys-heading" className="panel-title">
          Laybys
        </h2>
        {can(role, 'layby.take') ? (
          <button
            type="button"
            className="button button--primary"
            onClick={newLayby}
            disabled={!mayOpen}
            data-testid="customer-new-layby"
            aria-keyshortcuts="F3"
          >
            New layby <kbd>F3</kbd>
          </button>
        ) : null}
      </div>
      {blocks.length > 0 ? (
        <p className="form-alert form-alert--warning" data-testid="customer-layby-blocked">
          No new laybys: {blocks.join('; ')}
        </p>
      ) : null}
      <FormAlert message={error} testId="customer-laybys-error" />
      {rows !== null && rows.length === 0 ? <p className="muted">No laybys yet.</p> : null}
      {rows !== null && rows.length > 0 ? (
        <ul className="customer-laybys">
          {rows.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className="customer-layby"
                onClick={() => open({ screen: 'detail', id: row.id })}
                data-testid="customer-layby"
              >
                <span className="mono customer-layby-number">{row.laybyNumber}</span>
                <span className={`badge badge--layby-${statusClass(row)}`}>{statusLabel(row)}</span>
                {row.status !== 'CANCELLED' ? (
                  <span className="customer-layby-balance">
                    balance <strong>{formatCents(row.balanceRemainingCents, row.currency)}</strong>
                  </span>
                ) : null}
                {row.nextDueDate ? (
                  <span className={row.overdue ? 'overdue' : 'muted'}>
                    {row.overdue ? 'overdue since' : 'next due'} {formatDay(row.nextDueDate)}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
