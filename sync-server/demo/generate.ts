import { eq, sql } from 'drizzle-orm';
import { setImmediate as nextTick } from 'node:timers/promises';
import type { CentralDb } from '../../db/central/connect';
import { businesses } from '../../db/central/schema';
import { DIVISION_CODES, type DivisionCode } from '../../shared/domain/enums';
import { generateBatch, type BatchPlan, type DivisionRef } from './batch';
import { createBulkUuidv7 } from './fast-ids';
import { giveBackUnused, leaseDemoNumbers } from './number-blocks';
import { BatchBuilder, storePrepared, storeWindow, type PreparedBatch } from './store';

// `npm run gen`: up to millions of customers into the central database. Each batch is one
// transaction (customers with their accounts), so a stopped run leaves whole customers and
// the next run continues after them. Batches are generated while PostgreSQL writes earlier
// ones, and with `parallel` > 1 written side by side (see storeWindow), so both cores work.
// Measured on the 2-core build machine with PostgreSQL 15, other work running: 1,000,000
// customers and 1,580,806 accounts in 64 s; PostgreSQL spent 82 CPU-seconds, Node 24.

export type GenerateRunOptions = {
  customers: number;
  seed: number;
  batchSize?: number;
  /** Batches written at once (see storeWindow); 1 for PGlite, which has a single connection. */
  parallel?: number;
  now?: number;
  onProgress?: (progress: GenerateProgress) => void;
};

export type GenerateProgress = {
  customers: number;
  accounts: number;
  total: number;
  firstNumber: number;
  elapsedMs: number;
};

const DEFAULT_BATCH = 5_000;
// Generation yields to the event loop this often, so the write in flight keeps moving, and
// turns each slice into column text straight away, so its row objects die young.
const SLICE = 500;

export async function generateCustomers(
  db: CentralDb,
  options: GenerateRunOptions,
): Promise<GenerateProgress> {
  const started = Date.now();
  const divisions = await loadDivisions(db);
  const lease = await db.transaction((tx) => leaseDemoNumbers(tx, divisions, options.customers));
  const plan: BatchPlan = {
    seed: options.seed,
    now: options.now ?? started,
    newId: createBulkUuidv7(),
    divisions,
    nextAccountNumber: { ...lease.accountStart },
    firstSequence: lease.firstCustomer,
    lastSequence: lease.firstCustomer + options.customers - 1,
  };
  const progress: GenerateProgress = {
    customers: 0,
    accounts: 0,
    total: options.customers,
    firstNumber: lease.firstCustomer,
    elapsedMs: 0,
  };
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const parallel = Math.max(1, options.parallel ?? 1);
  const failures: unknown[] = [];
  let writing: Promise<void> = Promise.resolve();
  let window: PreparedBatch[] = [];
  const flush = (batches: PreparedBatch[]) => {
    const write =
      parallel === 1 && batches[0] ? storePrepared(db, batches[0]) : storeWindow(db, batches);
    writing = write.then(
      () => {
        for (const batch of batches) {
          progress.customers += batch.customers;
          progress.accounts += batch.accounts;
        }
        progress.elapsedMs = Date.now() - started;
        options.onProgress?.({ ...progress });
      },
      // Kept, not thrown: nobody awaits this promise until the next window is ready.
      (error: unknown) => {
        failures.push(error);
      },
    );
  };
  try {
    for (
      let from = plan.firstSequence;
      from <= plan.lastSequence && failures.length === 0;
      from += batchSize
    ) {
      window.push(
        await generateSliced(plan, from, Math.min(batchSize, plan.lastSequence - from + 1)),
      );
      if (window.length < parallel && from + batchSize <= plan.lastSequence) continue;
      await writing;
      if (failures.length > 0) break;
      flush(window);
      window = [];
    }
  } catch (error) {
    failures.push(error);
  }
  await writing;
  if (failures.length > 0) throw failures[0];
  await db.transaction((tx) =>
    giveBackUnused(tx, lease, plan.lastSequence, plan.nextAccountNumber),
  );
  // Fresh statistics, or the planner keeps treating a million-row table as empty.
  await db.execute(sql`analyze universal_customers, customer_division_accounts`);
  return { ...progress, elapsedMs: Date.now() - started };
}

async function generateSliced(
  plan: BatchPlan,
  from: number,
  count: number,
): Promise<PreparedBatch> {
  const builder = new BatchBuilder();
  for (let at = from; at < from + count; at += SLICE) {
    builder.add(generateBatch(plan, at, Math.min(SLICE, from + count - at)));
    await nextTick();
  }
  return builder.finish();
}

async function loadDivisions(db: CentralDb): Promise<Partial<Record<DivisionCode, DivisionRef>>> {
  const rows = await db
    .select({ id: businesses.id, code: businesses.code })
    .from(businesses)
    .where(eq(businesses.kind, 'DIVISION'));
  const found: Partial<Record<DivisionCode, DivisionRef>> = {};
  for (const row of rows) {
    const code = DIVISION_CODES.find((c) => c === row.code);
    if (code) found[code] = { id: row.id, code };
  }
  if (Object.keys(found).length === 0)
    throw new Error('The central database has no divisions; seed the demo group first.');
  return found;
}
