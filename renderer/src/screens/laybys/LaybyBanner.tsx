import type { LaybyDetail } from '../../../../shared/contract/till/layby-views';
import { formatCents, formatDay, formatInstant } from './layby-format';

// The one sentence that tells the cashier where this layby stands, above everything else.
export function LaybyBanner({ layby, mayRelease }: { layby: LaybyDetail; mayRelease: boolean }) {
  const c = (cents: number) => formatCents(cents, layby.currency);
  const line = (tone: 'ok' | 'warn' | 'danger' | 'info', text: string) => (
    <p className={`layby-banner layby-banner--${tone}`} role="status" data-testid="layby-banner">
      {text}
    </p>
  );
  switch (layby.status) {
    case 'COMPLETED':
      if (layby.itemsReleased)
        return line(
          'info',
          `Paid up. Goods released${layby.itemsReleasedAt ? ` on ${formatInstant(layby.itemsReleasedAt)}` : ''}${layby.itemsReleasedBy ? ` by ${layby.itemsReleasedBy}` : ''}.`,
        );
      return line(
        'ok',
        mayRelease
          ? 'Paid up. Release the goods to the customer (F9).'
          : 'Paid up. A supervisor must release the goods: ask one to sign in at this till.',
      );
    case 'CANCELLED':
      return line(
        'danger',
        `Cancelled.${layby.cancellationRefundCents !== null ? ` Refunded ${c(layby.cancellationRefundCents)}.` : ''}${layby.cancellationReason ? ` Reason: ${layby.cancellationReason}` : ''}`,
      );
    case 'ON_HOLD':
      return line('warn', 'On hold: no payments until a supervisor resumes it.');
    case 'DEFAULTED':
      return line(
        'danger',
        `Defaulted: ${c(layby.arrearsCents)} in arrears. A supervisor can resume or cancel it.`,
      );
    case 'ACTIVE':
      if (layby.overdue)
        return line(
          'danger',
          `Overdue: ${c(layby.arrearsCents)} should have been paid by ${formatDay(layby.nextDueDate)}.`,
        );
      return null;
  }
}
