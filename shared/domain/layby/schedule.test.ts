import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from './dates';
import { DEFAULT_LAYBY_RULES, type LaybyRules } from './rules';
import {
  dueDateOf,
  minimumDeposit,
  quoteLayby,
  Schedule,
  splitInstalments,
  type LaybyQuote,
  type LaybyTerms,
} from './schedule';
import {
  anyTermsArb,
  laybyRulesArb,
  maxInstalmentsByTerm,
  RUNS,
  shopDateArb,
  sumOf,
  validCaseArb,
} from './testing/arbitraries';

const CLO = DEFAULT_LAYBY_RULES.CLO;
/** Clothing with the term pinned at 90 days, so the boundary tests do not move with the defaults. */
const NINETY: LaybyRules = { ...CLO, maxTermDays: 90 };
const WITH_CUSTOM: LaybyRules = { ...NINETY, frequencies: [...CLO.frequencies, 'CUSTOM'] };

/** US$100.00 of clothes, 20 % deposit, three monthly instalments from 31 January 2025. */
const hundredDollars: LaybyTerms = {
  itemsTotalCents: 10_000,
  depositCents: 2000,
  frequency: 'MONTHLY',
  instalments: 3,
  startDate: '2025-01-31',
};

function quoted(rules: LaybyRules, terms: LaybyTerms): LaybyQuote {
  const result = quoteLayby(rules, terms);
  if (!result.ok) throw new Error(`refused: ${result.field} ${result.message}`);
  return result.quote;
}

