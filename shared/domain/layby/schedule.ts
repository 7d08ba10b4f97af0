import { z } from 'zod';
import type { InstallmentFrequency } from '../enums';
import { addDays, addMonths, daysBetween, ShopDate } from './dates';
import { chargeOn, type LaybyRules } from './rules';

// The payment plan a customer agrees to before paying the deposit: due dates and amounts that
// add up to the balance after the deposit exactly, in cents (the remainder on the last).

export const Instalment = z.object({ dueDate: ShopDate, amountCents: z.number().int().min(0) });
export type Instalment = z.infer<typeof Instalment>;
export const Schedule = z.array(Instalment).max(120);

export type LaybyTerms = {
  itemsTotalCents: number;
  depositCents: number;
  frequency: InstallmentFrequency;
  instalments: number;
  /** Days between instalments, for CUSTOM only. */
  intervalDays?: number | null;
  /** The day the layby is opened; the first instalment falls one interval later. */
  startDate: ShopDate;
};

export type LaybyQuote = {
  itemsTotalCents: number;
  serviceFeeCents: number;
  administrationFeeCents: number;
  totalFeesCents: number;
  minDepositCents: number;
  depositCents: number;
  depositPercentBp: number;
  balanceAfterDepositCents: number;
  instalmentCents: number;
  schedule: Instalment[];
  completionDueDate: ShopDate;
};

export type Refusal = { ok: false; field: string; message: string };
const refuse = (field: string, message: string): Refusal => ({ ok: false, field, message });

/** The k-th due date (k from 1) of a plan started on `start`. */
export function dueDateOf(
  start: ShopDate,
  frequency: InstallmentFrequency,
  k: number,
  intervalDays: number | null = null,
): ShopDate {
  switch (frequency) {
    case 'WEEKLY':
      return addDays(start, 7 * k);
    case 'FORTNIGHTLY':
      return addDays(start, 14 * k);
    case 'MONTHLY':
      return addMonths(start, k);
    case 'CUSTOM':
      return addDays(start, (intervalDays ?? 0) * k);
  }
}

/** The smallest deposit the rules accept on a goods total, rounded up to a whole cent. */
export function minimumDeposit(rules: LaybyRules, itemsTotalCents: number): number {
  return Math.ceil((itemsTotalCents * rules.minDepositBp) / 10_000);
}

/** Splits an amount into n instalments: equal cents, the remainder on the last. */
export function splitInstalments(amountCents: number, n: number): number[] {
  const each = Math.floor(amountCents / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? amountCents - each * (n - 1) : each));
}

/**
 * Checks a proposed layby against the division's rules and works out its fees and schedule.
 * Every refusal names the field the cashier must change.
 */
export function quoteLayby(
  rules: LaybyRules,
  terms: LaybyTerms,
): { ok: true; quote: LaybyQuote } | Refusal {
  if (!rules.enabled) return refuse('division', 'does not take laybys');
  const { itemsTotalCents: total, depositCents: deposit, frequency, instalments: n } = terms;
  if (!Number.isInteger(total) || total <= 0) return refuse('items', 'add at least one item');
  if (!rules.frequencies.includes(frequency))
    return refuse('frequency', `must be one of ${rules.frequencies.join(', ').toLowerCase()}`);
  if (!Number.isInteger(n) || n < 1 || n > 120) return refuse('instalments', 'must be 1 to 120');
  const interval = frequency === 'CUSTOM' ? (terms.intervalDays ?? 0) : null;
  if (interval !== null && (!Number.isInteger(interval) || interval < 1))
    return refuse('intervalDays', 'must be at least 1 day');

  const serviceFeeCents = chargeOn(rules.serviceFee, total);
  const administrationFeeCents = chargeOn(rules.administrationFee, total);
  const totalFeesCents = serviceFeeCents + administrationFeeCents;
  const owed = total + totalFeesCents;
  const minDepositCents = minimumDeposit(rules, total);
  if (!Number.isInteger(deposit) || deposit < minDepositCents)
    return refuse('depositCents', `must be at least ${minDepositCents} cents`);
  if (deposit >= owed)
    return refuse('depositCents', 'pays for everything: ring it up as a sale instead');

  const balanceAfterDepositCents = owed - deposit;
  const amounts = splitInstalments(balanceAfterDepositCents, n);
  if (n > 1 && (amounts[0] ?? 0) < rules.minInstalmentCents)
    return refuse(
      'instalments',
      `too many: each must be at least ${rules.minInstalmentCents} cents`,
    );
  const schedule = amounts.map((amountCents, i) => ({
    dueDate: dueDateOf(terms.startDate, frequency, i + 1, interval),
    amountCents,
  }));
  const completionDueDate = schedule[schedule.length - 1]?.dueDate ?? terms.startDate;
  if (daysBetween(terms.startDate, completionDueDate) > rules.maxTermDays)
    return refuse('instalments', `the plan may run at most ${rules.maxTermDays} days`);
  return {
    ok: true,
    quote: {
      itemsTotalCents: total,
      serviceFeeCents,
      administrationFeeCents,
      totalFeesCents,
      minDepositCents,
      depositCents: deposit,
      depositPercentBp: Math.min(10_000, Math.floor((deposit * 10_000) / total)),
      balanceAfterDepositCents,
      instalmentCents: amounts[0] ?? 0,
      schedule,
      completionDueDate,
    },
  };
}
