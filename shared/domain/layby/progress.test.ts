import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, type ShopDate } from './dates';
import { balanceOf, chargeFee, type Ledger } from './ledger';
import {
  isInDefault,
  lateFeesDue,
  minimumPayment,
  progressOf,
  type InstalmentState,
  type Progress,
} from './progress';
import { chargeOn, DEFAULT_LAYBY_RULES, type LaybyRules } from './rules';
import { quoteLayby, type Instalment } from './schedule';
import { laybyRulesArb, RUNS, scheduleArb, sumOf, validCaseArb } from './testing/arbitraries';

const CLO = DEFAULT_LAYBY_RULES.CLO;
const GRACE = CLO.lateFeeGraceDays; // 7

/** The US$100 clothing layby: US$20 deposit, then 27.33, 27.33, 27.34 at the month ends. */
const schedule: Instalment[] = [
  { dueDate: '2025-02-28', amountCents: 2733 },
  { dueDate: '2025-03-31', amountCents: 2733 },
  { dueDate: '2025-04-30', amountCents: 2734 },
];
const DEPOSIT = 2000;

const at = (paidCents: number, today: ShopDate, graceDays = GRACE) =>
  progressOf(schedule, DEPOSIT, paidCents, today, graceDays);
const states = (p: Progress) => p.instalments.map((i) => i.state);

describe('progressOf: the US$100 clothing layby', () => {
  it('is the schedule as it was quoted', () => {
    const q = quoteLayby(CLO, {
      itemsTotalCents: 10_000,
      depositCents: DEPOSIT,
      frequency: 'MONTHLY',
      instalments: 3,
      startDate: '2025-01-31',
    });
    expect(q.ok && q.quote.schedule).toEqual(schedule);
  });

  it('just after the deposit: everything upcoming, nothing owed yet', () => {
    const p = at(DEPOSIT, '2025-02-01');
    expect(states(p)).toEqual(['UPCOMING', 'UPCOMING', 'UPCOMING']);
    expect(p.instalments.map((i) => i.paidCents)).toEqual([0, 0, 0]);
    expect(p.nextDue).toEqual({ dueDate: '2025-02-28', amountCents: 2733 });
    expect(p.arrearsCents).toBe(0);
    expect(p.missed).toEqual([]);
  });

  it('covers instalments in order with what is paid beyond the deposit', () => {
    const p = at(3000, '2025-02-01');
    expect(states(p)).toEqual(['PART_PAID', 'UPCOMING', 'UPCOMING']);
    expect(p.instalments.map((i) => i.paidCents)).toEqual([1000, 0, 0]);
    expect(p.nextDue).toEqual({ dueDate: '2025-02-28', amountCents: 1733 });

    const q = at(DEPOSIT + 2733 + 100, '2025-03-10');
    expect(states(q)).toEqual(['PAID', 'PART_PAID', 'UPCOMING']);
    expect(q.instalments.map((i) => i.paidCents)).toEqual([2733, 100, 0]);
    expect(q.nextDue).toEqual({ dueDate: '2025-03-31', amountCents: 2633 });
    expect(q.arrearsCents).toBe(0);
  });

  it('is DUE on the due date and through the grace days, LATE the day after', () => {
    expect(at(DEPOSIT, '2025-02-27').instalments[0]?.state).toBe('UPCOMING');
    const due = at(DEPOSIT, '2025-02-28');
    expect(due.instalments[0]?.state).toBe('DUE');
    expect(due.arrearsCents).toBe(2733);
    expect(due.missed).toEqual([]);
    // 7 March is the 7th day after: still within grace
    expect(at(DEPOSIT, '2025-03-07').instalments[0]?.state).toBe('DUE');
    expect(at(DEPOSIT, '2025-03-07').missed).toEqual([]);
    // 8 March is the 8th: late
    const late = at(DEPOSIT, '2025-03-08');
    expect(late.instalments[0]?.state).toBe('LATE');
    expect(late.missed.map((i) => i.dueDate)).toEqual(['2025-02-28']);
    expect(late.arrearsCents).toBe(2733);
  });

  it('with no grace days, is late the day after it falls due', () => {
    expect(at(DEPOSIT, '2025-02-28', 0).instalments[0]?.state).toBe('DUE');
    expect(at(DEPOSIT, '2025-03-01', 0).instalments[0]?.state).toBe('LATE');
  });

  it('a part-paid instalment past its grace is late for what is left', () => {
    const p = at(3000, '2025-03-08');
    expect(p.instalments[0]).toMatchObject({ state: 'LATE', paidCents: 1000 });
    expect(p.arrearsCents).toBe(1733);
    expect(p.nextDue).toEqual({ dueDate: '2025-02-28', amountCents: 1733 });
  });

  it('counts a deposit not (or no longer) covered as arrears', () => {
    expect(at(1500, '2025-02-01').arrearsCents).toBe(500);
    expect(at(1500, '2025-02-28').arrearsCents).toBe(500 + 2733);
  });

  it('paid up: all PAID, nothing next, nothing owed', () => {
    const p = at(DEPOSIT + 8200, '2025-12-31');
    expect(states(p)).toEqual(['PAID', 'PAID', 'PAID']);
    expect(p.nextDue).toBeNull();
    expect(p.arrearsCents).toBe(0);
    expect(p.missed).toEqual([]);
  });

  it('defaults after the third missed instalment (clothing), not the second', () => {
    // 30 April + 7 = 7 May: the third is still in grace
    const two = at(DEPOSIT, '2025-05-07');
    expect(states(two)).toEqual(['LATE', 'LATE', 'DUE']);
    expect(isInDefault(CLO, two)).toBe(false);
    const three = at(DEPOSIT, '2025-05-08');
    expect(states(three)).toEqual(['LATE', 'LATE', 'LATE']);
    expect(three.arrearsCents).toBe(8200);
    expect(isInDefault(CLO, three)).toBe(true);
    // a division that defaults after two
    expect(isInDefault({ ...CLO, defaultAfterMissed: 2 }, two)).toBe(true);
    // paying the first brings it back under
    expect(isInDefault(CLO, at(DEPOSIT + 2733, '2025-05-08'))).toBe(false);
  });
});

