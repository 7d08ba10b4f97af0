import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded } from '../../money/money';
import {
  CentsAmount,
  itemsTotalCents,
  LaybyCancelPayload,
  LaybyCreatePayload,
  LaybyItem,
  LaybyItems,
  LaybyPayPayload,
  lineAmountCents,
  PlanChoice,
  PositiveCents,
  Tendered,
} from './records';
import { DEFAULT_LAYBY_RULES } from './rules';
import { quoteLayby } from './schedule';
import { RUNS } from './testing/arbitraries';

const ID = '3f1c2a4e-8b7d-4c21-9a3e-5d6f7a8b9c0d';
const ID2 = '9a3e5d6f-7a8b-4c0d-8b7d-3f1c2a4e4c21';

const firstIssue = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => {
  const issue = result.error?.issues[0];
  return issue ? { path: issue.path, message: issue.message } : null;
};

describe('line and items totals', () => {
  it('is quantity × price in thousandths, rounded to the cent half away from zero', () => {
    expect(lineAmountCents({ quantityMilli: 1000, unitPriceCents: 2500 })).toBe(2500);
    expect(lineAmountCents({ quantityMilli: 3000, unitPriceCents: 2500 })).toBe(7500);
    // 1.5 m of fabric at US$3.33 a metre = 4.995 → 5.00
    expect(lineAmountCents({ quantityMilli: 1500, unitPriceCents: 333 })).toBe(500);
    // 1.25 m at US$1.99 = 2.4875 → 2.49
    expect(lineAmountCents({ quantityMilli: 1250, unitPriceCents: 199 })).toBe(249);
    // 0.001 of a 1 c item is nothing
    expect(lineAmountCents({ quantityMilli: 1, unitPriceCents: 1 })).toBe(0);
    expect(lineAmountCents({ quantityMilli: 1000, unitPriceCents: 0 })).toBe(0);
  });

  it('adds lines after rounding each', () => {
    const items = LaybyItems.parse([
      { description: 'Denim jacket', quantityMilli: 1000, unitPriceCents: 6000 },
      { description: 'Chitenge fabric', quantityMilli: 1500, unitPriceCents: 333 },
      { description: 'School socks', quantityMilli: 5000, unitPriceCents: 700 },
    ]);
    expect(itemsTotalCents(items)).toBe(6000 + 500 + 3500);
    expect(itemsTotalCents([])).toBe(0);
  });

  it('agrees with the app rounding rule (divideRounded) for every line within exact range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 9_000_000 }),
        (q, p) => {
          expect(lineAmountCents({ quantityMilli: q, unitPriceCents: p })).toBe(
            divideRounded(q * p, 1000),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('payload schemas', () => {
  it('refuses amounts that are not whole, positive cents, with the cashier’s words', () => {
    expect(firstIssue(CentsAmount.safeParse(1.5))).toEqual({
      path: [],
      message: 'must be whole cents',
    });
    expect(firstIssue(CentsAmount.safeParse(-1))).toEqual({
      path: [],
      message: 'must not be negative',
    });
    expect(firstIssue(CentsAmount.safeParse('100'))).toEqual({
      path: [],
      message: 'must be an amount in cents',
    });
    expect(firstIssue(CentsAmount.safeParse(100_000_000_001))).toEqual({
      path: [],
      message: 'is too large',
    });
    expect(CentsAmount.parse(0)).toBe(0);
    expect(firstIssue(PositiveCents.safeParse(0))).toEqual({
      path: [],
      message: 'must be more than zero',
    });
    expect(PositiveCents.parse(1)).toBe(1);
  });

  it('names the field of a bad item', () => {
    expect(
      firstIssue(
        LaybyItem.safeParse({ description: '  ', quantityMilli: 1000, unitPriceCents: 100 }),
      ),
    ).toEqual({
      path: ['description'],
      message: 'is required',
    });
    expect(
      firstIssue(
        LaybyItem.safeParse({ description: 'Shirt', quantityMilli: 0, unitPriceCents: 100 }),
      ),
    ).toEqual({
      path: ['quantityMilli'],
      message: 'must be more than zero',
    });
    expect(firstIssue(LaybyItems.safeParse([]))).toEqual({
      path: [],
      message: 'add at least one item',
    });
    expect(
      LaybyItem.parse({ description: 'Shirt', quantityMilli: 1000, unitPriceCents: 100 }),
    ).toMatchObject({
      productId: null,
      sku: null,
    });
  });

  it('defaults a plan’s interval to none and bounds its instalments', () => {
    expect(PlanChoice.parse({ frequency: 'MONTHLY', instalments: 3 })).toEqual({
      frequency: 'MONTHLY',
      instalments: 3,
      intervalDays: null,
    });
    expect(firstIssue(PlanChoice.safeParse({ frequency: 'MONTHLY', instalments: 0 }))).toEqual({
      path: ['instalments'],
      message: 'must be at least 1',
    });
    expect(PlanChoice.safeParse({ frequency: 'DAILY', instalments: 3 }).success).toBe(false);
  });

  it('checks a tendered foreign-currency amount', () => {
    expect(
      Tendered.safeParse({
        cents: 26_751,
        currency: 'ZWG',
        rateMicros: 37_382,
        rateDate: '2025-03-01',
      }).success,
    ).toBe(true);
    expect(
      Tendered.safeParse({ cents: 0, currency: 'ZWG', rateMicros: 37_382, rateDate: '2025-03-01' })
        .success,
    ).toBe(false);
    expect(
      Tendered.safeParse({
        cents: 100,
        currency: 'ZWG',
        rateMicros: 37_382,
        rateDate: '2025-02-30',
      }).success,
    ).toBe(false);
  });

  it('carries a whole quoted layby from the till, and the payments and cancellation after it', () => {
    const rules = DEFAULT_LAYBY_RULES.CLO;
    const items = [{ description: 'Denim jacket', quantityMilli: 1000, unitPriceCents: 10_000 }];
    const result = quoteLayby(rules, {
      itemsTotalCents: 10_000,
      depositCents: 2000,
      frequency: 'MONTHLY',
      instalments: 3,
      startDate: '2025-01-31',
    });
    if (!result.ok) throw new Error('refused');
    const q = result.quote;
    const create = LaybyCreatePayload.parse({
      id: ID,
      laybyNumber: 'LAY-CLO-000001',
      universalCustomerId: ID2,
      divisionAccountId: ID2,
      currency: 'USD',
      items,
      plan: { frequency: 'MONTHLY', instalments: 3 },
      startDate: '2025-01-31',
      depositCents: q.depositCents,
      rules,
      totalAmountCents: q.itemsTotalCents,
      serviceFeeCents: q.serviceFeeCents,
      administrationFeeCents: q.administrationFeeCents,
      schedule: q.schedule,
      serviceFeeId: null,
      administrationFeeId: ID,
      actorUserId: ID2,
      createdAt: '2025-01-31T08:15:00+02:00',
    });
    expect(create.rules).toEqual(rules);
    expect(create.schedule).toEqual(q.schedule);
    expect(itemsTotalCents(create.items)).toBe(create.totalAmountCents);

    const pay = LaybyPayPayload.safeParse({
      id: ID,
      laybyId: ID2,
      receiptNumber: 'R-1',
      amountCents: 0,
      currency: 'USD',
      method: 'CASH',
      actorUserId: ID2,
      paidAt: '2025-02-28T10:00:00+02:00',
    });
    expect(firstIssue(pay)).toEqual({ path: ['amountCents'], message: 'must be more than zero' });

    const cancelled = LaybyCancelPayload.safeParse({
      laybyId: ID,
      initiator: 'SHOPLIFTER',
      reason: 'changed her mind',
      cancellationFeeCents: 1000,
      cancellationFeeId: ID2,
      keptFeesCents: 200,
      refund: null,
      actorUserId: ID2,
      cancelledAt: '2025-03-01T10:00:00+02:00',
    });
    expect(firstIssue(cancelled)?.path).toEqual(['initiator']);
  });

  it('refuses a schedule longer than 120 instalments or with negative amounts', () => {
    const base = {
      id: ID,
      laybyNumber: 'LAY-CLO-000002',
      universalCustomerId: ID2,
      divisionAccountId: ID2,
      currency: 'USD',
      items: [{ description: 'Shirt', quantityMilli: 1000, unitPriceCents: 10_000 }],
      plan: { frequency: 'WEEKLY', instalments: 1 },
      startDate: '2025-01-31',
      depositCents: 2000,
      rules: DEFAULT_LAYBY_RULES.CLO,
      totalAmountCents: 10_000,
      serviceFeeCents: 0,
      administrationFeeCents: 200,
      serviceFeeId: null,
      administrationFeeId: null,
      actorUserId: ID2,
      createdAt: '2025-01-31T08:15:00+02:00',
    };
    const negative = LaybyCreatePayload.safeParse({
      ...base,
      schedule: [{ dueDate: '2025-02-07', amountCents: -1 }],
    });
    expect(firstIssue(negative)?.path).toEqual(['schedule', 0, 'amountCents']);
    const long = Array.from({ length: 121 }, () => ({ dueDate: '2025-02-07', amountCents: 1 }));
    expect(firstIssue(LaybyCreatePayload.safeParse({ ...base, schedule: long }))?.path).toEqual([
      'schedule',
    ]);
  });
});
