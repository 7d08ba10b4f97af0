import type { CustomerProfile } from '../../../../shared/contract/till/customer-methods';
import { formatSyncTime } from '../../lib/format';
import { formatCents } from './format';

// What the customer owes and has bought here: balances, laybys, recent orders.
export function HistoryPanel({ profile }: { profile: CustomerProfile }) {
  const { balances, laybys, recentOrders } = profile;
  return (
    <section className="panel" aria-labelledby="history-heading" data-testid="customer-history">
      <h2 id="history-heading" className="panel-title">
        Balances and history
      </h2>
      <p className="balance-line" data-testid="customer-balance">
        {balances.length === 0
          ? 'Owes nothing.'
          : `Owes ${balances.map((b) => formatCents(b.owedCents, b.currency)).join(' + ')}`}
      </p>
      <h3 className="panel-subtitle">Laybys</h3>
      {laybys.length === 0 ? (
        <p className="muted">No laybys.</p>
      ) : (
        <ul className="plain-list">
          {laybys.map((l) => (
            <li key={l.id}>
              <span className="mono">{l.laybyNumber}</span> · {l.status.toLowerCase()} · paid{' '}
              {formatCents(l.totalPaidCents, l.currency)} of{' '}
              {formatCents(l.totalAmountCents, l.currency)} · balance{' '}
              {formatCents(l.balanceRemainingCents, l.currency)}
              {l.paymentDueDate ? ` · next due ${formatSyncTime(l.paymentDueDate)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3 className="panel-subtitle">Recent orders</h3>
      {recentOrders.length === 0 ? (
        <p className="muted">No orders at this till yet.</p>
      ) : (
        <ul className="plain-list">
          {recentOrders.map((o) => (
            <li key={o.id}>
              <span className="mono">{o.orderNumber}</span> · {formatSyncTime(o.createdAt)} ·{' '}
              {formatCents(o.totalCents, o.currency)} · {o.status.toLowerCase()}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