describe('lateFeesDue', () => {
  it('charges 5 % of each missed instalment (clothing), keyed by its due date', () => {
    expect(lateFeesDue(CLO, at(DEPOSIT, '2025-05-08'), new Set())).toEqual([
      { instalmentDueDate: '2025-02-28', amountCents: 137 }, // 136.65
      { instalmentDueDate: '2025-03-31', amountCents: 137 },
      { instalmentDueDate: '2025-04-30', amountCents: 137 }, // 136.70
    ]);
  });

  it('charges on the whole instalment even when part of it was paid', () => {
    expect(lateFeesDue(CLO, at(3000, '2025-03-08'), new Set())).toEqual([
      { instalmentDueDate: '2025-02-28', amountCents: 137 },
    ]);
  });

  it('skips the ones already charged', () => {
    const charged = new Set(['2025-02-28', '2025-03-31']);
    expect(lateFeesDue(CLO, at(DEPOSIT, '2025-05-08'), charged)).toEqual([
      { instalmentDueDate: '2025-04-30', amountCents: 137 },
    ]);
  });

  it('nothing within the grace days, the fee from the day after', () => {
    expect(lateFeesDue(CLO, at(DEPOSIT, '2025-03-07'), new Set())).toEqual([]);
    expect(lateFeesDue(CLO, at(DEPOSIT, '2025-03-08'), new Set())).toHaveLength(1);
  });

  it('caps a percentage late fee (5 % of US$300 is US$15, capped at US$10)', () => {
    const big = progressOf(
      [{ dueDate: '2025-02-28', amountCents: 30_000 }],
      0,
      0,
      '2025-03-31',
      GRACE,
    );
    expect(lateFeesDue(CLO, big, new Set())).toEqual([
      { instalmentDueDate: '2025-02-28', amountCents: 1000 },
    ]);
  });

  it('charges a fixed late fee whatever the instalment, and none when there is none or it rounds to 0', () => {
    const p = at(DEPOSIT, '2025-05-08');
    const fixed: LaybyRules = { ...CLO, lateFee: { kind: 'FIXED', cents: 300 } };
    expect(lateFeesDue(fixed, p, new Set()).map((c) => c.amountCents)).toEqual([300, 300, 300]);
    expect(lateFeesDue({ ...CLO, lateFee: { kind: 'NONE' } }, p, new Set())).toEqual([]);
    expect(lateFeesDue({ ...CLO, lateFee: { kind: 'FIXED', cents: 0 } }, p, new Set())).toEqual([]);
    const tiny = progressOf([{ dueDate: '2025-02-28', amountCents: 9 }], 0, 0, '2025-03-31', GRACE);
    expect(lateFeesDue(CLO, tiny, new Set())).toEqual([]); // 5 % of 9 c = 0.45 c
  });
});

