import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, startOfShopDay } from './dates';
import { balanceOf, cancel, chargeFee, quoteCancellation, type Ledger } from './ledger';
import { progressOf } from './progress';
import { projectLayby } from './projection';
import { DEFAULT_LAYBY_RULES } from './rules';
import { quoteLayby, type Instalment } from './schedule';
import { RUNS, validCaseArb } from './testing/arbitraries';

const schedule: Instalment[] = [
  { dueDate: '2025-02-28', amountCents: 2733 },
  { dueDate: '2025-03-31', amountCents: 2733 },
  { dueDate: '2025-04-30', amountCents: 2734 },
];
const opened: Ledger = { totalCents: 10_000, feesCents: 200, paidCents: 2000 };

describe('projectLayby', () => {
  it('after the deposit: the first instalment is next, due from the start of its shop day', () => {
    expect(projectLayby(opened, schedule, 2000)).toEqual({
      totalPaidCents: 2000,
      totalFeesCents: 200,
      balanceRemainingCents: 8200,
      // midnight in Harare is 22:00 UTC the day before
      paymentDueDate: '2025-02-27T22:00:00.000Z',
    });
  });

  it('moves the due date on once an instalment is fully paid, not before', () => {
    expect(projectLayby({ ...opened, paidCents: 4732 }, schedule, 2000).paymentDueDate).toBe(
      '2025-02-27T22:00:00.000Z',
    );
    expect(projectLayby({ ...opened, paidCents: 4733 }, schedule, 2000)).toEqual({
      totalPaidCents: 4733,
      totalFeesCents: 200,
      balanceRemainingCents: 5467,
      paymentDueDate: '2025-03-30T22:00:00.000Z',
    });
  });

  it('has no due date once every instalment is paid, even with late fees still owing', () => {
    const withLateFee = chargeFee({ ...opened, paidCents: 10_200 }, 137);
    expect(projectLayby(withLateFee, schedule, 2000)).toEqual({
      totalPaidCents: 10_200,
      totalFeesCents: 337,
      balanceRemainingCents: 137,
      paymentDueDate: null,
    });
  });

  it('after a cancellation by the customer, shows what the store kept as paid', () => {
    const midway: Ledger = { totalCents: 10_000, feesCents: 337, paidCents: 5000 };
    const after = cancel(midway, quoteCancellation(DEFAULT_LAYBY_RULES.CLO, 'CUSTOMER', midway));
    expect(projectLayby(after, schedule, 2000)).toMatchObject({
      totalPaidCents: 1337,
      totalFeesCents: 1337,
      balanceRemainingCents: 10_000,
    });
  });

  it('agrees with the ledger and with progressOf on any day', () => {
    fc.assert(
      fc.property(
        validCaseArb,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 400 }),
        (c, perMillion, day) => {
          const r = quoteLayby(c.rules, c.terms);
          if (!r.ok) throw new Error(`refused: ${r.field}`);
          const q = r.quote;
          const owed = q.itemsTotalCents + q.totalFeesCents;
          const paidCents =
            q.depositCents + Math.floor(((owed - q.depositCents) * perMillion) / 1_000_000);
          const ledger: Ledger = {
            totalCents: q.itemsTotalCents,
            feesCents: q.totalFeesCents,
            paidCents,
          };
          const projection = projectLayby(ledger, q.schedule, q.depositCents);
          expect(projection.totalPaidCents).toBe(paidCents);
          expect(projection.totalFeesCents).toBe(q.totalFeesCents);
          expect(projection.balanceRemainingCents).toBe(balanceOf(ledger));
          expect(projection.balanceRemainingCents).toBeGreaterThanOrEqual(0);
          // the opening fees are in the schedule, so the balance is exactly what the schedule has left
          const p = progressOf(q.schedule, q.depositCents, paidCents, c.terms.startDate, 0);
          const left = p.instalments.reduce((s, i) => s + i.amountCents - i.paidCents, 0);
          expect(projection.balanceRemainingCents).toBe(left);
          const someDay = progressOf(
            q.schedule,
            q.depositCents,
            paidCents,
            addDays(c.terms.startDate, day),
            7,
          );
          expect(projection.paymentDueDate).toBe(
            someDay.nextDue ? startOfShopDay(someDay.nextDue.dueDate) : null,
          );
          expect(projection.paymentDueDate === null).toBe(projection.balanceRemainingCents === 0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
