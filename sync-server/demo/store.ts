import { sql, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import {
  customerDivisionAccounts,
  universalCustomers,
  type NewCustomerDivisionAccountRow,
  type NewUniversalCustomerRow,
} from '../../db/central/schema';
import { lockChangeSequence, nextServerSeq } from '../sync/change-sequence';
import { BulkRows, ROW_ORDINAL, type Executor } from './bulk-insert';

/** Typed as the tables' insert rows: a demo field of the wrong type fails to compile, and the bulk insert refuses one the table lacks. */
export type RowBatch = {
  customers: readonly NewUniversalCustomerRow[];
  accounts: readonly NewCustomerDivisionAccountRow[];
};

/**
 * How rows get their server change sequence: drawn one by one (the writer holds the
 * change-sequence lock), or from a range reserved beforehand under that lock.
 */
export type Stamp = { draw: true } | { from: number };

/** A batch with its column arrays built, waiting only for its stamps. */
export type PreparedBatch = {
  customers: number;
  accounts: number;
  statements(stamp: Stamp): SQL[];
};

/** Collects a batch slice by slice, so the row objects of each slice can be dropped at once. */
export class BatchBuilder {
  private readonly customers = new BulkRows(universalCustomers);
  private readonly accounts = new BulkRows(customerDivisionAccounts);

  add(part: RowBatch): void {
    this.customers.add(part.customers);
    this.accounts.add(part.accounts);
  }

  finish(): PreparedBatch {
    const { customers, accounts } = this;
    // Customers take the first stamps of a range, their accounts the ones after.
    const seq = (stamp: Stamp, offset: number) => [
      {
        column: 'server_seq',
        value:
          'draw' in stamp
            ? nextServerSeq()
            : sql`${stamp.from + offset - 1}::bigint + ${ROW_ORDINAL}`,
      },
    ];
    return {
      customers: customers.size,
      accounts: accounts.size,
      statements: (stamp) =>
        [customers.toInsert(seq(stamp, 0)), accounts.toInsert(seq(stamp, customers.size))].filter(
          (s): s is SQL => s !== null,
        ),
    };
  }
}

export function prepareBatch(batch: RowBatch): PreparedBatch {
  const builder = new BatchBuilder();
  builder.add(batch);
  return builder.finish();
}

/** Runs a prepared batch in the caller's transaction, which holds the change-sequence lock. */
export async function insertPrepared(tx: Executor, prepared: PreparedBatch): Promise<void> {
  for (const statement of prepared.statements({ draw: true })) await tx.execute(statement);
}

export async function insertBatch(tx: Executor, batch: RowBatch): Promise<void> {
  await insertPrepared(tx, prepareBatch(batch));
}

/**
 * Writes customers with their accounts in one transaction, so a customer never lands without
 * them. It holds the change-sequence lock like every stamping writer, so a till's pull cursor
 * never passes a batch that commits late. Losing the last commits in a crash costs nothing
 * here (the run is repeatable and its numbers are leased), so the commit does not wait for
 * the WAL flush.
 */
export async function storePrepared(
  db: Pick<CentralDb, 'transaction'>,
  prepared: PreparedBatch,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockChangeSequence(tx);
    await tx.execute(sql`set local synchronous_commit = off`);
    await insertPrepared(tx, prepared);
  });
}

/**
 * Writes several batches at once on their own connections, for a second core's worth of
 * PostgreSQL. The stamping rule still holds: a coordinating transaction takes the
 * change-sequence lock, reserves one range of stamps for the whole window, and keeps other
 * stamping writers out until every batch has committed; the batches commit in range order,
 * each waiting for the one before, so no pull ever sees a later stamp before an earlier one.
 * A batch whose predecessor failed rolls back too, so what lands is always a prefix.
 * Needs a connection pool: on single-connection PGlite use storePrepared.
 */
export async function storeWindow(db: CentralDb, window: readonly PreparedBatch[]): Promise<void> {
  const stamps = window.reduce((sum, b) => sum + b.customers + b.accounts, 0);
  await db.transaction(async (coordinator) => {
    await lockChangeSequence(coordinator);
    const [reserved] = await coordinator
      .select({
        last: sql<string>`setval('server_change_seq', nextval('server_change_seq') + ${stamps - 1})`,
      })
      .from(sql`(select 1) as one`);
    let from = Number(reserved?.last) - stamps + 1;
    let previous: Promise<void> = Promise.resolve();
    const writes = window.map((batch) => {
      const stamp = { from };
      from += batch.customers + batch.accounts;
      const before = previous;
      const write = db.transaction(async (tx) => {
        await tx.execute(sql`set local synchronous_commit = off`);
        for (const statement of batch.statements(stamp)) await tx.execute(statement);
        await before;
      });
      previous = write;
      return write;
    });
    const outcomes = await Promise.allSettled(writes);
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
  });
}
