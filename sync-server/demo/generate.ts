import { eq, sql } from 'drizzle-orm';
import { setImmediate as nextTick } from 'node:timers/promises';
import type { CentralDb } from '../../db/central/connect';
import { businesses } from '../../db/central/schema';
import { DIVISION_CODES, type DivisionCode } from '../../shared/domain/enums';
import { generateBatch, type BatchPlan, type DivisionRef } from './batch';
import { createBulkUuidv7 } from './fast-ids';
import { MAX_SEQUENCE } from './identifiers';
import {
  leaseBlock,
  nextFreeAccountNumber,
  nextFreeCustomerNumber,
  shrinkBlock,
} from './number-blocks';
import { BatchBuilder, storePrepared, storeWindow, type PreparedBatch } from './store';

// `npm run gen`: up to millions of customers into the central database. Each batch is one
// transaction (customers with their accounts), so a stopped run leaves whole customers and
// the next run continues after them. Batches are generated while PostgreSQL writes earlier
// ones, on up to `parallel` connections, so both cores stay busy: on this 2-core machine one
// connection wrote about 10,000 customers a second, two about 14,000.

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
  const lease = await leaseRun(db, divisions, options.customers);
  const plan: BatchPlan = {
    seed: options.seed,
    now: options.now ?? started,
    newId: createBulkUuidv7(),
    divisions,
    nextAccountNumber: { ...lease.accountStart },
    firstSequence: lease.first,
    lastSequence: lease.first + options.customers - 1,
  };
  const progress: GenerateProgress = {
    customers: 0,
    accounts: 0,
    total: options.customers,
    firstNumber: lease.first,
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
  // A failed run keeps its whole lease; an unused number costs nothing.
  if (failures.length > 0) throw failures[0];
  await giveBackUnused(db, lease, plan);
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

type RunLease = {
  first: number;
  customerBlock: string;
  accountStart: Record<DivisionCode, number>;
  accountBlocks: Partial<Record<DivisionCode, string>>;
};

/**
 * Leases the whole run's numbers up front — every customer number, and per division as many
 * account numbers as there are customers (each has at most one account per division) — so a
 * till leasing during the run gets numbers after ours. The unused tail is given back at the end.
 */
async function leaseRun(
  db: CentralDb,
  divisions: Partial<Record<DivisionCode, DivisionRef>>,
  customers: number,
): Promise<RunLease> {
  if (!Number.isInteger(customers) || customers < 1)
    throw new RangeError('customers must be a positive integer');
  return db.transaction(async (tx) => {
    const first = await nextFreeCustomerNumber(tx);
    if (first + customers - 1 > MAX_SEQUENCE) {
      throw new RangeError(`customer numbers would pass ${MAX_SEQUENCE} (next free is ${first})`);
    }
    const customerBlock = await leaseBlock(tx, 'CUSTOMER', null, first, first + customers - 1);
    const accountStart: Record<DivisionCode, number> = { GRO: 1, RST: 1, CLO: 1, HWR: 1, CON: 1 };
    const accountBlocks: Partial<Record<DivisionCode, string>> = {};
    for (const division of Object.values(divisions)) {
      const start = await nextFreeAccountNumber(tx, division);
      accountStart[division.code] = start;
      accountBlocks[division.code] = await leaseBlock(
        tx,
        'DIVISION_ACCOUNT',
        division.id,
        start,
        start + customers - 1,
      );
    }
    return { first, customerBlock, accountStart, accountBlocks };
  });
}

/** After a complete run: every customer number was used, the account blocks only in part. */
async function giveBackUnused(db: CentralDb, lease: RunLease, plan: BatchPlan): Promise<void> {
  await db.transaction(async (tx) => {
    await shrinkBlock(tx, lease.customerBlock, lease.first, plan.lastSequence);
    for (const code of DIVISION_CODES) {
      const id = lease.accountBlocks[code];
      if (id) await shrinkBlock(tx, id, lease.accountStart[code], plan.nextAccountNumber[code] - 1);
    }
  });
}
