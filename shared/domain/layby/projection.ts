import { startOfShopDay } from './dates';
import { balanceOf, type Ledger } from './ledger';
import { progressOf } from './progress';
import type { Instalment } from './schedule';

// The cached columns of a layby row, computed from its ledger and schedule. Till and server
// both write exactly these after every payment, refund, fee or cancellation.

export type LaybyProjection = {
  totalPaidCents: number;
  totalFeesCents: number;
  balanceRemainingCents: number;
  /** The first instalment not fully paid, as the start of its shop day; null when none is left. */
  paymentDueDate: string | null;
};

export function projectLayby(
  ledger: Ledger,
  schedule: readonly Instalment[],
  depositCents: number,
): LaybyProjection {
  // The next due date does not depend on today, only on what has been paid.
  const { nextDue } = progressOf(schedule, depositCents, ledger.paidCents, '1970-01-01', 0);
  return {
    totalPaidCents: ledger.paidCents,
    totalFeesCents: ledger.feesCents,
    balanceRemainingCents: balanceOf(ledger),
    paymentDueDate: nextDue ? startOfShopDay(nextDue.dueDate) : null,
  };
}
