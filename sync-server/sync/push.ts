import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { flaggedEvents, processedMutations, tillCursors } from '../../db/central/schema';
import { AppError } from '../../shared/contract/result';
import { canonicalJson } from '../../shared/contract/sync/canonical-json';
import { mutationTargets, type EntityRef } from '../../shared/contract/sync/mutation-targets';
import { isMutationName, mutationPayloads } from '../../shared/contract/sync/mutations';
import type {
  MutationEnvelope,
  MutationResult,
  PushResponse,
} from '../../shared/contract/sync/protocol';
import { uuidv7 } from '../../shared/ids';
import type { TillPrincipal } from '../auth/principal';
import type { Applier, ApplyOutcome, Appliers } from './appliers';
import { lockChangeSequence, nextServerSeq, type CentralTx } from './change-sequence';
import { centralSyncedTables } from './entity-tables';

const hashOf = (m: MutationEnvelope) =>
  createHash('sha256')
    .update(canonicalJson({ name: m.name, payload: m.payload }))
    .digest('hex');

/**
 * Applies a batch in the till's sequence order, in ONE transaction with the till's progress:
 * either the whole prefix up to a gap is applied and recorded, or nothing is. A replay gets
 * its first answer back; the same id with another payload is refused loudly and flagged; a
 * gap stops the batch so the till resends from the answer's lastAppliedSeq.
 */
export async function applyPush(
  db: CentralDb,
  till: TillPrincipal,
  batch: MutationEnvelope[],
  appliers: Appliers,
  now: Date,
): Promise<PushResponse> {
  const mutations = [...batch].sort((a, b) => a.seq - b.seq);
  return db.transaction(async (tx) => {
    await lockChangeSequence(tx);
    let lastApplied = await lastPushedSeq(tx, till.tillId);
    const results: MutationResult[] = [];
    for (const mutation of mutations) {
      const hash = hashOf(mutation);
      if (mutation.seq <= lastApplied) {
        results.push(await replay(tx, till, mutation, hash, now));
        continue;
      }
      if (mutation.seq !== lastApplied + 1) break;
      const outcome = await applyOne(tx, till, mutation, appliers, now);
      if (outcome.status === 'rejected') await restampTargets(tx, mutation);
      const result: MutationResult = { id: mutation.id, seq: mutation.seq, ...outcome };
      await tx.insert(processedMutations).values({
        tillId: till.tillId,
        mutationId: mutation.id,
        seq: mutation.seq,
        name: mutation.name,
        payloadHash: hash,
        result,
      });
      results.push(result);
      lastApplied = mutation.seq;
    }
    const progress = { lastPushedSeq: lastApplied, lastPushAt: now.toISOString() };
    await tx
      .insert(tillCursors)
      .values({ tillId: till.tillId, ...progress })
      .onConflictDoUpdate({ target: tillCursors.tillId, set: progress });
    return { results, lastAppliedSeq: lastApplied };
  });
}

async function lastPushedSeq(tx: CentralTx, tillId: string): Promise<number> {
  const [row] = await tx
    .select({ seq: tillCursors.lastPushedSeq })
    .from(tillCursors)
    .where(eq(tillCursors.tillId, tillId))
    .for('update');
  return row?.seq ?? 0;
}

async function replay(
  tx: CentralTx,
  till: TillPrincipal,
  mutation: MutationEnvelope,
  hash: string,
  now: Date,
): Promise<MutationResult> {
  const [first] = await tx
    .select()
    .from(processedMutations)
    .where(
      and(
        eq(processedMutations.tillId, till.tillId),
        eq(processedMutations.mutationId, mutation.id),
      ),
    );
  if (first && first.payloadHash === hash && first.seq === mutation.seq)
    return first.result as MutationResult;
  // A till bug or tampering: never apply it, never let it pass quietly.
  const message = first
    ? `Mutation ${mutation.id} was pushed again with a different payload or sequence.`
    : `Sequence ${mutation.seq} was already used by another mutation.`;
  await tx.insert(flaggedEvents).values({
    id: uuidv7(now.getTime()),
    kind: 'SYNC_PAYLOAD_MISMATCH',
    businessId: till.businessId,
    tillId: till.tillId,
    mutationId: mutation.id,
    entityType: 'mutation',
    entityId: mutation.id,
    message,
    details: { seq: mutation.seq, name: mutation.name },
  });
  return { id: mutation.id, seq: mutation.seq, status: 'rejected', reason: message };
}

async function applyOne(
  tx: CentralTx,
  till: TillPrincipal,
  mutation: MutationEnvelope,
  appliers: Appliers,
  now: Date,
): Promise<ApplyOutcome> {
  if (!isMutationName(mutation.name))
    return { status: 'rejected', reason: `Unknown mutation ${mutation.name}` };
  const parsed = mutationPayloads[mutation.name].safeParse(mutation.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      status: 'rejected',
      reason: `Invalid payload: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    };
  }
  const applier = appliers[mutation.name] as Applier<typeof mutation.name>;
  const context = {
    tillId: till.tillId,
    businessId: till.businessId,
    mutationId: mutation.id,
    recordedAt: mutation.createdAt,
    now,
  };
  try {
    // A savepoint: an applier that fails with a known reason leaves nothing behind, and the
    // batch goes on. Anything unexpected aborts the whole batch so the till retries later.
    return await tx.transaction((sp) => applier(sp, parsed.data, context).then(throwIfRejected));
  } catch (error) {
    if (error instanceof RejectedOutcome) return error.outcome;
    if (error instanceof AppError) return { status: 'rejected', reason: error.message };
    throw error;
  }
}

// Rejections roll their savepoint back so a half-applied mutation never stays.
class RejectedOutcome extends Error {
  constructor(readonly outcome: ApplyOutcome) {
    super('rejected');
  }
}
function throwIfRejected(outcome: ApplyOutcome): ApplyOutcome {
  if (outcome.status === 'rejected') throw new RejectedOutcome(outcome);
  return outcome;
}

/**
 * After a rejection the till still shows its own version of the rows the mutation wrote.
 * Re-stamping the server's rows makes the till pull the authoritative version back.
 */
async function restampTargets(tx: CentralTx, mutation: MutationEnvelope): Promise<void> {
  if (!isMutationName(mutation.name)) return;
  const parsed = mutationPayloads[mutation.name].safeParse(mutation.payload);
  if (!parsed.success) return;
  const targets = mutationTargets[mutation.name] as (payload: unknown) => EntityRef[];
  for (const { entity, id } of targets(parsed.data)) {
    const table = centralSyncedTables[entity];
    await tx.update(table).set({ serverSeq: nextServerSeq() }).where(eq(table.id, id));
  }
}
