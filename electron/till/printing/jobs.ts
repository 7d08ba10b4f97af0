import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { printQueue, type PrintJobRow } from '../../../db/till/schema';
import type { CopyMark } from '../../../shared/domain/receipts/receipt-data';
import { uuidv7 } from '../../../shared/ids';
import type { PrintJobPayload } from './job-payload';
import type { PrinterFault } from './status';

// The print queue's rows and the only ways their state changes. A job is PENDING until it
// prints; FAILED after a failed attempt (the worker tries again on its own for a while, the
// cashier can any time); PRINTED or DISMISSED for good. Updates are guarded by the state
// they expect, so a job that printed can never be marked printed — or printed — again.

export type PrinterChoice = 'main' | 'fallback';
export const WAITING = ['PENDING', 'FAILED'] as const;

// Automatic retries: soon after a fault, then once a minute, for about ten minutes; after
// that a slip waits for the cashier, so a printer fixed at closing time does not spring a
// pile of old slips on the next customer.
const BACKOFF_MS = [5_000, 15_000, 30_000, 60_000];
export const AUTO_ATTEMPTS = 12;

export function getJob(db: TillDb, id: string): PrintJobRow | undefined {
  return db.select().from(printQueue).where(eq(printQueue.id, id)).get();
}

/** The oldest job due now for a printer that has not failed in this round. */
export function nextDueJob(
  db: TillDb,
  now: Date,
  skip: readonly PrinterChoice[],
): PrintJobRow | undefined {
  const at = now.toISOString();
  const due = or(
    and(
      eq(printQueue.status, 'PENDING'),
      or(isNull(printQueue.nextAttemptAt), lte(printQueue.nextAttemptAt, at)),
    ),
    and(
      eq(printQueue.status, 'FAILED'),
      isNotNull(printQueue.nextAttemptAt),
      lte(printQueue.nextAttemptAt, at),
    ),
  );
  const where = skip.length > 0 ? and(due, notInArray(printQueue.printer, [...skip])) : due;
  return db
    .select()
    .from(printQueue)
    .where(where)
    .orderBy(asc(printQueue.createdAt), asc(printQueue.id))
    .limit(1)
    .get();
}

export function markPrinted(db: TillDb, id: string, now: Date): boolean {
  const at = now.toISOString();
  const result = db
    .update(printQueue)
    .set({
      status: 'PRINTED',
      printedAt: at,
      lastAttemptAt: at,
      attempts: sql`${printQueue.attempts} + 1`,
      nextAttemptAt: null,
      lastError: null,
    })
    .where(and(eq(printQueue.id, id), inArray(printQueue.status, [...WAITING])))
    .run();
  return result.changes === 1;
}

export function markFailed(
  db: TillDb,
  job: PrintJobRow,
  now: Date,
  fault: PrinterFault,
  options: { transmitted: boolean; retry: boolean },
): void {
  const attempts = job.attempts + 1;
  const delay = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? 60_000;
  const next =
    options.retry && attempts < AUTO_ATTEMPTS
      ? new Date(now.getTime() + delay).toISOString()
      : null;
  db.update(printQueue)
    .set({
      status: 'FAILED',
      attempts,
      lastError: fault.message,
      lastAttemptAt: now.toISOString(),
      nextAttemptAt: next,
      sentUnconfirmed: job.sentUnconfirmed || options.transmitted,
    })
    .where(and(eq(printQueue.id, job.id), inArray(printQueue.status, [...WAITING])))
    .run();
}

/** Puts a waiting job first in line again, on the printer the cashier chose. */
export function requeue(db: TillDb, id: string, printer: PrinterChoice): boolean {
  const result = db
    .update(printQueue)
    .set({ status: 'PENDING', nextAttemptAt: null, printer })
    .where(and(eq(printQueue.id, id), inArray(printQueue.status, [...WAITING])))
    .run();
  return result.changes === 1;
}

export function dismiss(db: TillDb, id: string, reason: string, by: string, now: Date): boolean {
  const result = db
    .update(printQueue)
    .set({
      status: 'DISMISSED',
      dismissedReason: reason,
      dismissedBy: by,
      dismissedAt: now.toISOString(),
      nextAttemptAt: null,
    })
    .where(and(eq(printQueue.id, id), inArray(printQueue.status, [...WAITING])))
    .run();
  return result.changes === 1;
}

/** A new job copying an earlier one, its payload marked REPRINT with the time and who. */
export function insertReprint(
  db: TillDb,
  original: PrintJobRow,
  payload: PrintJobPayload,
  copy: CopyMark,
  options: { printer: PrinterChoice; createdBy: string; now: Date },
): string {
  const id = uuidv7();
  db.insert(printQueue)
    .values({
      id,
      kind: original.kind,
      payload: { receipt: payload.receipt, copy } satisfies PrintJobPayload,
      createdAt: options.now.toISOString(),
      receiptNumber: original.receiptNumber,
      customerId: original.customerId,
      customerNumber: original.customerNumber,
      reference: original.reference,
      copyOf: original.copyOf ?? original.id,
      printer: options.printer,
      createdBy: options.createdBy,
    })
    .run();
  return id;
}

export type JobFilter = {
  view: 'waiting' | 'recent';
  customerId?: string | undefined;
  customerNumber?: string | undefined;
  reference?: string | undefined;
  limit: number;
};

export function listJobs(db: TillDb, filter: JobFilter): PrintJobRow[] {
  const conditions: SQL[] = [];
  if (filter.view === 'waiting') conditions.push(inArray(printQueue.status, [...WAITING]));
  if (filter.customerId) conditions.push(eq(printQueue.customerId, filter.customerId));
  if (filter.customerNumber) conditions.push(eq(printQueue.customerNumber, filter.customerNumber));
  if (filter.reference) conditions.push(eq(printQueue.reference, filter.reference));
  const query = db.select().from(printQueue);
  const filtered = conditions.length > 0 ? query.where(and(...conditions)) : query;
  // Waiting slips oldest first (the order they will print); history newest first.
  const order = filter.view === 'waiting' ? asc(printQueue.createdAt) : desc(printQueue.createdAt);
  return filtered.orderBy(order, desc(printQueue.id)).limit(filter.limit).all();
}

export function countWaiting(db: TillDb): {
  waiting: number;
  failed: number;
  lastError: string | null;
} {
  const rows = db
    .select({ status: printQueue.status, n: sql<number>`count(*)` })
    .from(printQueue)
    .where(inArray(printQueue.status, [...WAITING]))
    .groupBy(printQueue.status)
    .all();
  const failed = rows.find((r) => r.status === 'FAILED')?.n ?? 0;
  const pending = rows.find((r) => r.status === 'PENDING')?.n ?? 0;
  const newest = db
    .select({ lastError: printQueue.lastError })
    .from(printQueue)
    .where(and(inArray(printQueue.status, [...WAITING]), isNotNull(printQueue.lastError)))
    .orderBy(desc(printQueue.lastAttemptAt))
    .limit(1)
    .get();
  return { waiting: failed + pending, failed, lastError: newest?.lastError ?? null };
}
