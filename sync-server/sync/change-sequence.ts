import { sql } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';

export type CentralTx = Parameters<Parameters<CentralDb['transaction']>[0]>[0];

// Any constant; it only has to differ from the migration lock.
const CHANGE_SEQUENCE_LOCK = 7_318_004_212;

/**
 * Every transaction that stamps rows with the server change sequence takes this lock first,
 * so stamps commit in the order they were drawn: a till's pull cursor can then never move
 * past a row that commits late. The lock is held to the end of the transaction.
 */
export async function lockChangeSequence(tx: CentralTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHANGE_SEQUENCE_LOCK})`);
}

/** The value for a row's serverSeq column; only valid after lockChangeSequence in this tx. */
export const nextServerSeq = () => sql`nextval('server_change_seq')`;

/**
 * Runs head-office (REST) writes the same way a push applies mutations: in one transaction
 * holding the change-sequence lock, so tills pull what head office changed.
 */
export function withStampedWrites<T>(
  db: CentralDb,
  work: (tx: CentralTx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await lockChangeSequence(tx);
    return work(tx);
  });
}

/** The newest stamp drawn so far: what a fully caught-up till's cursor would be. */
export async function latestServerSeq(db: Pick<CentralDb, 'execute'>): Promise<number> {
  const result: unknown = await db.execute(sql`select last_value from server_change_seq`);
  // node-postgres and PGlite both answer { rows }; drizzle types execute() loosely on the
  // common base, so read it defensively.
  const rows = (result as { rows?: { last_value: string | number }[] }).rows ?? [];
  return Number(rows[0]?.last_value ?? 0);
}
