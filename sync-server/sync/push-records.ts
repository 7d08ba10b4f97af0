import { sql, type SQL } from 'drizzle-orm';
import type { MutationResult } from '../../shared/contract/sync/protocol';
import type { CentralTx } from './change-sequence';
import { jsonValue, rowsOf } from './push-bulk';

// The push's own bookkeeping in as few round trips as possible: the till's cursor and the
// first answers to any of the batch's ids in one read, and every new idempotency record with
// the cursor (and what bulk appliers deferred) in one write. Rows travel as one json
// parameter, so the statements read the same on node-postgres and PGlite whatever the count.

/** What the server answered the first time it saw a mutation id of this till. */
export type FirstAnswer = { seq: number; payloadHash: string; result: MutationResult };

export type NewRecord = {
  mutationId: string;
  seq: number;
  name: string;
  payloadHash: string;
  result: MutationResult;
};

// Pushes of one till take this lock (the key space of two int4 keys is apart from the
// single-bigint keys of the change-sequence and migration locks) before the change-sequence
// lock, so they never interleave; a hash collision only makes two tills take turns.
const TILL_PUSH_LOCK = 7_318_004;

/**
 * Waits for any other push of this till to commit, and keeps the next ones waiting until
 * this transaction ends. Always taken before the change-sequence lock (lockChangeSequence),
 * never after it, so the two cannot deadlock.
 */
export async function lockTillPush(tx: CentralTx, tillId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TILL_PUSH_LOCK}, hashtext(${tillId}))`);
}

/**
 * The till's progress and the first answers to any of `ids`. Call it after lockTillPush, in
 * a statement of its own: its snapshot then holds everything the till's earlier pushes wrote.
 */
export async function readProgress(
  tx: CentralTx,
  tillId: string,
  ids: string[],
): Promise<{ lastPushedSeq: number; known: Map<string, FirstAnswer> }> {
  const result = await tx.execute(sql`
    select
      (select last_pushed_seq from till_cursors where till_id = ${tillId})::text as last_pushed_seq,
      (select coalesce(json_agg(json_build_array(p.mutation_id, p.seq, p.payload_hash, p.result)), '[]'::json)
         from processed_mutations p
        where p.till_id = ${tillId}
          and p.mutation_id = any(array(select json_array_elements_text(${JSON.stringify(ids)}::json)::uuid))
      ) as known`);
  const [row] = rowsOf<{ last_pushed_seq: string | null; known: unknown }>(result);
  const known = new Map<string, FirstAnswer>();
  for (const [id, seq, payloadHash, answer] of jsonValue<
    [string, number, string, MutationResult][]
  >(row?.known ?? '[]')) {
    known.set(id, { seq: Number(seq), payloadHash, result: answer });
  }
  return { lastPushedSeq: Number(row?.last_pushed_seq ?? 0), known };
}

/**
 * Runs INSERT/UPDATE statements as one (data-modifying CTEs): one round trip however many.
 * Each sees the snapshot from before the statement, not the others' rows, so they must not
 * depend on one another.
 */
export async function writeAll(tx: CentralTx, statements: SQL[]): Promise<void> {
  if (statements.length === 0) return;
  const parts = statements.map((write, i) => sql`${sql.raw(`write_${i}`)} as (${write})`);
  await tx.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
}

/** The batch's new idempotency records (none is a valid answer: nothing is written). */
export function recordsWrite(tillId: string, records: NewRecord[]): SQL[] {
  if (records.length === 0) return [];
  return [
    sql`insert into processed_mutations (till_id, mutation_id, seq, name, payload_hash, result)
      select ${tillId}::uuid, r."mutationId", r.seq, r.name, r."payloadHash", r.result
        from json_to_recordset(${JSON.stringify(records)}::json)
          as r("mutationId" uuid, seq bigint, name text, "payloadHash" text, result jsonb)`,
  ];
}

/** The till's push progress. */
export function cursorWrite(
  tillId: string,
  progress: { lastPushedSeq: number; lastPushAt: string },
): SQL {
  return sql`insert into till_cursors (till_id, last_pushed_seq, last_push_at)
    values (${tillId}::uuid, ${progress.lastPushedSeq}::bigint, ${progress.lastPushAt}::timestamptz)
    on conflict (till_id) do update
      set last_pushed_seq = excluded.last_pushed_seq,
          last_push_at = excluded.last_push_at,
          updated_at = now()`;
}
