import { count, isNull, max } from 'drizzle-orm';
import { outbox } from '../../../db/till/schema';
import {
  mutationPayloads,
  type MutationName,
  type MutationPayload,
} from '../../../shared/contract/sync/mutations';
import { uuidv7 } from '../../../shared/ids';
import type { TillTx } from '../db-types';

export type OutboxEntry = { id: string; seq: number };

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
    .values({ ...entry, name, payload: checked, createdAt: now.toISOString() })
    .run();
  return entry;
}

export function pendingMutationCount(tx: Pick<TillTx, 'select'>): number {
  return tx.select({ n: count() }).from(outbox).where(isNull(outbox.ackedAt)).get()?.n ?? 0;
}
