import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { flaggedEvents } from '../../db/central/schema';
import { AppError } from '../../shared/contract/result';
import { canonicalJson } from '../../shared/contract/sync/canonical-json';
import { mutationTargets, type EntityRef } from '../../shared/contract/sync/mutation-targets';
import {
  isMutationName,
  mutationPayloads,
  type MutationName,
} from '../../shared/contract/sync/mutations';
import type {
  MutationEnvelope,
  MutationResult,
  PushResponse,
} from '../../shared/contract/sync/protocol';
import { uuidv7 } from '../../shared/ids';
import type { TillPrincipal } from '../auth/principal';
import type { Applier, ApplyContext, ApplyOutcome, Appliers } from './appliers';
import { lockChangeSequence, nextServerSeq, type CentralTx } from './change-sequence';
import { centralSyncedTables } from './entity-tables';
import {
  BatchWrites,
  bulkFormOf,
  directReader,
  RecordingReader,
  type BulkApplier,
  type BulkReader,
} from './push-bulk';
import {
  cursorWrite,
  lockTillPush,
  readProgress,
  recordsWrite,
  writeAll,
  type FirstAnswer,
  type NewRecord,
} from './push-records';

/**
 * Applies a batch in the till's sequence order, in ONE transaction with the till's progress:
 * either the whole prefix up to a gap is applied and recorded, or nothing is. A replay gets
 * its first answer back; the same id with another payload is refused loudly and flagged; a
 * gap stops the batch so the till resends from the answer's lastAppliedSeq.
 *
 * Every push waits for the change-sequence lock, so the time it holds it is what bounds how
 * many mutations the server applies a second. What needs no database (hashes, payload
 * validation) is done before taking it, and under it the round trips are kept few: the
 * cursor and any first answers in one read, runs of mutations whose applier has a bulk form
 * (push-bulk.ts) a statement or two per run, no savepoint per mutation (see Push.applyOne),
 * and every idempotency record with the cursor in one write at the end.
 *
 * A batch whose mutations all have a bulk form is first tried ahead of the lock (see
 * pushBatch): decided and recorded on what it read, it only takes the lock to read the same
 * again and write its stamped rows; if anything it read has changed meanwhile, it starts
 * over the ordinary way.
 */
export async function applyPush(
  db: CentralDb,
  till: TillPrincipal,
  batch: MutationEnvelope[],
  appliers: Appliers,
  now: Date,
): Promise<PushResponse> {
  const items = await prepareAll(
    [...batch].sort((a, b) => a.seq - b.seq),
    till,
    appliers,
    now,
  );
  if (items.every((item) => item.refused !== undefined || item.bulk !== undefined)) {
    const ahead = await db
      .transaction((tx) => pushBatch(tx, till, items, now, 'ahead'))
      .catch((error: unknown) => {
        if (error instanceof ReadsChanged) return null;
        throw error;
      });
    if (ahead) return ahead;
  }
  return db.transaction((tx) => pushBatch(tx, till, items, now, 'locked'));
}

/** Thrown (to roll the transaction back) when what a batch read ahead of the lock changed. */
class ReadsChanged extends Error {
  constructor() {
    super('what the push read ahead of the lock changed');
  }
}

/**
 * 'locked': take the change-sequence lock, then read, decide and write everything.
 * 'ahead' (bulk forms only): read and decide without the lock, write the rows that are not
 * stamped (idempotency records, audit) and only then take the lock; under it, ask the same
 * reads again: unchanged, every decision stands, so the stamped rows and the cursor are
 * written; changed, the transaction is rolled back (ReadsChanged). Either way the till's own
 * lock comes first, so its cursor and earlier answers cannot change under the batch, and no
 * push waits for a till's lock while holding the change-sequence lock (no deadlock).
 */
async function pushBatch(
  tx: CentralTx,
  till: TillPrincipal,
  items: Item[],
  now: Date,
  mode: 'ahead' | 'locked',
): Promise<PushResponse> {
  await lockTillPush(tx, till.tillId);
  if (mode === 'locked') await lockChangeSequence(tx);
  const progress = await readProgress(
    tx,
    till.tillId,
    items.map((item) => item.mutation.id),
  );
  const reader = mode === 'ahead' ? new RecordingReader(tx) : directReader(tx);
  const push = new Push(tx, till, now, progress.known, reader);
  let lastApplied = progress.lastPushedSeq;
  for (const item of items) {
    const { mutation } = item;
    if (mutation.seq <= lastApplied) {
      await push.settle();
      push.answer(await push.replay(item));
      continue;
    }
    if (mutation.seq !== lastApplied + 1) break;
    if (push.seen(mutation.id)) {
      // The id already answered another seq: a till bug or tampering, refused like a replay
      // with a different payload. (It cannot get a record of its own: the id has one.)
      await push.settle();
      push.answer(await push.mismatch(item));
    } else {
      push.queue(item);
    }
    lastApplied = mutation.seq;
  }
  await push.settle();
  const writes = push.writes.statements();
  const records = recordsWrite(till.tillId, push.records);
  const cursor = cursorWrite(till.tillId, {
    lastPushedSeq: lastApplied,
    lastPushAt: now.toISOString(),
  });
  if (mode === 'ahead') {
    await writeAll(tx, [...writes.unstamped, ...records]);
    await lockChangeSequence(tx);
    if (reader instanceof RecordingReader && !(await reader.unchanged())) throw new ReadsChanged();
    await push.restampRejected();
    // The cursor row last: a pull of this till upserts it too, and need not wait for the lock.
    await writeAll(tx, [...writes.stamped, cursor]);
  } else {
    await push.restampRejected();
    await writeAll(tx, [...writes.stamped, ...writes.unstamped, ...records, cursor]);
  }
  return { results: push.results, lastAppliedSeq: lastApplied };
}

