import { count, isNull, max } from 'drizzle-orm';
import { outbox } from '../../../db/till/schema';
import {
  mutationPayloads,
  type MutationName,
  type MutationPayload,
} from '../../../shared/contract/sync/mutations';
import { uuidv7 } from '../../../shared/ids';
import type { TillTx } from '../db-types';
import { nextHlc } from './clock';

export type OutboxEntry = { id: string; seq: number };

type Listener = (databaseFile: string) => void;
const listeners = new Set<Listener>();

/**
 * Called (after the current transaction has ended) whenever a mutation is queued, with the
 * till database's file: tests and benches run several tills in one process.
 */
export function onMutationAppended(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The file of the database a drizzle transaction writes to (better-sqlite3 names it). */
function databaseFileOf(tx: TillTx): string {
  const session = (tx as unknown as { session?: { client?: { name?: unknown } } }).session;
  return typeof session?.client?.name === 'string' ? session.client.name : '';
}

/**
 * Records a mutation in the same transaction as the change it describes, so the change and
 * the promise to tell the server about it commit together or not at all. seq is gap-free:
 * max + 1 inside the (serialised) SQLite write transaction.
 */
export function appendMutation<N extends MutationName>(
  tx: TillTx,
  name: N,
  payload: MutationPayload<N>,
  now: Date,
): OutboxEntry {
  // Parse on the way in: a mutation the server would refuse must fail the local change too.
  const checked: unknown = mutationPayloads[name].parse(payload);
  const last =
    tx
      .select({ seq: max(outbox.seq) })
      .from(outbox)
      .get()?.seq ?? 0;
  const entry = { id: uuidv7(now.getTime()), seq: last + 1 };
  tx.insert(outbox)
    .values({
      ...entry,
      name,
      payload: checked,
      createdAt: now.toISOString(),
      hlc: nextHlc(tx, now),
    })
    .run();
  // After the synchronous transaction has committed (or rolled back: a push then finds
  // nothing new, which is harmless), so the sync loop can send it at once.
  const file = databaseFileOf(tx);
  setImmediate(() => {
    for (const listener of listeners) listener(file);
  });
  return entry;
}

export function pendingMutationCount(tx: Pick<TillTx, 'select'>): number {
  return tx.select({ n: count() }).from(outbox).where(isNull(outbox.ackedAt)).get()?.n ?? 0;
}
