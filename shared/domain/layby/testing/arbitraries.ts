import fc from 'fast-check';
import { INSTALLMENT_FREQUENCIES, type InstallmentFrequency } from '../../enums';
import { addDays, daysBetween, type ShopDate } from '../dates';
import {
  CANCEL_INITIATORS,
  chargeOn,
  LaybyRules,
  type CancelInitiator,
  type Charge,
} from '../rules';
import { dueDateOf, minimumDeposit, type Instalment, type LaybyTerms } from '../schedule';

// fast-check arbitraries for the layby tests. Everything here is test-only.

/** Runs for the properties: enough to find edge cases, few enough for a shared 2-core box. */
export const RUNS = 300;

const EPOCH: ShopDate = '2020-01-01';
/** A shop day between 2020 and the end of 2035 (covers leap years and month ends). */
export const shopDateArb: fc.Arbitrary<ShopDate> = fc
  .integer({ min: 0, max: daysBetween(EPOCH, '2035-12-31') })
  .map((n) => addDays(EPOCH, n));

/** A shop day biased to month ends, where monthly plans clamp. */
export const monthEndBiasedDateArb: fc.Arbitrary<ShopDate> = fc.oneof(
  shopDateArb,
  fc
    .tuple(
      fc.integer({ min: 2020, max: 2035 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 28, max: 31 }),
    )
    .map(([y, m, d]) => {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
    }),
);

export const chargeArb = (maxCents = 100_000): fc.Arbitrary<Charge> =>
  fc.oneof(
    fc.constant({ kind: 'NONE' as const }),
    fc.record({
      kind: fc.constant('FIXED' as const),
      cents: fc.integer({ min: 0, max: maxCents }),
    }),
    fc.record({
      kind: fc.constant('PERCENT' as const),
      bp: fc.integer({ min: 0, max: 10_000 }),
      capCents: fc.option(fc.integer({ min: 0, max: maxCents }), { nil: null }),
    }),
  );

const cancellationTermsArb = fc.record({ fee: chargeArb(), keepsFees: fc.boolean() });

/** Any rules the schema accepts, with layby switched on. */
export const laybyRulesArb: fc.Arbitrary<LaybyRules> = fc
  .record({
    enabled: fc.constant(true),
    minDepositBp: fc.oneof(
      fc.integer({ min: 0, max: 10_000 }),
      fc.constantFrom(0, 2000, 3000, 10_000),
    ),
    minInstalmentCents: fc.oneof(
      fc.integer({ min: 0, max: 5000 }),
      fc.constantFrom(0, 1, 500),
      fc.integer({ min: 0, max: 50_000 }),
    ),
    frequencies: fc.uniqueArray(fc.constantFrom(...INSTALLMENT_FREQUENCIES), {
      minLength: 1,
      maxLength: INSTALLMENT_FREQUENCIES.length,
    }),
    maxTermDays: fc.oneof(fc.integer({ min: 7, max: 365 }), fc.constantFrom(7, 28, 90, 120, 365)),
    serviceFee: chargeArb(),
    administrationFee: chargeArb(),
    lateFee: chargeArb(),
    lateFeeGraceDays: fc.integer({ min: 0, max: 60 }),
    defaultAfterMissed: fc.integer({ min: 1, max: 24 }),
    cancellation: fc.record({
      CUSTOMER: cancellationTermsArb,
      STORE: cancellationTermsArb,
      DEFAULT: cancellationTermsArb,
    }),
    releaseBy: fc.constantFrom('CASHIER' as const, 'SUPERVISOR' as const),
  })
  .map((r) => LaybyRules.parse(r));

export const initiatorArb: fc.Arbitrary<CancelInitiator> = fc.constantFrom(...CANCEL_INITIATORS);

/** The most instalments of this frequency that end within the rules' longest term. */
export function maxInstalmentsByTerm(
  startDate: ShopDate,
  frequency: InstallmentFrequency,
  intervalDays: number | null,
  maxTermDays: number,
): number {
  let k = 0;
  while (
    k < 120 &&
    daysBetween(startDate, dueDateOf(startDate, frequency, k + 1, intervalDays)) <= maxTermDays
  )
    k += 1;
  return k;
}

