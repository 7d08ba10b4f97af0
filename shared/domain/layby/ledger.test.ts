import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYBY_STATUSES, type LaybyStatus } from '../enums';
import {
  allows,
  balanceOf,
  cancel,
  chargeFee,
  pay,
  quoteCancellation,
  receive,
  refund,
  statusAfterPayment,
  type CancellationQuote,
  type LaybyAction,
  type Ledger,
} from './ledger';
import { CANCEL_INITIATORS, DEFAULT_LAYBY_RULES, type LaybyRules } from './rules';
import { initiatorArb, laybyRulesArb, RUNS, sumOf } from './testing/arbitraries';

const CLO = DEFAULT_LAYBY_RULES.CLO;

/** The US$100 clothing layby after its US$20 deposit: US$2 admin fee, US$82 to go. */
const opened: Ledger = { totalCents: 10_000, feesCents: 200, paidCents: 2000 };

function ok(
  result: { ok: true; ledger: Ledger } | { ok: false; field: string; message: string },
): Ledger {
  if (!result.ok) throw new Error(`refused: ${result.field} ${result.message}`);
  return result.ledger;
}

describe('ledger arithmetic', () => {
  it('balance = total + fees − paid', () => {
    expect(balanceOf(opened)).toBe(8200);
    expect(balanceOf({ totalCents: 0, feesCents: 0, paidCents: 0 })).toBe(0);
  });

  it('pay: takes up to the balance and no more', () => {
    const once = ok(pay(opened, 2733));
    expect(once).toEqual({ totalCents: 10_000, feesCents: 200, paidCents: 4733 });
    expect(balanceOf(once)).toBe(5467);
    const paidUp = ok(pay(opened, 8200));
    expect(balanceOf(paidUp)).toBe(0);
    expect(pay(opened, 8201)).toEqual({
      ok: false,
      field: 'amountCents',
      message: 'is more than the balance of 8200 cents',
    });
    expect(pay(paidUp, 1)).toMatchObject({ ok: false, field: 'amountCents' });
  });

  it.each([0, -100, 10.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'pay and refund refuse %s cents, naming amountCents',
    (cents) => {
      expect(pay(opened, cents)).toEqual({
        ok: false,
        field: 'amountCents',
        message: 'must be more than zero',
      });
      expect(refund(opened, cents)).toEqual({
        ok: false,
        field: 'amountCents',
        message: 'must be more than zero',
      });
    },
  );

  it('receive: keeps what the balance takes and hands back the rest as excess', () => {
    // two tills took the last US$82 offline; the server gets US$90 then US$82
    const first = receive(opened, 9000);
    expect(first.ledger.paidCents).toBe(10_200);
    expect(balanceOf(first.ledger)).toBe(0);
    expect(first.excessCents).toBe(800);
    const second = receive(first.ledger, 8200);
    expect(second.ledger).toEqual(first.ledger);
    expect(second.excessCents).toBe(8200);
    // under the balance: all applied
    expect(receive(opened, 100)).toEqual({
      ledger: { ...opened, paidCents: 2100 },
      excessCents: 0,
    });
    expect(receive(opened, 8200)).toEqual({
      ledger: { ...opened, paidCents: 10_200 },
      excessCents: 0,
    });
  });

  it('refund: never more than was paid', () => {
    expect(ok(refund(opened, 2000)).paidCents).toBe(0);
    expect(ok(refund(opened, 1)).paidCents).toBe(1999);
    expect(refund(opened, 2001)).toEqual({
      ok: false,
      field: 'amountCents',
      message: 'is more than the 2000 cents paid',
    });
  });

  it('chargeFee: adds whole cents, refuses negative or fractional ones', () => {
    expect(chargeFee(opened, 137)).toEqual({ ...opened, feesCents: 337 });
    expect(chargeFee(opened, 0)).toEqual(opened);
    expect(() => chargeFee(opened, -1)).toThrow(RangeError);
    expect(() => chargeFee(opened, 1.5)).toThrow(RangeError);
  });
});

describe('cancellation', () => {
  // US$50 paid (deposit and more), US$2 admin and a US$1.37 late fee charged
  const midway: Ledger = { totalCents: 10_000, feesCents: 337, paidCents: 5000 };

  it('CUSTOMER (clothing): keeps the fees and 10 % of the goods, refunds the rest', () => {
    const q = quoteCancellation(CLO, 'CUSTOMER', midway);
    expect(q).toEqual({
      initiator: 'CUSTOMER',
      keptFeesCents: 337,
      cancellationFeeCents: 1000,
      refundCents: 3663,
    });
    const after = cancel(midway, q);
    expect(after).toEqual({ totalCents: 10_000, feesCents: 1337, paidCents: 1337 });
    // what stays paid is exactly what the store keeps
    expect(after.paidCents).toBe(q.keptFeesCents + q.cancellationFeeCents);
  });

  it('CUSTOMER (clothing): the 10 % is capped at US$20', () => {
    const big: Ledger = { totalCents: 30_000, feesCents: 200, paidCents: 10_000 };
    expect(quoteCancellation(CLO, 'CUSTOMER', big)).toEqual({
      initiator: 'CUSTOMER',
      keptFeesCents: 200,
      cancellationFeeCents: 2000,
      refundCents: 7800,
    });
  });

  it('STORE (clothing): no fee and the fees are waived, so everything paid goes back', () => {
    const q = quoteCancellation(CLO, 'STORE', midway);
    expect(q).toEqual({
      initiator: 'STORE',
      keptFeesCents: 0,
      cancellationFeeCents: 0,
      refundCents: 5000,
    });
    expect(cancel(midway, q)).toEqual({ totalCents: 10_000, feesCents: 337, paidCents: 0 });
  });

  it('DEFAULT (clothing): no fee, but the fees already charged are kept', () => {
    const q = quoteCancellation(CLO, 'DEFAULT', midway);
    expect(q).toEqual({
      initiator: 'DEFAULT',
      keptFeesCents: 337,
      cancellationFeeCents: 0,
      refundCents: 4663,
    });
    expect(cancel(midway, q)).toEqual({ totalCents: 10_000, feesCents: 337, paidCents: 337 });
  });

  it('a fee larger than what was paid takes only what was paid, and refunds nothing', () => {
    const rules: LaybyRules = {
      ...CLO,
      cancellation: {
        ...CLO.cancellation,
        CUSTOMER: { fee: { kind: 'FIXED', cents: 5000 }, keepsFees: true },
      },
    };
    const q = quoteCancellation(rules, 'CUSTOMER', opened);
    expect(q).toEqual({
      initiator: 'CUSTOMER',
      keptFeesCents: 200,
      cancellationFeeCents: 1800,
      refundCents: 0,
    });
    const after = cancel(opened, q);
    expect(after).toEqual({ totalCents: 10_000, feesCents: 2000, paidCents: 2000 });
    // the same fee when the fees are not kept: all of the payment goes to the fee
    const waived: LaybyRules = {
      ...CLO,
      cancellation: {
        ...CLO.cancellation,
        CUSTOMER: { fee: { kind: 'FIXED', cents: 5000 }, keepsFees: false },
      },
    };
    expect(quoteCancellation(waived, 'CUSTOMER', opened)).toEqual({
      initiator: 'CUSTOMER',
      keptFeesCents: 0,
      cancellationFeeCents: 2000,
      refundCents: 0,
    });
  });

  it('fees charged beyond what was paid are kept only up to the payment', () => {
    const owing: Ledger = { totalCents: 10_000, feesCents: 3000, paidCents: 2000 };
    expect(quoteCancellation(CLO, 'CUSTOMER', owing)).toEqual({
      initiator: 'CUSTOMER',
      keptFeesCents: 2000,
      cancellationFeeCents: 0,
      refundCents: 0,
    });
  });

  it('nothing paid: nothing kept, no fee, no refund', () => {
    const nothing: Ledger = { totalCents: 10_000, feesCents: 200, paidCents: 0 };
    for (const initiator of CANCEL_INITIATORS) {
      expect(quoteCancellation(CLO, initiator, nothing)).toEqual({
        initiator,
        keptFeesCents: 0,
        cancellationFeeCents: 0,
        refundCents: 0,
      });
    }
  });

  it('treats a negative paid (a corrupt row) as nothing paid', () => {
    const broken: Ledger = { totalCents: 10_000, feesCents: 200, paidCents: -50 };
    expect(quoteCancellation(CLO, 'CUSTOMER', broken).refundCents).toBe(0);
  });

  it('for any rules and ledger: kept + fee + refund = paid, each between 0 and paid, kept ≤ fees', () => {
    fc.assert(
      fc.property(
        laybyRulesArb,
        initiatorArb,
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (rules, initiator, totalCents, feesCents, paidPerMillion) => {
          const paidCents = Math.floor(((totalCents + feesCents) * paidPerMillion) / 1_000_000);
          const l: Ledger = { totalCents, feesCents, paidCents };
          const q = quoteCancellation(rules, initiator, l);
          expect(q.initiator).toBe(initiator);
          expect(q.keptFeesCents + q.cancellationFeeCents + q.refundCents).toBe(paidCents);
          for (const part of [q.keptFeesCents, q.cancellationFeeCents, q.refundCents]) {
            expect(Number.isInteger(part)).toBe(true);
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(paidCents);
          }
          expect(q.keptFeesCents).toBeLessThanOrEqual(feesCents);
          if (!rules.cancellation[initiator].keepsFees) expect(q.keptFeesCents).toBe(0);
          const after = cancel(l, q);
          expect(after.paidCents).toBe(q.keptFeesCents + q.cancellationFeeCents);
          expect(balanceOf(after)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('status', () => {
  const expected: Record<LaybyAction, LaybyStatus[]> = {
    pay: ['ACTIVE'],
    hold: ['ACTIVE'],
    resume: ['ON_HOLD', 'DEFAULTED'],
    cancel: ['ACTIVE', 'ON_HOLD', 'DEFAULTED'],
    release: ['COMPLETED'],
  };

  it('opens each action only to its statuses, and says why not', () => {
    for (const action of Object.keys(expected) as LaybyAction[]) {
      for (const status of LAYBY_STATUSES) {
        const result = allows(status, action);
        if (expected[action].includes(status)) expect(result).toEqual({ ok: true });
        else expect(result).toMatchObject({ ok: false, field: 'status' });
      }
    }
    expect(allows('COMPLETED', 'pay')).toEqual({
      ok: false,
      field: 'status',
      message: 'the layby is paid up',
    });
    expect(allows('CANCELLED', 'cancel')).toEqual({
      ok: false,
      field: 'status',
      message: 'the layby is cancelled',
    });
    expect(allows('ON_HOLD', 'pay')).toEqual({
      ok: false,
      field: 'status',
      message: 'the layby is on hold',
    });
    expect(allows('DEFAULTED', 'release')).toEqual({
      ok: false,
      field: 'status',
      message: 'the layby is defaulted',
    });
    expect(allows('ACTIVE', 'release')).toEqual({
      ok: false,
      field: 'status',
      message: 'the layby is active',
    });
  });

  it('a layby paid up is COMPLETED, even if held or in default elsewhere; cancelled stays', () => {
    const paidUp = ok(pay(opened, 8200));
    for (const status of ['ACTIVE', 'ON_HOLD', 'DEFAULTED', 'COMPLETED'] as const)
      expect(statusAfterPayment(status, paidUp)).toBe('COMPLETED');
    expect(statusAfterPayment('CANCELLED', paidUp)).toBe('CANCELLED');
    expect(statusAfterPayment('ACTIVE', opened)).toBe('ACTIVE');
    expect(statusAfterPayment('ON_HOLD', ok(pay(opened, 8199)))).toBe('ON_HOLD');
  });
});

// ---- random sequences against a model that keeps the raw rows ----

type Op =
  | { kind: 'pay'; perMillion: number; anyCents: number | null }
  | { kind: 'receive'; cents: number }
  | { kind: 'refund'; perMillion: number; over: number }
  | { kind: 'fee'; cents: number }
  | { kind: 'cancel'; initiator: (typeof CANCEL_INITIATORS)[number] };

const perMillion = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(0, 1_000_000));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      perMillion,
      // sometimes an amount that may be refused (zero, negative, fractional, too much)
      anyCents: fc.option(fc.oneof(fc.integer({ min: -1000, max: 20_000_000 }), fc.constant(0.5)), {
        freq: 4,
      }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      cents: fc.oneof(fc.integer({ min: 1, max: 20_000_000 }), fc.integer({ min: 1, max: 5000 })),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      perMillion,
      over: fc.integer({ min: 0, max: 3 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('fee' as const),
      cents: fc.integer({ min: 0, max: 100_000 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('cancel' as const), initiator: initiatorArb }),
    weight: 1,
  },
);

type Model = {
  totalCents: number;
  payments: number[];
  refunds: number[];
  fees: number[];
  cancellations: CancellationQuote[];
};

function expectInvariants(l: Ledger, m: Model) {
  const paid = sumOf(m.payments) - sumOf(m.refunds);
  const fees = sumOf(m.fees);
  expect(l.totalCents).toBe(m.totalCents);
  expect(l.paidCents).toBe(paid);
  expect(l.feesCents).toBe(fees);
  expect(balanceOf(l)).toBe(l.totalCents + l.feesCents - l.paidCents);
  for (const v of [l.paidCents, l.feesCents, balanceOf(l)]) {
    expect(Number.isInteger(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
  }
  for (const row of [...m.payments, ...m.refunds, ...m.fees]) expect(row).toBeGreaterThanOrEqual(0);
}

describe('ledger invariants over random sequences', () => {
  it('balance = total + fees − paid, paid = Σ payments − Σ refunds, nothing negative, refunds ≤ paid', () => {
    fc.assert(
      fc.property(
        laybyRulesArb,
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(opArb, { maxLength: 40 }),
        (rules, totalCents, openingFees, ops) => {
          let l: Ledger = { totalCents, feesCents: 0, paidCents: 0 };
          const m: Model = { totalCents, payments: [], refunds: [], fees: [], cancellations: [] };
          l = chargeFee(l, openingFees);
          m.fees.push(openingFees);
          expectInvariants(l, m);

          for (const op of ops) {
            const before = Object.freeze(l);
            switch (op.kind) {
              case 'pay': {
                const balance = balanceOf(l);
                const cents =
                  op.anyCents ?? Math.max(1, Math.ceil((balance * op.perMillion) / 1_000_000));
                const valid = Number.isInteger(cents) && cents > 0 && cents <= balance;
                const result = pay(l, cents);
                expect(result.ok).toBe(valid);
                if (result.ok) {
                  l = result.ledger;
                  m.payments.push(cents);
                } else {
                  expect(result.field).toBe('amountCents');
                }
                break;
              }
              case 'receive': {
                const { ledger, excessCents } = receive(l, op.cents);
                expect(excessCents).toBeGreaterThanOrEqual(0);
                expect(excessCents).toBeLessThanOrEqual(op.cents);
                expect(excessCents).toBe(Math.max(0, op.cents - balanceOf(before)));
                l = ledger;
                // the whole sum is a payment row; the excess goes straight back out to credit
                m.payments.push(op.cents);
                if (excessCents > 0) m.refunds.push(excessCents);
                break;
              }
              case 'refund': {
                const cents = Math.ceil((l.paidCents * op.perMillion) / 1_000_000) + op.over;
                const valid = cents > 0 && cents <= l.paidCents;
                const result = refund(l, cents);
                expect(result.ok).toBe(valid);
                if (result.ok) {
                  l = result.ledger;
                  m.refunds.push(cents);
                } else {
                  expect(result.field).toBe('amountCents');
                }
                break;
              }
              case 'fee': {
                l = chargeFee(l, op.cents);
                m.fees.push(op.cents);
                break;
              }
              case 'cancel': {
                const q = quoteCancellation(rules, op.initiator, l);
                expect(q.refundCents).toBeGreaterThanOrEqual(0);
                expect(q.refundCents).toBeLessThanOrEqual(l.paidCents);
                expect(q.keptFeesCents).toBeLessThanOrEqual(l.feesCents);
                expect(q.keptFeesCents + q.cancellationFeeCents + q.refundCents).toBe(l.paidCents);
                l = cancel(l, q);
                m.fees.push(q.cancellationFeeCents);
                m.refunds.push(q.refundCents);
                m.cancellations.push(q);
                break;
              }
            }
            // the functions are pure (a frozen ledger would throw if written to)
            Object.freeze(l);
            expectInvariants(l, m);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a sequence of valid payments that reaches the balance COMPLETES the layby, and then refuses more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (totalCents, feesCents, weights) => {
          let l: Ledger = { totalCents, feesCents, paidCents: 0 };
          let status: LaybyStatus = 'ACTIVE';
          const owed = balanceOf(l);
          // split what is owed by the weights, the rest on the last
          const w = sumOf(weights);
          const parts = weights.map((x) => Math.floor((owed * x) / w));
          parts[parts.length - 1] = owed - sumOf(parts.slice(0, -1));
          for (const cents of parts.filter((c) => c > 0)) {
            expect(allows(status, 'pay')).toEqual({ ok: true });
            l = ok(pay(l, cents));
            status = statusAfterPayment(status, l);
          }
          expect(balanceOf(l)).toBe(0);
          expect(status).toBe('COMPLETED');
          expect(allows(status, 'pay').ok).toBe(false);
          expect(pay(l, 1).ok).toBe(false);
          expect(allows(status, 'release')).toEqual({ ok: true });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