describe('quoteLayby: a US$100 clothing layby', () => {
  it('works out fees, deposit, balance and a month-end-clamped schedule', () => {
    expect(quoted(CLO, hundredDollars)).toEqual({
      itemsTotalCents: 10_000,
      serviceFeeCents: 0,
      administrationFeeCents: 200,
      totalFeesCents: 200,
      minDepositCents: 2000,
      depositCents: 2000,
      depositPercentBp: 2000,
      // 100.00 + 2.00 admin − 20.00 deposit
      balanceAfterDepositCents: 8200,
      // 82.00 / 3 = 27.33 + 27.33 + 27.34
      instalmentCents: 2733,
      schedule: [
        { dueDate: '2025-02-28', amountCents: 2733 },
        { dueDate: '2025-03-31', amountCents: 2733 },
        { dueDate: '2025-04-30', amountCents: 2734 },
      ],
      completionDueDate: '2025-04-30',
    });
  });

  it('falls due on 29 February in a leap year, and a 90-day plan is exactly within a 90-day term', () => {
    const q = quoted(NINETY, { ...hundredDollars, startDate: '2024-01-31' });
    expect(q.schedule.map((i) => i.dueDate)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
    expect(daysBetween('2024-01-31', q.completionDueDate)).toBe(90);
  });

  it('takes a service fee as a percentage of the goods and adds it to what is owed', () => {
    const rules: LaybyRules = {
      ...CLO,
      serviceFee: { kind: 'PERCENT', bp: 250, capCents: null },
    };
    const q = quoted(rules, hundredDollars);
    expect(q.serviceFeeCents).toBe(250);
    expect(q.administrationFeeCents).toBe(200);
    expect(q.totalFeesCents).toBe(450);
    expect(q.balanceAfterDepositCents).toBe(8450);
    expect(q.schedule.map((i) => i.amountCents)).toEqual([2816, 2816, 2818]);
  });

  it('schedules weekly and fortnightly plans from the start date', () => {
    const weekly = quoted(CLO, {
      ...hundredDollars,
      frequency: 'WEEKLY',
      instalments: 4,
      startDate: '2025-06-02',
    });
    expect(weekly.schedule).toEqual([
      { dueDate: '2025-06-09', amountCents: 2050 },
      { dueDate: '2025-06-16', amountCents: 2050 },
      { dueDate: '2025-06-23', amountCents: 2050 },
      { dueDate: '2025-06-30', amountCents: 2050 },
    ]);
    const fortnightly = quoted(CLO, {
      ...hundredDollars,
      frequency: 'FORTNIGHTLY',
      instalments: 2,
      startDate: '2025-12-25',
    });
    expect(fortnightly.schedule.map((i) => i.dueDate)).toEqual(['2026-01-08', '2026-01-22']);
  });

  it('schedules a CUSTOM interval when the division allows it', () => {
    const q = quoted(WITH_CUSTOM, {
      ...hundredDollars,
      frequency: 'CUSTOM',
      intervalDays: 10,
      instalments: 3,
      startDate: '2025-02-25',
    });
    expect(q.schedule.map((i) => i.dueDate)).toEqual(['2025-03-07', '2025-03-17', '2025-03-27']);
    // intervalDays is ignored for the fixed frequencies
    const monthly = quoted(CLO, { ...hundredDollars, intervalDays: 10 });
    expect(monthly.schedule.map((i) => i.dueDate)).toEqual([
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
    ]);
  });

  it('rounds the minimum deposit up to a whole cent', () => {
    expect(minimumDeposit(CLO, 1999)).toBe(400); // 20 % of 19.99 = 3.998
    expect(minimumDeposit(CLO, 1)).toBe(1); // 0.2 c → 1 c
    expect(minimumDeposit(CLO, 10_000)).toBe(2000);
    expect(minimumDeposit({ ...CLO, minDepositBp: 0 }, 10_000)).toBe(0);
  });

  it('accepts the minimum deposit exactly, and anything up to a cent short of everything owed', () => {
    expect(quoteLayby(CLO, { ...hundredDollars, depositCents: 2000 }).ok).toBe(true);
    const nearlyAll = quoted(CLO, { ...hundredDollars, depositCents: 10_199, instalments: 1 });
    expect(nearlyAll.schedule).toEqual([{ dueDate: '2025-02-28', amountCents: 1 }]);
    expect(nearlyAll.depositPercentBp).toBe(10_000); // 101.99 % of the goods, shown as 100 %
  });

  it('shows the deposit percentage rounded down', () => {
    expect(
      quoted(CLO, { ...hundredDollars, itemsTotalCents: 9999, depositCents: 2500 })
        .depositPercentBp,
    ).toBe(2500);
    expect(
      quoted(CLO, { ...hundredDollars, itemsTotalCents: 3000, depositCents: 1001 })
        .depositPercentBp,
    ).toBe(3336);
  });

  it('lets the instalments be exactly the minimum, and refuses one cent less', () => {
    // 100.00 + 2.00 − 87.00 = 15.00 = 3 × 5.00
    const exact = quoted(CLO, { ...hundredDollars, depositCents: 8700 });
    expect(exact.schedule.map((i) => i.amountCents)).toEqual([500, 500, 500]);
    // 14.99 → 4.99 + 4.99 + 5.01
    expect(quoteLayby(CLO, { ...hundredDollars, depositCents: 8701 })).toEqual({
      ok: false,
      field: 'instalments',
      message: 'too many: each must be at least 500 cents',
    });
    // two instalments: 9.99 → 4.99 + 5.00
    expect(
      quoteLayby(CLO, { ...hundredDollars, depositCents: 9201, instalments: 2 }),
    ).toMatchObject({
      ok: false,
      field: 'instalments',
    });
    // a single instalment may be below the minimum: it is the whole balance
    expect(
      quoted(CLO, { ...hundredDollars, depositCents: 8701, instalments: 1 }).schedule[0]
        ?.amountCents,
    ).toBe(1499);
  });

  it('refuses too many instalments for the minimum even when the term would allow them', () => {
    const daily = { ...hundredDollars, frequency: 'CUSTOM' as const, intervalDays: 1 };
    // 82.00 / 16 = 5.12 each, the last 5.20
    const sixteen = quoted(WITH_CUSTOM, { ...daily, instalments: 16 });
    expect(sixteen.instalmentCents).toBe(512);
    expect(sixteen.schedule.at(-1)?.amountCents).toBe(520);
    // 82.00 / 17 = 4.82
    expect(quoteLayby(WITH_CUSTOM, { ...daily, instalments: 17 })).toMatchObject({
      ok: false,
      field: 'instalments',
    });
  });

  it('enforces the longest term to the day', () => {
    // 12 weeks = 84 days fits in 90; 13 weeks = 91 does not
    expect(quoteLayby(NINETY, { ...hundredDollars, frequency: 'WEEKLY', instalments: 12 }).ok).toBe(
      true,
    );
    expect(quoteLayby(NINETY, { ...hundredDollars, frequency: 'WEEKLY', instalments: 13 })).toEqual(
      {
        ok: false,
        field: 'instalments',
        message: 'the plan may run at most 90 days',
      },
    );
    // 31 Jan → 31 May is 120 days
    expect(quoteLayby(NINETY, { ...hundredDollars, instalments: 4 })).toMatchObject({
      ok: false,
      field: 'instalments',
    });
    // CUSTOM: 2 × 45 = 90 is fine, 1 × 91 is not
    const custom = { ...hundredDollars, frequency: 'CUSTOM' as const };
    expect(quoteLayby(WITH_CUSTOM, { ...custom, intervalDays: 45, instalments: 2 }).ok).toBe(true);
    expect(quoteLayby(WITH_CUSTOM, { ...custom, intervalDays: 91, instalments: 1 })).toMatchObject({
      ok: false,
      field: 'instalments',
    });
    // hardware allows 120 days
    expect(
      quoteLayby(DEFAULT_LAYBY_RULES.HWR, { ...hundredDollars, depositCents: 3000, instalments: 4 })
        .ok,
    ).toBe(true);
  });

  it('clothing’s default term takes three monthly instalments from any start, even 31 May → 31 August (92 days)', () => {
    const may = quoted(CLO, { ...hundredDollars, startDate: '2025-05-31' });
    expect(may.schedule.map((i) => i.dueDate)).toEqual(['2025-06-30', '2025-07-31', '2025-08-31']);
    expect(daysBetween('2025-05-31', may.completionDueDate)).toBe(92);
    fc.assert(
      fc.property(shopDateArb, (startDate) => {
        expect(quoteLayby(CLO, { ...hundredDollars, startDate }).ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it.each<[string, LaybyRules, Partial<LaybyTerms>, string, string | RegExp]>([
    ['grocery (layby is off)', DEFAULT_LAYBY_RULES.GRO, {}, 'division', 'does not take laybys'],
    [
      'the restaurant (layby is off)',
      DEFAULT_LAYBY_RULES.RST,
      {},
      'division',
      'does not take laybys',
    ],
    ['no goods', CLO, { itemsTotalCents: 0 }, 'items', 'add at least one item'],
    ['a negative total', CLO, { itemsTotalCents: -100 }, 'items', 'add at least one item'],
    ['fractional cents', CLO, { itemsTotalCents: 100.5 }, 'items', 'add at least one item'],
    [
      'CUSTOM where it is not offered',
      CLO,
      { frequency: 'CUSTOM', intervalDays: 10 },
      'frequency',
      'must be one of weekly, fortnightly, monthly',
    ],
    ['no instalments', CLO, { instalments: 0 }, 'instalments', 'must be 1 to 120'],
    ['121 instalments', CLO, { instalments: 121 }, 'instalments', 'must be 1 to 120'],
    ['half an instalment', CLO, { instalments: 2.5 }, 'instalments', 'must be 1 to 120'],
    [
      'CUSTOM without an interval',
      WITH_CUSTOM,
      { frequency: 'CUSTOM', intervalDays: null },
      'intervalDays',
      'must be at least 1 day',
    ],
    [
      'CUSTOM with a zero interval',
      WITH_CUSTOM,
      { frequency: 'CUSTOM', intervalDays: 0 },
      'intervalDays',
      'must be at least 1 day',
    ],
    [
      'CUSTOM with a fractional interval',
      WITH_CUSTOM,
      { frequency: 'CUSTOM', intervalDays: 1.5 },
      'intervalDays',
      'must be at least 1 day',
    ],
    [
      'a deposit a cent under 20 %',
      CLO,
      { depositCents: 1999 },
      'depositCents',
      'must be at least 2000 cents',
    ],
    [
      'a fractional deposit',
      CLO,
      { depositCents: 2000.5 },
      'depositCents',
      'must be at least 2000 cents',
    ],
    [
      'a deposit of everything owed',
      CLO,
      { depositCents: 10_200 },
      'depositCents',
      /ring it up as a sale/,
    ],
    [
      'a deposit of more than is owed',
      CLO,
      { depositCents: 50_000 },
      'depositCents',
      /ring it up as a sale/,
    ],
    [
      'a plan over 90 days',
      NINETY,
      { instalments: 4 },
      'instalments',
      'the plan may run at most 90 days',
    ],
    [
      'instalments under US$5',
      CLO,
      { depositCents: 9000 },
      'instalments',
      'too many: each must be at least 500 cents',
    ],
  ])('refuses %s, naming the field', (_, rules, change, field, message) => {
    const result = quoteLayby(rules, { ...hundredDollars, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(field);
    expect(result.message).toMatch(message);
  });

  it('checks a deposit against the goods only, not the fees', () => {
    const rules: LaybyRules = { ...CLO, administrationFee: { kind: 'FIXED', cents: 5000 } };
    const q = quoted(rules, hundredDollars);
    expect(q.minDepositCents).toBe(2000);
    expect(q.balanceAfterDepositCents).toBe(13_000);
  });

  it('a 100 % minimum deposit with no fees leaves nothing to put on layby', () => {
    const rules: LaybyRules = { ...CLO, minDepositBp: 10_000, administrationFee: { kind: 'NONE' } };
    expect(quoteLayby(rules, { ...hundredDollars, depositCents: 10_000 })).toMatchObject({
      ok: false,
      field: 'depositCents',
    });
  });
});

describe('dueDateOf', () => {
  it('counts from the start date, one interval per instalment', () => {
    expect(dueDateOf('2025-01-31', 'WEEKLY', 1)).toBe('2025-02-07');
    expect(dueDateOf('2025-01-31', 'FORTNIGHTLY', 2)).toBe('2025-02-28');
    expect(dueDateOf('2025-01-31', 'MONTHLY', 1)).toBe('2025-02-28');
    expect(dueDateOf('2025-01-31', 'MONTHLY', 2)).toBe('2025-03-31'); // not 28 March
    expect(dueDateOf('2025-08-31', 'MONTHLY', 1)).toBe('2025-09-30');
    expect(dueDateOf('2025-01-31', 'CUSTOM', 3, 10)).toBe('2025-03-02');
    expect(dueDateOf('2025-01-31', 'MONTHLY', 0)).toBe('2025-01-31');
  });

  it('strictly increases for every frequency, and monthly dates keep the start day or the month end', () => {
    fc.assert(
      fc.property(
        shopDateArb,
        fc.constantFrom(
          'WEEKLY' as const,
          'FORTNIGHTLY' as const,
          'MONTHLY' as const,
          'CUSTOM' as const,
        ),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        (start, frequency, interval, k) => {
          const a = dueDateOf(start, frequency, k, interval);
          const b = dueDateOf(start, frequency, k + 1, interval);
          expect(daysBetween(a, b)).toBeGreaterThan(0);
          if (frequency === 'MONTHLY') {
            const startDay = Number(start.slice(8));
            const [y, m, d] = a.split('-').map(Number) as [number, number, number];
            expect(d).toBe(Math.min(startDay, new Date(Date.UTC(y, m, 0)).getUTCDate()));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('splitInstalments', () => {
  it('puts the remainder on the last', () => {
    expect(splitInstalments(8200, 3)).toEqual([2733, 2733, 2734]);
    expect(splitInstalments(100, 1)).toEqual([100]);
    expect(splitInstalments(2, 3)).toEqual([0, 0, 2]);
    expect(splitInstalments(0, 2)).toEqual([0, 0]);
    expect(splitInstalments(999, 10)).toEqual([99, 99, 99, 99, 99, 99, 99, 99, 99, 108]);
  });

  it('adds back exactly, all but the last equal, the last within n − 1 cents of them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 120 }),
        (amount, n) => {
          const parts = splitInstalments(amount, n);
          expect(sumOf(parts)).toBe(amount);
          const each = parts[0] ?? 0;
          const last = parts[n - 1] ?? 0;
          expect(Number.isInteger(each) && each >= 0).toBe(true);
          expect(parts).toEqual([...Array<number>(n - 1).fill(each), last]);
          expect(last - each).toBeGreaterThanOrEqual(0);
          expect(last - each).toBeLessThan(n);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** Everything a quote promises, checked against the rules and terms it came from. */
function expectSoundQuote(rules: LaybyRules, terms: LaybyTerms, q: LaybyQuote) {
  const { schedule } = q;
  expect(schedule).toHaveLength(terms.instalments);
  expect(Schedule.safeParse(schedule).success).toBe(true);
  // adds up to the balance after deposit exactly
  expect(sumOf(schedule.map((i) => i.amountCents))).toBe(q.balanceAfterDepositCents);
  expect(q.balanceAfterDepositCents).toBe(
    terms.itemsTotalCents + q.totalFeesCents - terms.depositCents,
  );
  expect(q.balanceAfterDepositCents).toBeGreaterThan(0);
  expect(q.totalFeesCents).toBe(q.serviceFeeCents + q.administrationFeeCents);
  // non-negative whole cents; all equal but the last, which takes the remainder
  for (const i of schedule) {
    expect(Number.isInteger(i.amountCents)).toBe(true);
    expect(i.amountCents).toBeGreaterThanOrEqual(0);
  }
  const each = schedule[0]?.amountCents ?? 0;
  expect(q.instalmentCents).toBe(each);
  for (const i of schedule.slice(0, -1)) expect(i.amountCents).toBe(each);
  const last = schedule.at(-1)?.amountCents ?? 0;
  expect(last - each).toBeGreaterThanOrEqual(0);
  expect(last - each).toBeLessThan(terms.instalments);
  // at least the minimum each when there is more than one
  if (terms.instalments > 1) expect(each).toBeGreaterThanOrEqual(rules.minInstalmentCents);
  // the deposit is at least the minimum and not everything
  expect(terms.depositCents).toBeGreaterThanOrEqual(q.minDepositCents);
  expect(q.minDepositCents).toBe(minimumDeposit(rules, terms.itemsTotalCents));
  // dates strictly increase from after the start and end within the longest term
  let previous = terms.startDate;
  for (const i of schedule) {
    expect(daysBetween(previous, i.dueDate)).toBeGreaterThan(0);
    previous = i.dueDate;
  }
  expect(q.completionDueDate).toBe(schedule.at(-1)?.dueDate);
  expect(daysBetween(terms.startDate, q.completionDueDate)).toBeLessThanOrEqual(rules.maxTermDays);
  // each date is the k-th due date of the plan
  schedule.forEach((i, k) =>
    expect(i.dueDate).toBe(
      dueDateOf(terms.startDate, terms.frequency, k + 1, terms.intervalDays ?? null),
    ),
  );
}

describe('quoteLayby properties', () => {
  it('accepts any terms that satisfy the rules, with a schedule that adds up exactly', () => {
    fc.assert(
      fc.property(validCaseArb, ({ rules, terms }) => {
        const result = quoteLayby(rules, terms);
        expect(result).toMatchObject({ ok: true });
        if (result.ok) expectSoundQuote(rules, terms, result.quote);
      }),
      { numRuns: RUNS },
    );
  });

  it('for any terms at all: either a sound quote, or a refusal naming a field', () => {
    const fields = [
      'division',
      'items',
      'frequency',
      'instalments',
      'intervalDays',
      'depositCents',
    ];
    fc.assert(
      fc.property(laybyRulesArb, anyTermsArb, (rules, terms) => {
        const result = quoteLayby(rules, terms);
        if (result.ok) {
          expectSoundQuote(rules, terms, result.quote);
        } else {
          expect(fields).toContain(result.field);
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a plan one instalment longer than the term allows', () => {
    fc.assert(
      fc.property(validCaseArb, ({ rules, terms }) => {
        const interval = terms.intervalDays ?? null;
        const most = maxInstalmentsByTerm(
          terms.startDate,
          terms.frequency,
          interval,
          rules.maxTermDays,
        );
        fc.pre(most < 120);
        // no minimum instalment, so only the term can refuse it
        const result = quoteLayby(
          { ...rules, minInstalmentCents: 0 },
          { ...terms, instalments: most + 1 },
        );
        expect(result).toEqual({
          ok: false,
          field: 'instalments',
          message: `the plan may run at most ${rules.maxTermDays} days`,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses one instalment more than the minimum instalment allows', () => {
    fc.assert(
      fc.property(validCaseArb, ({ rules, terms }) => {
        fc.pre(rules.minInstalmentCents > 0);
        const q = quoteLayby(rules, terms);
        if (!q.ok) throw new Error(`refused: ${q.field}`);
        const n = Math.floor(q.quote.balanceAfterDepositCents / rules.minInstalmentCents) + 1;
        fc.pre(n >= 2 && n <= 120);
        // an unbounded term, so only the minimum can refuse it
        expect(
          quoteLayby(
            { ...rules, maxTermDays: 365, frequencies: ['CUSTOM'] },
            { ...terms, frequency: 'CUSTOM', intervalDays: 1, instalments: n },
          ),
        ).toEqual({
          ok: false,
          field: 'instalments',
          message: `too many: each must be at least ${rules.minInstalmentCents} cents`,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a deposit one cent under the minimum', () => {
    fc.assert(
      fc.property(validCaseArb, ({ rules, terms }) => {
        const min = minimumDeposit(rules, terms.itemsTotalCents);
        fc.pre(min > 0);
        expect(quoteLayby(rules, { ...terms, depositCents: min - 1 })).toMatchObject({
          ok: false,
          field: 'depositCents',
        });
      }),
      { numRuns: RUNS },
    );
  });
});