const hashOf = (m: MutationEnvelope) =>
  createHash('sha256')
    .update(canonicalJson({ name: m.name, payload: m.payload }))
    .digest('hex');

// Preparing is CPU work on the one event loop the push holding the lock shares: done in
// slices, so that push's round trips are answered between them rather than after all of them.
const PREPARE_SLICE = 50;

async function prepareAll(
  mutations: MutationEnvelope[],
  till: TillPrincipal,
  appliers: Appliers,
  now: Date,
): Promise<Item[]> {
  const items: Item[] = [];
  for (let i = 0; i < mutations.length; i += PREPARE_SLICE) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const mutation of mutations.slice(i, i + PREPARE_SLICE))
      items.push(prepare(mutation, till, appliers, now));
  }
  return items;
}

/** A mutation made ready outside the lock: hashed, its payload checked, its applier found. */
type Item = {
  mutation: MutationEnvelope;
  hash: string;
  context: ApplyContext;
  /** Why it can never apply (unknown name, invalid payload), found before any database work. */
  refused?: ApplyOutcome;
  applier?: Applier<MutationName>;
  bulk?: BulkApplier<MutationName>;
  payload?: unknown;
};

function prepare(
  mutation: MutationEnvelope,
  till: TillPrincipal,
  appliers: Appliers,
  now: Date,
): Item {
  const context: ApplyContext = {
    tillId: till.tillId,
    businessId: till.businessId,
    mutationId: mutation.id,
    recordedAt: mutation.createdAt,
    hlc: mutation.hlc ?? null,
    now,
  };
  const item: Item = { mutation, hash: hashOf(mutation), context };
  if (!isMutationName(mutation.name)) {
    item.refused = { status: 'rejected', reason: `Unknown mutation ${mutation.name}` };
    return item;
  }
  const parsed = mutationPayloads[mutation.name].safeParse(mutation.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    item.refused = {
      status: 'rejected',
      reason: `Invalid payload: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    };
    return item;
  }
  const applier = appliers[mutation.name] as Applier<MutationName>;
  item.applier = applier;
  item.bulk = bulkFormOf(applier);
  item.payload = parsed.data;
  return item;
}

/**
 * Appliers run without a savepoint each. A span opens one savepoint before the first of them
 * and stays open while they succeed; when one is rejected (or throws an AppError), the span
 * rolls back to it, runs again the ones before it that had succeeded (on the same rows they
 * give the same answers), and closes, leaving the rejected one as if it had had its own
 * savepoint. So a rejection costs its span's work twice, and success costs one savepoint per
 * batch instead of two round trips per mutation.
 */
type SpanEntry = { item: Item; answer: number; record: number };

class Push {
  readonly results: MutationResult[] = [];
  readonly records: NewRecord[] = [];
  readonly writes = new BatchWrites();
  private queued: Item[] = [];
  private readonly queuedIds = new Set<string>();
  private span: SpanEntry[] | null = null;
  private readonly answered = new Map<string, FirstAnswer>();

  /** Bulk runs' rejected items, whose targets are re-stamped under the lock at the end. */
  private readonly rejectedInRuns: Item[] = [];

  constructor(
    private readonly tx: CentralTx,
    private readonly till: TillPrincipal,
    private readonly now: Date,
    private readonly known: Map<string, FirstAnswer>,
    private readonly reader: BulkReader,
  ) {}

  /** The id already has an answer: in the database, in this batch, or queued in it. */
  seen(id: string): boolean {
    return this.known.has(id) || this.answered.has(id) || this.queuedIds.has(id);
  }

  queue(item: Item): void {
    this.queued.push(item);
    this.queuedIds.add(item.mutation.id);
  }

  answer(result: MutationResult): void {
    this.results.push(result);
  }

  /** Applies what is queued, in order: bulk runs together, the rest one by one. */
  async settle(): Promise<void> {
    const queued = this.queued;
    this.queued = [];
    this.queuedIds.clear();
    for (let i = 0; i < queued.length;) {
      const item = queued[i]!;
      if (item.refused) {
        this.record(item, item.refused);
        i += 1;
      } else if (item.bulk) {
        let end = i + 1;
        while (end < queued.length && queued[end]!.bulk === item.bulk) end += 1;
        await this.applyRun(item.bulk, queued.slice(i, end));
        i = end;
      } else {
        await this.applyOne(item);
        i += 1;
      }
    }
  }

  private async applyRun(bulk: BulkApplier<MutationName>, run: Item[]): Promise<void> {
    const outcomes = await bulk(
      this.reader,
      run.map((item) => ({ payload: item.payload as never, context: item.context })),
      this.writes,
    );
    if (outcomes.length !== run.length) throw new Error('bulk applier answered another count');
    for (const [k, item] of run.entries()) {
      const outcome = outcomes[k]!;
      this.record(item, outcome);
      if (outcome.status === 'rejected') this.rejectedInRuns.push(item);
    }
  }

  async restampRejected(): Promise<void> {
    for (const item of this.rejectedInRuns) await this.restampTargets(item);
  }

  private async applyOne(item: Item): Promise<void> {
    if (!this.span) {
      await this.tx.execute(sql`savepoint push_span`);
      this.span = [];
    }
    const outcome = await attempt(this.tx, item);
    if (outcome.status !== 'rejected') {
      this.span.push({ item, ...this.record(item, outcome) });
      return;
    }
    // Undo the span, then redo what had succeeded in it: the rejected one leaves nothing.
    await this.tx.execute(sql`rollback to savepoint push_span`);
    for (const entry of this.span) {
      const again = await attempt(this.tx, entry.item);
      if (again.status === 'rejected')
        throw new Error(`mutation ${entry.item.mutation.id} was applied, then rejected on a redo`);
      const result = resultOf(entry.item, again);
      this.results[entry.answer] = result;
      this.records[entry.record]!.result = result;
      this.answered.get(entry.item.mutation.id)!.result = result;
    }
    await this.closeSpan();
    this.record(item, outcome);
    await this.restampTargets(item);
  }

  private async closeSpan(): Promise<void> {
    if (!this.span) return;
    await this.tx.execute(sql`release savepoint push_span`);
    this.span = null;
  }

  /** Records a new mutation's answer; returns where it is in results and records. */
  private record(item: Item, outcome: ApplyOutcome): { answer: number; record: number } {
    const result = resultOf(item, outcome);
    this.results.push(result);
    const record: NewRecord = {
      mutationId: item.mutation.id,
      seq: item.mutation.seq,
      name: item.mutation.name,
      payloadHash: item.hash,
      result,
    };
    this.records.push(record);
    this.answered.set(item.mutation.id, { seq: record.seq, payloadHash: item.hash, result });
    return { answer: this.results.length - 1, record: this.records.length - 1 };
  }

  /** A mutation the till already pushed: its first answer, unless it is not the same one. */
  async replay(item: Item): Promise<MutationResult> {
    const { mutation, hash } = item;
    const first = this.known.get(mutation.id) ?? this.answered.get(mutation.id);
    if (first && first.payloadHash === hash && first.seq === mutation.seq) return first.result;
    // A till bug or tampering: never apply it, never let it pass quietly.
    return this.flagMismatch(
      item,
      first
        ? `Mutation ${mutation.id} was pushed again with a different payload or sequence.`
        : `Sequence ${mutation.seq} was already used by another mutation.`,
    );
  }

  async mismatch(item: Item): Promise<MutationResult> {
    return this.flagMismatch(
      item,
      `Mutation ${item.mutation.id} was pushed again with a different payload or sequence.`,
    );
  }

  private async flagMismatch(item: Item, message: string): Promise<MutationResult> {
    const { mutation } = item;
    await this.closeSpan();
    await this.tx.insert(flaggedEvents).values({
      id: uuidv7(this.now.getTime()),
      kind: 'SYNC_PAYLOAD_MISMATCH',
      businessId: this.till.businessId,
      tillId: this.till.tillId,
      mutationId: mutation.id,
      entityType: 'mutation',
      entityId: mutation.id,
      message,
      details: { seq: mutation.seq, name: mutation.name },
    });
    return { id: mutation.id, seq: mutation.seq, status: 'rejected', reason: message };
  }

  /**
   * After a rejection the till still shows its own version of the rows the mutation wrote.
   * Re-stamping the server's rows makes the till pull the authoritative version back.
   */
  private async restampTargets(item: Item): Promise<void> {
    if (item.refused || !isMutationName(item.mutation.name)) return;
    const targets = mutationTargets[item.mutation.name] as (payload: unknown) => EntityRef[];
    await this.closeSpan();
    for (const { entity, id } of targets(item.payload)) {
      const table = centralSyncedTables[entity];
      await this.tx.update(table).set({ serverSeq: nextServerSeq() }).where(eq(table.id, id));
    }
  }
}

const resultOf = (item: Item, outcome: ApplyOutcome): MutationResult => ({
  id: item.mutation.id,
  seq: item.mutation.seq,
  ...outcome,
});

/** Runs the applier; a known refusal (AppError) is a rejection like a returned one. */
async function attempt(tx: CentralTx, item: Item): Promise<ApplyOutcome> {
  try {
    return await item.applier!(tx, item.payload as never, item.context);
  } catch (error) {
    if (error instanceof AppError) return { status: 'rejected', reason: error.message };
    throw error;
  }
}
