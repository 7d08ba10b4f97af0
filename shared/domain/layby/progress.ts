import { daysBetween, type ShopDate } from './dates';
import type { LaybyRules } from './rules';
import { chargeOn } from './rules';
import type { Instalment } from './schedule';

// Where a layby stands against its schedule on a given day. Instalments are covered in
// order by what was paid beyond the deposit; late fees are added to the balance (due by the
// end), so a fee never makes an earlier instalment late again.

export type InstalmentState = 'PAID' | 'PART_PAID' | 'DUE' | 'LATE' | 'UPCOMING';

export type InstalmentProgress = Instalment & {
  paidCents: number;
  state: InstalmentState;
};

export type Progress = {
  instalments: InstalmentProgress[];
  /** The first instalment not fully covered, with what is left of it. */
  nextDue: { dueDate: ShopDate; amountCents: number } | null;
  /** Owed by today: instalments due on or before it, less what covers them. */
  arrearsCents: number;
  /** Instalments past due beyond the grace period and not fully paid. */
  missed: InstalmentProgress[];
};

export function progressOf(
  schedule: readonly Instalment[],
  depositCents: number,
  paidCents: number,
  today: ShopDate,
  graceDays: number,
): Progress {
  let left = Math.max(0, paidCents - depositCents);
  let arrearsCents = Math.max(0, depositCents - paidCents);
  const instalments = schedule.map((instalment): InstalmentProgress => {
    const paid = Math.min(left, instalment.amountCents);
    left -= paid;
    const open = instalment.amountCents - paid;
    const overdueDays = daysBetween(instalment.dueDate, today);
    if (overdueDays >= 0) arrearsCents += open;
    const state: InstalmentState =
      open === 0
        ? 'PAID'
        : overdueDays > graceDays
          ? 'LATE'
          : overdueDays >= 0
            ? 'DUE'
            : paid > 0
              ? 'PART_PAID'
              : 'UPCOMING';
    return { ...instalment, paidCents: paid, state };
  });
  const firstOpen = instalments.find((i) => i.state !== 'PAID');
  return {
    instalments,
    nextDue: firstOpen
      ? { dueDate: firstOpen.dueDate, amountCents: firstOpen.amountCents - firstOpen.paidCents }
      : null,
    arrearsCents,
    missed: instalments.filter((i) => i.state === 'LATE'),
  };
}

/**
 * The least a cashier may take without a supervisor: what is left of the next instalment,
 * or the whole balance when that is smaller (or when only late fees remain).
 */
export function minimumPayment(progress: Progress, balanceCents: number): number {
  return Math.max(0, Math.min(progress.nextDue?.amountCents ?? balanceCents, balanceCents));
}

export type LateFeeCharge = { instalmentDueDate: ShopDate; amountCents: number };

/**
 * Late fees owed today that have not been charged yet: one per missed instalment, keyed by
 * its due date so the daily job can never charge the same one twice.
 */
export function lateFeesDue(
  rules: LaybyRules,
  progress: Progress,
  alreadyCharged: ReadonlySet<ShopDate>,
): LateFeeCharge[] {
  return progress.missed
    .filter((i) => !alreadyCharged.has(i.dueDate))
    .map((i) => ({
      instalmentDueDate: i.dueDate,
      amountCents: chargeOn(rules.lateFee, i.amountCents),
    }))
    .filter((c) => c.amountCents > 0);
}

/** Whether the rules make this layby DEFAULTED today. */
export function isInDefault(rules: LaybyRules, progress: Progress): boolean {
  return progress.missed.length >= rules.defaultAfterMissed;
}
