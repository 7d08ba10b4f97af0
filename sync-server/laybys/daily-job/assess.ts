import type { Currency } from '../../../shared/money/money';
import type { LaybyStatus } from '../../../shared/domain/enums';
import type { ShopDate } from '../../../shared/domain/layby/dates';
import { chargeFee, type Ledger } from '../../../shared/domain/layby/ledger';
import {
  isInDefault,
  lateFeesDue,
  progressOf,
  type LateFeeCharge,
} from '../../../shared/domain/layby/progress';
import { projectLayby } from '../../../shared/domain/layby/projection';
import type { LaybyRules } from '../../../shared/domain/layby/rules';
import { Schedule, type Instalment } from '../../../shared/domain/layby/schedule';
import type { LaybyMoney } from './money-rows';

// The day's verdict on one layby, with the shared rules and no I/O: which late fees it owes,
// whether it is now in default, and the cached columns that follow. Split in two so the fees
// actually inserted (not merely proposed) are what reach the balance.

/** The layby columns the job reads: the cache it may rewrite, and what the rules need. */
export type JobLayby = CachedColumns & {
  id: string;
  businessId: string;
  laybyNumber: string;
  currency: Currency;
  totalAmountCents: number;
  depositAmountCents: number;
  schedule: unknown;
  termsText: string | null;
};

export type CachedColumns = {
  status: LaybyStatus;
  totalPaidCents: number;
  serviceFeeCents: number;
  administrationFeeCents: number;
  lateFeeCents: number;
  totalFeesCents: number;
  balanceRemainingCents: number;
  /** ISO instant, null when nothing is left to pay. */
  paymentDueDate: string | null;
};

export type Assessment = {
  layby: JobLayby;
  money: LaybyMoney;
  schedule: Instalment[];
  due: LateFeeCharge[];
  defaults: boolean;
  /** Due dates of the instalments missed beyond the grace period. */
  missed: ShopDate[];
};

/**
 * Null when the stored schedule is missing or does not parse (a layby written before plans
 * were kept): such a layby is left alone, and reported.
 */
export function assess(
  layby: JobLayby,
  money: LaybyMoney,
  rules: LaybyRules,
  day: ShopDate,
): Assessment | null {
  const parsed = Schedule.safeParse(layby.schedule);
  if (!parsed.success || parsed.data.length === 0) return null;
  const progress = progressOf(
    parsed.data,
    layby.depositAmountCents,
    money.paidCents,
    day,
    rules.lateFeeGraceDays,
  );
  return {
    layby,
    money,
    schedule: parsed.data,
    due: lateFeesDue(rules, progress, money.lateDates),
    defaults: isInDefault(rules, progress),
    missed: progress.missed.map((i) => i.dueDate),
  };
}

export type LaybyChange = {
  layby: JobLayby;
  after: CachedColumns;
  feesCharged: LateFeeCharge[];
  newlyDefaulted: boolean;
  missed: ShopDate[];
};

const CACHED: (keyof CachedColumns)[] = [
  'status',
  'totalPaidCents',
  'serviceFeeCents',
  'administrationFeeCents',
  'lateFeeCents',
  'totalFeesCents',
  'balanceRemainingCents',
  'paymentDueDate',
];

/**
 * The row after the fees that were inserted, rebuilt from the money rows, or null when
 * nothing differs from what is stored: then the row is not written, not re-stamped, and a
 * rerun of the day is silent.
 */
export function settle(
  assessment: Assessment,
  inserted: readonly LateFeeCharge[],
): LaybyChange | null {
  const { layby, money } = assessment;
  const { fees } = money;
  let ledger: Ledger = {
    totalCents: layby.totalAmountCents,
    feesCents: fees.SERVICE + fees.ADMINISTRATION + fees.LATE + fees.CANCELLATION,
    paidCents: money.paidCents,
  };
  let lateCents = fees.LATE;
  for (const fee of inserted) {
    ledger = chargeFee(ledger, fee.amountCents);
    lateCents += fee.amountCents;
  }
  const projection = projectLayby(ledger, assessment.schedule, layby.depositAmountCents);
  const newlyDefaulted = assessment.defaults && layby.status === 'ACTIVE';
  const after: CachedColumns = {
    status: newlyDefaulted ? 'DEFAULTED' : layby.status,
    ...projection,
    serviceFeeCents: fees.SERVICE,
    administrationFeeCents: fees.ADMINISTRATION,
    lateFeeCents: lateCents,
  };
  if (CACHED.every((key) => layby[key] === after[key])) return null;
  return { layby, after, feesCharged: [...inserted], newlyDefaulted, missed: assessment.missed };
}

/** The cached columns as they were, for the audit row. */
export const cachedOf = (layby: JobLayby): CachedColumns =>
  Object.fromEntries(CACHED.map((key) => [key, layby[key]])) as CachedColumns;
