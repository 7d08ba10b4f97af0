import type { LaybyQuoteView } from '../../../../shared/contract/till/layby-views';
import { formatCents, formatDay } from './layby-format';

// The till's quote as the customer should read it: what they pay today, what the fees are,
// and every instalment with its date. Greyed while a newer quote is on its way.
export function QuotePanel({ quote, stale }: { quote: LaybyQuoteView; stale: boolean }) {
  const c = (cents: number) => formatCents(cents, quote.currency);
  return (
    <section
      className={stale ? 'quote quote--stale' : 'quote'}
      aria-busy={stale}
      data-testid="layby-quote"
    >
      <dl className="money-lines">
        <div className="money-line">
          <dt>Goods</dt>
          <dd data-testid="quote-goods">{c(quote.itemsTotalCents)}</dd>
        </div>
        {quote.serviceFeeCents > 0 ? (
          <div className="money-line">
            <dt>Service fee</dt>
            <dd>{c(quote.serviceFeeCents)}</dd>
          </div>
        ) : null}
        {quote.administrationFeeCents > 0 ? (
          <div className="money-line">
            <dt>Administration fee</dt>
            <dd>{c(quote.administrationFeeCents)}</dd>
          </div>
        ) : null}
        <div className="money-line">
          <dt>Total to pay</dt>
          <dd data-testid="quote-total">{c(quote.itemsTotalCents + quote.totalFeesCents)}</dd>
        </div>
        <div className="money-line money-line--total">
          <dt>Deposit today ({(quote.depositPercentBp / 100).toFixed(0)}%)</dt>
          <dd data-testid="quote-deposit">{c(quote.depositCents)}</dd>
        </div>
        <div className="money-line">
          <dt>Then {quote.schedule.length} instalments</dt>
          <dd data-testid="quote-balance">{c(quote.balanceAfterDepositCents)}</dd>
        </div>
      </dl>
      <table className="layby-table" data-testid="quote-schedule">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {quote.schedule.map((instalment, index) => (
            <tr key={instalment.dueDate + String(index)} data-testid="quote-instalment">
              <td>{index + 1}</td>
              <td>{formatDay(instalment.dueDate)}</td>
              <td className="num">{c(instalment.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="quote-end">
        Goods collected when paid up, by <strong>{formatDay(quote.completionDueDate)}</strong> at
        the latest.
      </p>
    </section>
  );
}
