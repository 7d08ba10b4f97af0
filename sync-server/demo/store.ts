import { sql, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import {
  customerDivisionAccounts,
  universalCustomers,
  type NewCustomerDivisionAccountRow,
  type NewUniversalCustomerRow,
} from '../../db/central/schema';
import { buildBulkInsert, type Executor } from './bulk-insert';

/** Typed as the tables' insert rows: a demo field of the wrong type fails to compile, and the bulk insert refuses one the table lacks. */
export type RowBatch = {
  customers: readonly NewUniversalCustomerRow[];
  accounts: readonly NewCustomerDivisionAccountRow[];
};

/** A batch turned into its statements, ready to send. */
export type PreparedBatch = { statements: SQL[]; customers: number; accounts: number };

// Rows a till pulls carry the server change sequence, or the till would never see them.
const stamped = [{ column: 'server_seq', value: sql`nextval('server_change_seq')` }];

export function prepareBatch(batch: RowBatch): PreparedBatch {
  const statements = [
    buildBulkInsert(universalCustomers, batch.customers, stamped),
    buildBulkInsert(customerDivisionAccounts, batch.accounts, stamped),
  ].filter((s): s is SQL => s !== null);
  return { statements, customers: batch.customers.length, accounts: batch.accounts.length };
}

/** Runs a prepared batch in the caller's transaction. */
export async function insertPrepared(tx: Executor, prepared: PreparedBatch): Promise<void> {
  for (const statement of prepared.statements) await tx.execute(statement);
}

export async function insertBatch(tx: Executor, batch: RowBatch): Promise<void> {
  await insertPrepared(tx, prepareBatch(batch));
}

/**
 * Writes customers with their accounts in one transaction, so a customer never lands without
 * them. Losing the last commits in a crash costs nothing here (the run is repeatable and its
 * numbers are leased), so the commit does not wait for the WAL flush.
 */
export async function storePrepared(
  db: Pick<CentralDb, 'transaction'>,
  prepared: PreparedBatch,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await insertPrepared(tx, prepared);
  });
}