describe('minimumPayment', () => {
  it('is what is left of the next instalment', () => {
    expect(minimumPayment(at(DEPOSIT, '2025-02-01'), 8200)).toBe(2733);
    expect(minimumPayment(at(3000, '2025-02-01'), 7200)).toBe(1733);
  });

  it('is the balance when only late fees remain', () => {
    // every instalment covered, two late fees of 1.37 still owed
    const ledger: Ledger = chargeFee(
      chargeFee({ totalCents: 10_000, feesCents: 200, paidCents: 10_200 }, 137),
      137,
    );
    const p = at(ledger.paidCents, '2025-06-01');
    expect(p.nextDue).toBeNull();
    expect(minimumPayment(p, balanceOf(ledger))).toBe(274);
  });

  it('is the balance when that is smaller, and never negative', () => {
    expect(minimumPayment(at(DEPOSIT, '2025-02-01'), 100)).toBe(100);
    expect(minimumPayment(at(DEPOSIT + 8200, '2025-06-01'), 0)).toBe(0);
    expect(minimumPayment(at(DEPOSIT + 8200, '2025-06-01'), -5)).toBe(0);
  });
});

// ---- properties ----

const caseArb = fc
  .tuple(
    fc.oneof(
      scheduleArb,
      validCaseArb.map(({ rules, terms }) => {
        const r = quoteLayby(rules, terms);
        return r.ok ? r.quote.schedule : [];
      }),
    ),
    fc.integer({ min: 0, max: 100_000 }),
    fc.integer({ min: -2000, max: 1_000_000 }),
    fc.integer({ min: -60, max: 400 }),
    fc.integer({ min: 0, max: 60 }),
  )
  .map(([sched, depositCents, paidOffset, todayOffset, graceDays]) => {
    const total = sumOf(sched.map((i) => i.amountCents));
    // paid spread around the interesting range: below the deposit up to past everything
    const paidCents = Math.max(0, depositCents + (paidOffset % (total + 5000)));
    const first = sched[0]?.dueDate ?? '2025-01-01';
    return { sched, depositCents, paidCents, today: addDays(first, todayOffset), graceDays };
  });

function expectedState(
  open: number,
  paid: number,
  overdueDays: number,
  grace: number,
): InstalmentState {
  if (open === 0) return 'PAID';
  if (overdueDays > grace) return 'LATE';
  if (overdueDays >= 0) return 'DUE';
  return paid > 0 ? 'PART_PAID' : 'UPCOMING';
}

