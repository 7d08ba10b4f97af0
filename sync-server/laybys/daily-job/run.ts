import { eq } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { laybyJobRuns } from '../../../db/central/schema';
import type { ShopDate } from '../../../shared/domain/layby/dates';
import type { Currency } from '../../../shared/money/money';
import { chargeBatch, type BatchResult } from './batch';
import { findCandidates } from './candidates';
import { loadDivisionRules, rulesResolver } from './division-rules';

// The daily late-fee job for one shop day: charge each late fee owed, once; mark DEFAULTED
// the laybys the rules say are in default, and flag them for their division. It is a function
// of the database and the day: a rerun (after a crash, or on purpose) finds the fees already
// charged (customer_layby_fees_late_once) and the defaults already marked, and writes nothing.
// Days missed while no server ran need no catching up: an instalment late yesterday is still
// late today, so today's run charges it.

export const DEFAULT_BATCH_SIZE = 2_000;
const SKIPPED_IDS = 20;

export type LateFeeJobOptions = {
  day: ShopDate;
  /** Stamps charged_at, the flags and the audit rows; the verdicts depend on `day` only. */
  now?: Date;
  /** Laybys per transaction: how long pushes wait for the change-sequence lock. */
  batchSize?: number;
  /** Tests: called after each committed batch; throwing stops the run as a crash would. */
  afterBatch?: (batch: BatchResult, index: number) => void | Promise<void>;
};

export type LateFeeJobSummary = {
  day: ShopDate;
  /** ACTIVE laybys whose next instalment is past a grace period. */
  candidates: number;
  /** Of those, the ones still ACTIVE when their batch ran. */
  laybysChecked: number;
  laybysChanged: number;
  feesCharged: number;
  feesCents: Partial<Record<Currency, number>>;
  defaulted: number;
  /** Laybys left alone because their schedule or division could not be read… */
  skipped: number;
  /** …and the first few of their ids, to look into. */
  skippedIds: string[];
  batches: number;
  ms: number;
};

export async function runLateFeeJob(
  db: CentralDb,
  options: LateFeeJobOptions,
): Promise<LateFeeJobSummary> {
  const started = performance.now();
  const { day, now = new Date(), batchSize = DEFAULT_BATCH_SIZE } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be ≥ 1');
  // The day's row exists from the first attempt on; finished_at stays null until one finishes.
  await db.insert(laybyJobRuns).values({ day, startedAt: now.toISOString() }).onConflictDoNothing();
  const divisions = await loadDivisionRules(db);
  const rulesOf = rulesResolver(divisions);
  const ids = await findCandidates(db, day, divisions);
  const summary: LateFeeJobSummary = {
    day,
    candidates: ids.length,
    laybysChecked: 0,
    laybysChanged: 0,
    feesCharged: 0,
    feesCents: {},
    defaulted: 0,
    skipped: 0,
    skippedIds: [],
    batches: 0,
    ms: 0,
  };
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = await chargeBatch(db, ids.slice(i, i + batchSize), { day, now, rulesOf });
    summary.batches += 1;
    summary.laybysChecked += batch.checked;
    summary.laybysChanged += batch.changed;
    summary.feesCharged += batch.feesCharged;
    summary.defaulted += batch.defaulted;
    summary.skipped += batch.skipped.length;
    summary.skippedIds.push(...batch.skipped.slice(0, SKIPPED_IDS - summary.skippedIds.length));
    for (const [currency, cents] of Object.entries(batch.feesCents) as [Currency, number][]) {
      summary.feesCents[currency] = (summary.feesCents[currency] ?? 0) + cents;
    }
    await options.afterBatch?.(batch, summary.batches - 1);
  }
  await db
    .update(laybyJobRuns)
    .set({ finishedAt: finishedAt(now, started), laybysChecked: summary.laybysChecked })
    .where(eq(laybyJobRuns.day, day));
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

// On the caller's clock (tests move it), advanced by the time the run really took.
const finishedAt = (now: Date, started: number) =>
  new Date(now.getTime() + Math.round(performance.now() - started)).toISOString();

/** Whether a run for the day has finished (a crashed one has not). */
export async function runFinished(db: Pick<CentralDb, 'select'>, day: ShopDate): Promise<boolean> {
  const [row] = await db
    .select({ finishedAt: laybyJobRuns.finishedAt })
    .from(laybyJobRuns)
    .where(eq(laybyJobRuns.day, day));
  return Boolean(row?.finishedAt);
}