export type ValidCase = { rules: LaybyRules; terms: LaybyTerms };

/**
 * Rules and terms that satisfy every rule, worked out independently of quoteLayby: the
 * frequency is allowed, the deposit is at least the minimum and leaves something owing, the
 * instalments fit in the longest term and (when more than one) are each at least the minimum.
 */
export const validCaseArb: fc.Arbitrary<ValidCase> = fc
  .tuple(
    laybyRulesArb,
    fc.oneof(
      { arbitrary: fc.integer({ min: 10_000, max: 10_000_000 }), weight: 3 },
      { arbitrary: fc.integer({ min: 1, max: 10_000 }), weight: 1 },
    ),
    monthEndBiasedDateArb,
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 1, max: 365 }),
    // where the deposit falls between the minimum and everything owed, per million
    fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 0, max: 50_000 }),
      fc.constantFrom(0, 1_000_000),
    ),
  )
  .map(([rules, itemsTotalCents, startDate, pick, interval, depositPerMillion]) => {
    const fees =
      chargeOn(rules.serviceFee, itemsTotalCents) +
      chargeOn(rules.administrationFee, itemsTotalCents);
    const owed = itemsTotalCents + fees;
    const minDep = minimumDeposit(rules, itemsTotalCents);
    if (minDep >= owed) return null;
    const depositCents = minDep + Math.floor(((owed - 1 - minDep) * depositPerMillion) / 1_000_000);
    const balance = owed - depositCents;
    const frequency = rules.frequencies[pick % rules.frequencies.length] as InstallmentFrequency;
    const intervalDays = frequency === 'CUSTOM' ? 1 + (interval % rules.maxTermDays) : null;
    const byTerm = maxInstalmentsByTerm(startDate, frequency, intervalDays, rules.maxTermDays);
    const byMinimum =
      rules.minInstalmentCents === 0 ? 120 : Math.floor(balance / rules.minInstalmentCents);
    const maxN = Math.min(120, byTerm, Math.max(1, byMinimum));
    if (maxN < 1) return null;
    const terms: LaybyTerms = {
      itemsTotalCents,
      depositCents,
      frequency,
      instalments: 1,
      intervalDays,
      startDate,
    };
    return { rules, terms, maxN };
  })
  .filter((c) => c !== null)
  .chain(({ rules, terms, maxN }) =>
    fc
      .integer({ min: 1, max: maxN })
      .map((instalments): ValidCase => ({ rules, terms: { ...terms, instalments } })),
  );

/** Any terms at all (most of them refused), to check refusals and accepted quotes alike. */
export const anyTermsArb: fc.Arbitrary<LaybyTerms> = fc.record({
  itemsTotalCents: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 10_000_000 }), weight: 8 },
    { arbitrary: fc.constantFrom(-100, 0, 1, 1.5), weight: 1 },
  ),
  depositCents: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 10_000_000 }), weight: 8 },
    { arbitrary: fc.constantFrom(-1, 0, 0.5), weight: 1 },
  ),
  frequency: fc.constantFrom(...INSTALLMENT_FREQUENCIES),
  instalments: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 12 }), weight: 8 },
    { arbitrary: fc.constantFrom(-1, 0, 2.5, 120, 121), weight: 1 },
  ),
  intervalDays: fc.option(
    fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 8 },
      { arbitrary: fc.constantFrom(-1, 0, 1.5, 400), weight: 1 },
    ),
    { nil: null, freq: 8 },
  ),
  startDate: monthEndBiasedDateArb,
});

/** A schedule as quoteLayby makes them: strictly increasing due dates, non-negative whole cents. */
export const scheduleArb: fc.Arbitrary<Instalment[]> = fc
  .tuple(
    shopDateArb,
    fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 40 }),
        fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant(0)),
      ),
      {
        minLength: 0,
        maxLength: 24,
      },
    ),
  )
  .map(([start, steps]) => {
    let date = start;
    return steps.map(([gap, amountCents]) => {
      date = addDays(date, gap);
      return { dueDate: date, amountCents };
    });
  });

/** Sums a list of cents. */
export const sumOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