describe('progressOf properties', () => {
  it('Σ covered = min(paid − deposit, Σ amounts) clamped at 0, in order; nextDue is the first not fully paid', () => {
    fc.assert(
      fc.property(caseArb, ({ sched, depositCents, paidCents, today, graceDays }) => {
        const p = progressOf(sched, depositCents, paidCents, today, graceDays);
        const amounts = sched.map((i) => i.amountCents);
        const covered = p.instalments.map((i) => i.paidCents);
        expect(p.instalments).toHaveLength(sched.length);
        expect(sumOf(covered)).toBe(
          Math.max(0, Math.min(paidCents - depositCents, sumOf(amounts))),
        );

        let openSeen = false;
        let arrears = Math.max(0, depositCents - paidCents);
        p.instalments.forEach((i, k) => {
          expect(i.dueDate).toBe(sched[k]?.dueDate);
          expect(i.amountCents).toBe(sched[k]?.amountCents);
          expect(i.paidCents).toBeGreaterThanOrEqual(0);
          expect(i.paidCents).toBeLessThanOrEqual(i.amountCents);
          // covered in order: nothing goes to an instalment after one left open
          if (openSeen) expect(i.paidCents).toBe(0);
          if (i.paidCents < i.amountCents) openSeen = true;
          const overdue = daysBetween(i.dueDate, today);
          expect(i.state).toBe(
            expectedState(i.amountCents - i.paidCents, i.paidCents, overdue, graceDays),
          );
          if (overdue >= 0) arrears += i.amountCents - i.paidCents;
        });
        expect(p.arrearsCents).toBe(arrears);

        const firstOpen = p.instalments.find((i) => i.paidCents < i.amountCents);
        expect(p.nextDue).toEqual(
          firstOpen
            ? {
                dueDate: firstOpen.dueDate,
                amountCents: firstOpen.amountCents - firstOpen.paidCents,
              }
            : null,
        );
        expect(p.missed).toEqual(p.instalments.filter((i) => i.state === 'LATE'));
        for (const m of p.missed) expect(daysBetween(m.dueDate, today)).toBeGreaterThan(graceDays);
      }),
      { numRuns: RUNS },
    );
  });

  it('nextDue does not depend on the day; paying more never adds arrears or missed instalments', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 1, max: 50_000 }),
        (c, shift, more) => {
          const p = progressOf(c.sched, c.depositCents, c.paidCents, c.today, c.graceDays);
          const otherDay = progressOf(
            c.sched,
            c.depositCents,
            c.paidCents,
            addDays(c.today, shift),
            c.graceDays,
          );
          expect(otherDay.nextDue).toEqual(p.nextDue);
          const richer = progressOf(
            c.sched,
            c.depositCents,
            c.paidCents + more,
            c.today,
            c.graceDays,
          );
          expect(richer.arrearsCents).toBeLessThanOrEqual(p.arrearsCents);
          expect(richer.missed.length).toBeLessThanOrEqual(p.missed.length);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('once in default, stays in default as the days pass without payment', () => {
    fc.assert(
      fc.property(caseArb, laybyRulesArb, fc.integer({ min: 1, max: 100 }), (c, rules, days) => {
        const p = progressOf(c.sched, c.depositCents, c.paidCents, c.today, c.graceDays);
        const later = progressOf(
          c.sched,
          c.depositCents,
          c.paidCents,
          addDays(c.today, days),
          c.graceDays,
        );
        expect(later.missed.length).toBeGreaterThanOrEqual(p.missed.length);
        if (isInDefault(rules, p)) expect(isInDefault(rules, later)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('minimumPayment is between 0 and the balance, and the next instalment when that is smaller', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -100, max: 2_000_000 }), (c, balance) => {
        const p = progressOf(c.sched, c.depositCents, c.paidCents, c.today, c.graceDays);
        const min = minimumPayment(p, balance);
        expect(min).toBeGreaterThanOrEqual(0);
        expect(min).toBeLessThanOrEqual(Math.max(0, balance));
        if (p.nextDue && balance >= 0) expect(min).toBe(Math.min(p.nextDue.amountCents, balance));
        if (!p.nextDue) expect(min).toBe(Math.max(0, balance));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('lateFeesDue properties', () => {
  const chargedArb = (sched: Instalment[]) =>
    fc
      .tuple(
        fc.subarray(sched.map((i) => i.dueDate)),
        fc.array(
          fc
            .integer({ min: -100, max: 400 })
            .map((n) => addDays(sched[0]?.dueDate ?? '2025-01-01', n)),
          {
            maxLength: 3,
          },
        ),
      )
      .map(([some, others]) => new Set([...some, ...others]));

  it('never charges a due date already charged; charging and recomputing yields nothing new', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => chargedArb(c.sched).map((charged) => ({ ...c, charged }))),
        laybyRulesArb,
        ({ sched, depositCents, paidCents, today, graceDays, charged }, rules) => {
          const p = progressOf(sched, depositCents, paidCents, today, graceDays);
          const due = lateFeesDue(rules, p, charged);
          const dates = due.map((c) => c.instalmentDueDate);
          expect(new Set(dates).size).toBe(dates.length);
          for (const c of due) {
            expect(charged.has(c.instalmentDueDate)).toBe(false);
            const missed = p.missed.find((i) => i.dueDate === c.instalmentDueDate);
            expect(missed).toBeDefined();
            expect(c.amountCents).toBe(chargeOn(rules.lateFee, missed?.amountCents ?? 0));
            expect(c.amountCents).toBeGreaterThan(0);
            expect(Number.isInteger(c.amountCents)).toBe(true);
            if (rules.lateFee.kind === 'PERCENT' && rules.lateFee.capCents !== null)
              expect(c.amountCents).toBeLessThanOrEqual(rules.lateFee.capCents);
          }
          // and every missed instalment not yet charged, with a fee to charge, is there
          for (const m of p.missed)
            if (!charged.has(m.dueDate) && chargeOn(rules.lateFee, m.amountCents) > 0)
              expect(dates).toContain(m.dueDate);

          // the job runs: the fees go on the ledger (paid is unchanged), the dates are recorded
          const after = new Set([...charged, ...dates]);
          const again = progressOf(sched, depositCents, paidCents, today, graceDays);
          expect(lateFeesDue(rules, again, after)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a daily job over the whole plan charges each missed instalment at most once', () => {
    fc.assert(
      fc.property(
        validCaseArb,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 200_000 })), {
          maxLength: 6,
        }),
        ({ rules, terms }, payments) => {
          const r = quoteLayby(rules, terms);
          if (!r.ok) throw new Error(`refused: ${r.field} ${r.message}`);
          const { schedule: sched, depositCents, itemsTotalCents, totalFeesCents } = r.quote;
          let ledger: Ledger = {
            totalCents: itemsTotalCents,
            feesCents: totalFeesCents,
            paidCents: depositCents,
          };
          const charged = new Set<ShopDate>();
          const chargeCount = new Map<ShopDate, number>();
          const end =
            daysBetween(terms.startDate, r.quote.completionDueDate) + rules.lateFeeGraceDays + 3;
          // the job runs twice every day from the start to past the last grace period
          for (let day = 0; day <= end; day += 1) {
            const today = addDays(terms.startDate, day);
            for (const [onDay, cents] of payments)
              if (onDay === day) {
                const applied = Math.min(cents, Math.max(0, balanceOf(ledger)));
                ledger = { ...ledger, paidCents: ledger.paidCents + applied };
              }
            for (let run = 0; run < 2; run += 1) {
              const p = progressOf(
                sched,
                depositCents,
                ledger.paidCents,
                today,
                rules.lateFeeGraceDays,
              );
              const due = lateFeesDue(rules, p, charged);
              if (run === 1) expect(due).toEqual([]);
              for (const c of due) {
                ledger = chargeFee(ledger, c.amountCents);
                charged.add(c.instalmentDueDate);
                chargeCount.set(
                  c.instalmentDueDate,
                  (chargeCount.get(c.instalmentDueDate) ?? 0) + 1,
                );
              }
            }
          }
          for (const n of chargeCount.values()) expect(n).toBe(1);
          expect(chargeCount.size).toBeLessThanOrEqual(sched.length);
          expect(balanceOf(ledger)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
