import { z } from 'zod';
import { money, percentOf } from '../../money/money';
import { INSTALLMENT_FREQUENCIES, type DivisionCode } from '../enums';

// Each division's layby rules: one schema, one set of defaults, read by the till (from the
// synced layby_rules row, or these defaults when head office has saved none) and by the
// server. Fixed amounts are cents in the division's currency, which is the laybys' currency.

const Cents = z.number().int().min(0).max(100_000_000);
const Bp = z.number().int().min(0).max(10_000);

/** A charge worked out from a base amount: nothing, a fixed sum, or a percentage with an optional cap. */
export const Charge = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NONE') }),
  z.object({ kind: z.literal('FIXED'), cents: Cents }),
  z.object({ kind: z.literal('PERCENT'), bp: Bp, capCents: Cents.nullable().default(null) }),
]);
export type Charge = z.infer<typeof Charge>;

export const CANCEL_INITIATORS = ['CUSTOMER', 'STORE', 'DEFAULT'] as const;
export type CancelInitiator = (typeof CANCEL_INITIATORS)[number];

const CancellationTerms = z.object({
  /** Charged on the layby's goods total. */
  fee: Charge,
  /** Whether the service, administration and late fees already charged are kept. */
  keepsFees: z.boolean(),
});
export type CancellationTerms = z.infer<typeof CancellationTerms>;

export const LaybyRules = z
  .object({
    enabled: z.boolean(),
    minDepositBp: Bp,
    minInstalmentCents: Cents,
    frequencies: z.array(z.enum(INSTALLMENT_FREQUENCIES)).min(1, { message: 'needs at least one' }),
    maxTermDays: z.number().int().min(7).max(365),
    /** On the goods total, when the layby is opened. */
    serviceFee: Charge,
    administrationFee: Charge,
    /** A percentage here is of the missed instalment. */
    lateFee: Charge,
    lateFeeGraceDays: z.number().int().min(0).max(60),
    /** Missed instalments (past the grace period) that make a layby DEFAULTED. */
    defaultAfterMissed: z.number().int().min(1).max(24),
    cancellation: z.object({
      CUSTOMER: CancellationTerms,
      STORE: CancellationTerms,
      DEFAULT: CancellationTerms,
    }),
    /** Who may hand over the goods of a paid-up layby. */
    releaseBy: z.enum(['CASHIER', 'SUPERVISOR']),
  })
  .strict();
export type LaybyRules = z.infer<typeof LaybyRules>;
export type LaybyRulesInput = z.input<typeof LaybyRules>;

const standard = (minDepositBp: number): LaybyRules => ({
  enabled: true,
  minDepositBp,
  minInstalmentCents: 500,
  frequencies: ['WEEKLY', 'FORTNIGHTLY', 'MONTHLY'],
  // Three calendar months: at most 92 days (e.g. 31 May → 31 August), so a three-month plan
  // is never refused for the month it starts in.
  maxTermDays: 92,
  serviceFee: { kind: 'NONE' },
  administrationFee: { kind: 'FIXED', cents: 200 },
  lateFee: { kind: 'PERCENT', bp: 500, capCents: 1000 },
  lateFeeGraceDays: 7,
  defaultAfterMissed: 3,
  cancellation: {
    CUSTOMER: { fee: { kind: 'PERCENT', bp: 1000, capCents: 2000 }, keepsFees: true },
    STORE: { fee: { kind: 'NONE' }, keepsFees: false },
    DEFAULT: { fee: { kind: 'NONE' }, keepsFees: true },
  },
  releaseBy: 'CASHIER',
});

/**
 * The plan's feature matrix: layby is critical for clothing, standard for hardware and
 * construction, switched off for grocery and the restaurant.
 */
export const DEFAULT_LAYBY_RULES: Record<DivisionCode, LaybyRules> = {
  CLO: standard(2000),
  HWR: { ...standard(3000), maxTermDays: 120, releaseBy: 'SUPERVISOR' },
  CON: { ...standard(3000), maxTermDays: 120, releaseBy: 'SUPERVISOR' },
  GRO: { ...standard(2000), enabled: false },
  RST: { ...standard(2000), enabled: false },
};

/** The rules head office saved for a division, or its defaults. A stored row that no longer parses falls back too. */
export function laybyRulesFor(code: DivisionCode, stored: unknown): LaybyRules {
  if (stored == null) return DEFAULT_LAYBY_RULES[code];
  const parsed = LaybyRules.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_LAYBY_RULES[code];
}

/** The cents a charge comes to on a base amount (never more than its cap). */
export function chargeOn(charge: Charge, baseCents: number): number {
  switch (charge.kind) {
    case 'NONE':
      return 0;
    case 'FIXED':
      return charge.cents;
    case 'PERCENT': {
      const amount = percentOf(money(baseCents, 'USD'), charge.bp).cents;
      return charge.capCents === null ? amount : Math.min(amount, charge.capCents);
    }
  }
}
