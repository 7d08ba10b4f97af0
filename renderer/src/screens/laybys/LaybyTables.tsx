import type { LaybyDetail } from '../../../../shared/contract/till/layby-views';
import { FEE_LABELS, INSTALMENT_LABELS, SHORT_METHOD_LABELS } from './labels';
import { formatCents, formatDay, formatInstant, milliToQuantity } from './layby-format';

// The layby's facts as tables: what is on layby, when each instalment falls due and how it
// stands, every payment and refund, every fee.

export function ItemsTable({ layby }: { layby: LaybyDetail }) {
  return (
    <table className="layby-table" data-testid="layby-items">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="num">
            Qty
          </th>
          <th scope="col" className="num">
            Price
          </th>
          <th scope="col" className="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {layby.items.map((item, index) => (
          <tr key={index}>
            <td>
              {item.description}
              {item.sku ? <span className="cell-sub mono">{item.sku}</span> : null}
            </td>
            <td className="num">{milliToQuantity(item.quantityMilli)}</td>
            <td className="num">{formatCents(item.unitPriceCents, layby.currency)}</td>
            <td className="num">{formatCents(item.amountCents, layby.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ScheduleTable({ layby }: { layby: LaybyDetail }) {
  if (layby.schedule.length === 0) return <p className="muted">No instalments.</p>;
  // A cancelled layby's plan is history: nothing in it falls due any more.
  const closed = layby.status === 'CANCELLED';
  return (
    <table
      className={closed ? 'layby-table layby-table--closed' : 'layby-table'}
      data-testid="layby-schedule"
    >
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Due</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col" className="num">
            Paid
          </th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {layby.schedule.map((instalment, index) => (
          <tr
            key={instalment.dueDate + String(index)}
            className={`instalment instalment--${instalment.state.toLowerCase()}`}
            data-testid="instalment"
            data-state={instalment.state}
          >
            <td>{index + 1}</td>
            <td>{formatDay(instalment.dueDate)}</td>
            <td className="num">{formatCents(instalment.amountCents, layby.currency)}</td>
            <td className="num">{formatCents(instalment.paidCents, layby.currency)}</td>
            <td>
              {closed ? (
                <span className="state">Not due</span>
              ) : (
                <span className={`state state--${instalment.state.toLowerCase()}`}>
                  {INSTALMENT_LABELS[instalment.state]}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PaymentsTable({ layby }: { layby: LaybyDetail }) {
  if (layby.payments.length === 0)
    return (
      <p className="muted" data-testid="layby-no-payments">
        No payments yet.
      </p>
    );
  return (
    <table className="layby-table" data-testid="layby-payments">
      <thead>
        <tr>
          <th scope="col">Receipt · when</th>
          <th scope="col">How</th>
          <th scope="col" className="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {layby.payments.map((payment) => (
          <tr
            key={payment.id}
            className={payment.isRefund ? 'payment payment--refund' : 'payment'}
            data-testid="payment"
          >
            <td>
              <span className="mono nowrap">{payment.receiptNumber}</span>
              <span className="cell-sub">
                {formatInstant(payment.paidAt)} · {payment.processedBy}
              </span>
              <span className="cell-tags">
                {payment.isRefund ? <span className="tag tag--refund">Refund</span> : null}
                {payment.pending ? (
                  <span className="tag tag--pending" title="Not confirmed by head office yet">
                    Waiting to sync
                  </span>
                ) : null}
              </span>
            </td>
            <td>
              {SHORT_METHOD_LABELS[payment.method]}
              {payment.reference ? (
                <span className="cell-sub mono">{payment.reference}</span>
              ) : null}
            </td>
            <td className="num">
              <strong>
                {payment.isRefund ? '− ' : ''}
                {formatCents(payment.amountCents, payment.currency)}
              </strong>
              {payment.tenderedCents !== null && payment.tenderedCurrency !== null ? (
                <span className="cell-sub">
                  paid {formatCents(payment.tenderedCents, payment.tenderedCurrency)}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FeesList({ layby }: { layby: LaybyDetail }) {
  if (layby.fees.length === 0) return <p className="muted">No fees.</p>;
  return (
    <ul className="fee-list" data-testid="layby-fees">
      {layby.fees.map((fee) => (
        <li key={fee.id} className="fee">
          <span>
            {FEE_LABELS[fee.kind]}
            {fee.instalmentDueDate ? (
              <span className="cell-sub">instalment due {formatDay(fee.instalmentDueDate)}</span>
            ) : null}
          </span>
          <span className="num">{formatCents(fee.amountCents, layby.currency)}</span>
        </li>
      ))}
    </ul>
  );
}

export function Totals({ layby }: { layby: LaybyDetail }) {
  const c = (cents: number) => formatCents(cents, layby.currency);
  return (
    <dl className="layby-totals" data-testid="layby-totals">
      <div className="total">
        <dt>Goods</dt>
        <dd data-testid="total-goods">{c(layby.totalAmountCents)}</dd>
      </div>
      <div className="total">
        <dt>+ Fees</dt>
        <dd data-testid="total-fees">{c(layby.totalFeesCents)}</dd>
      </div>
      <div className="total">
        <dt>− Paid</dt>
        <dd data-testid="total-paid">{c(layby.totalPaidCents)}</dd>
      </div>
      {layby.status === 'CANCELLED' ? (
        <div className="total total--balance total--closed">
          <dt>Balance</dt>
          <dd data-testid="total-balance">Nothing owed</dd>
        </div>
      ) : (
        <div className="total total--balance">
          <dt>Balance</dt>
          <dd data-testid="total-balance">{c(layby.balanceRemainingCents)}</dd>
        </div>
      )}
    </dl>
  );
}
