import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { outbox } from '../../../db/till/schema';
import { MAX_PUSH_BATCH, type MutationEnvelope } from '../../../shared/contract/sync/protocol';
import type { ServerClient } from './server-client';

export type PushSummary = { pushed: number; rejected: number };

/**
 * Sends the outbox in sequence order, a batch at a time, until it is empty. A mutation
 * leaves the outbox (is marked acked) only once the server has confirmed it; a till killed
 * anywhere in here resends, and the server answers the replay with its first result.
 */
export async function pushOutbox(
  db: TillDb,
  client: ServerClient,
  now: () => Date,
): Promise<PushSummary> {
  const summary: PushSummary = { pushed: 0, rejected: 0 };
  for (;;) {
    const pending = db
      .select()
      .from(outbox)
      .where(isNull(outbox.ackedAt))
      .orderBy(asc(outbox.seq))
      .limit(MAX_PUSH_BATCH)
      .all();
    if (pending.length === 0) return summary;
    const batch: MutationEnvelope[] = pending.map((m) => ({
      id: m.id,
      seq: m.seq,
      name: m.name,
      payload: m.payload,
      createdAt: m.createdAt,
      hlc: m.hlc,
    }));
    db.update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1` })
      .where(
        inArray(
          outbox.id,
          batch.map((m) => m.id),
        ),
      )
      .run();
    const response = await client.push(batch);
    const ackedAt = now().toISOString();
    db.transaction((tx) => {
      for (const result of response.results) {
        if (result.status !== 'rejected') continue;
        tx.update(outbox)
          .set({ lastError: result.reason ?? 'rejected' })
          .where(eq(outbox.id, result.id))
          .run();
      }
      tx.update(outbox)
        .set({ ackedAt })
        .where(and(isNull(outbox.ackedAt), lte(outbox.seq, response.lastAppliedSeq)))
        .run();
    });
    summary.pushed += response.results.length;
    summary.rejected += response.results.filter((r) => r.status === 'rejected').length;
    // The server stopped short (a gap it cannot fill): stop rather than spin.
    const last = pending[pending.length - 1]?.seq ?? 0;
    if (response.lastAppliedSeq < last) {
      throw new Error(`server stopped at seq ${response.lastAppliedSeq} of ${last}`);
    }
  }
}
