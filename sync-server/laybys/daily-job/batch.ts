import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { customerLaybys as l, laybyJobRuns } from '../../../db/central/schema';
import type { ShopDate } from '../../../shared/domain/layby/dates';
import type { LaybyRules } from '../../../shared/domain/layby/rules';
import type { Currency } from '../../../shared/money/money';
import { lockChangeSequence, type CentralTx } from '../../sync/change-sequence';
import { assess, settle, type Assessment, type JobLayby } from './assess';
import { moneyOf, noMoney } from './money-rows';
import { epochMs } from './sql-rows';
import { auditChanges, flagDefaults, insertLateFees, updateLaybys } from './writes';

// One batch of the day's run, in one transaction: either all of its fees, balances, defaults,
// flags, audit rows and run counters commit, or none do. A crash between batches leaves the
// finished batches charged and the rest untouched, and the rerun finds the finished ones
// with nothing left to do (their fees are already in customer_layby_fees).

export type BatchContext = {
  day: ShopDate;
  now: Date;
  rulesOf: (businessId: string, termsText: string | null) => LaybyRules | null;
};

export type BatchResult = {
  checked: number;
  changed: number;
  feesCharged: number;
  feesCents: Partial<Record<Currency, number>>;
  defaulted: number;
  /** Laybys whose schedule or division could not be read: left alone. */
  skipped: string[];
  /** Time inside the transaction, i.e. how long pushes waited for the change-sequence lock at most. */
  ms: number;
};

export async function chargeBatch(
  db: CentralDb,
  ids: readonly string[],
  context: BatchContext,
): Promise<BatchResult> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    // The sequence lock first, then the rows: the same order as every push, so the two can
    // never deadlock. It also keeps pushes out for the batch, which is why batches are small.
    await lockChangeSequence(tx);
    const laybys = await loadLaybys(tx, ids);
    const money = await moneyOf(
      tx,
      laybys.map((row) => row.id),
    );
    const assessments: Assessment[] = [];
    const skipped: string[] = [];
    for (const layby of laybys) {
      const rules = context.rulesOf(layby.businessId, layby.termsText);
      const assessment =
        rules && assess(layby, money.get(layby.id) ?? noMoney(), rules, context.day);
      if (assessment) assessments.push(assessment);
      else skipped.push(layby.id);
    }
    const inserted = await insertLateFees(tx, assessments, context.now);
    const changes = assessments.flatMap((a) => settle(a, inserted.get(a.layby.id) ?? []) ?? []);
    await updateLaybys(tx, changes, context.now);
    await flagDefaults(tx, changes, context.now, context.day);
    await auditChanges(tx, changes, context.now);

    const result: BatchResult = {
      checked: laybys.length,
      changed: changes.length,
      feesCharged: 0,
      feesCents: {},
      defaulted: changes.filter((c) => c.newlyDefaulted).length,
      skipped,
      ms: 0,
    };
    for (const { layby, feesCharged } of changes) {
      for (const fee of feesCharged) {
        result.feesCharged += 1;
        result.feesCents[layby.currency] =
          (result.feesCents[layby.currency] ?? 0) + fee.amountCents;
      }
    }
    // Counted in the same transaction as the work, so the day's totals stay exact across a
    // crash and its rerun.
    await tx
      .update(laybyJobRuns)
      .set({
        feesCharged: sql`${laybyJobRuns.feesCharged} + ${result.feesCharged}`,
        defaulted: sql`${laybyJobRuns.defaulted} + ${result.defaulted}`,
      })
      .where(eq(laybyJobRuns.day, context.day));
    result.ms = Math.round(performance.now() - started);
    return result;
  });
}

/** The batch's laybys still ACTIVE (a till may have paid, held or cancelled one since), locked. */
async function loadLaybys(tx: CentralTx, ids: readonly string[]): Promise<JobLayby[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      id: l.id,
      businessId: l.businessId,
      laybyNumber: l.laybyNumber,
      currency: l.currency,
      status: l.status,
      totalAmountCents: l.totalAmountCents,
      depositAmountCents: l.depositAmountCents,
      totalPaidCents: l.totalPaidCents,
      serviceFeeCents: l.serviceFeeCents,
      administrationFeeCents: l.administrationFeeCents,
      lateFeeCents: l.lateFeeCents,
      totalFeesCents: l.totalFeesCents,
      balanceRemainingCents: l.balanceRemainingCents,
      dueMs: epochMs(l.paymentDueDate),
      schedule: l.schedule,
      termsText: sql<string | null>`${l.terms}::text`,
    })
    .from(l)
    .where(and(inArray(l.id, [...ids]), eq(l.status, 'ACTIVE')))
    .orderBy(asc(l.id))
    .for('update');
  return rows.map(({ dueMs, ...row }) => ({
    ...row,
    paymentDueDate: dueMs === null ? null : new Date(Number(dueMs)).toISOString(),
  }));
}
