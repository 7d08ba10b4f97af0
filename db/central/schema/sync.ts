import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { numberSeries } from './enums';
import { businesses, tills, users } from './org';
import { at, createdAt, syncColumns } from './columns';

// The server change sequence: every committed change to a synced row is stamped with the
// next value in its server_seq column, and tills pull "rows with server_seq > my cursor".
// A sequence hands out numbers in call order, not commit order, so the server must stamp
// under a lock (or cap pulls below the oldest in-flight stamp) or a slow transaction's row
// can land behind a cursor that already moved past it.
export const serverChangeSeq = pgSequence('server_change_seq', { startWith: 1, increment: 1 });

// Idempotent push: the first result of each (till, mutation) is kept and replayed verbatim.
export const processedMutations = pgTable(
  'processed_mutations',
  {
    tillId: uuid('till_id')
      .notNull()
      .references(() => tills.id),
    mutationId: uuid('mutation_id').notNull(),
    // The till's gap-free outbox sequence, so the server can see a missing mutation.
    seq: bigint('seq', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    // sha-256 of the payload: a replayed id with a different payload is a till bug to flag.
    payloadHash: text('payload_hash').notNull(),
    result: jsonb('result').notNull(),
    appliedAt: at('applied_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'processed_mutations_pkey', columns: [t.tillId, t.mutationId] }),
    index('processed_mutations_till_seq_idx').on(t.tillId, t.seq),
  ],
);

// The tombstone window's edge (sync-server/sync/tombstones.ts): the newest stamp among rows
// purged so far. A till whose cursor is below it may have missed a deletion, so it downloads
// its data again. One row, id 1.
export const syncHorizon = pgTable(
  'sync_horizon',
  {
    id: integer('id').primaryKey().default(1),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    purgedBefore: at('purged_before'),
    purgedAt: at('purged_at'),
    purgedRows: integer('purged_rows').notNull().default(0),
  },
  (t) => [check('sync_horizon_one_row', sql`${t.id} = 1`)],
);

// Each till's progress: how far it has pushed and pulled, and where a first-sync snapshot
// stopped so it can resume.
export const tillCursors = pgTable('till_cursors', {
  tillId: uuid('till_id')
    .primaryKey()
    .references(() => tills.id),
  lastPushedSeq: bigint('last_pushed_seq', { mode: 'number' }).notNull().default(0),
  lastPulledServerSeq: bigint('last_pulled_server_seq', { mode: 'number' }).notNull().default(0),
  snapshotPosition: jsonb('snapshot_position'),
  snapshotCompletedAt: at('snapshot_completed_at'),
  appVersion: text('app_version'),
  schemaVersion: text('schema_version'),
  lastPushAt: at('last_push_at'),
  lastPullAt: at('last_pull_at'),
  updatedAt: at('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => sql`now()`),
});

// Blocks of human numbers (UCST-…, CLO-CUST-…, LAY-CLO-…, receipts) leased so each till
// numbers offline without ever colliding. businessId null: a group-wide series such as
// UCST. tillId null: a block the server itself uses for head-office work.
export const numberBlocks = pgTable(
  'number_blocks',
  {
    id: uuid('id').primaryKey(),
    series: numberSeries('series').notNull(),
    businessId: uuid('business_id').references(() => businesses.id),
    tillId: uuid('till_id').references(() => tills.id),
    rangeStart: bigint('range_start', { mode: 'number' }).notNull(),
    rangeEnd: bigint('range_end', { mode: 'number' }).notNull(),
    leasedAt: at('leased_at').notNull().defaultNow(),
  },
  (t) => [
    // A start is leased once per series and division; nulls compare equal so the group-wide
    // series is covered too.
    unique('number_blocks_series_start_key')
      .on(t.series, t.businessId, t.rangeStart)
      .nullsNotDistinct(),
    index('number_blocks_series_end_idx').on(t.series, t.businessId, t.rangeEnd),
    index('number_blocks_till_idx').on(t.tillId),
    check(
      'number_blocks_range_check',
      sql`${t.rangeStart} >= 1 and ${t.rangeEnd} >= ${t.rangeStart}`,
    ),
  ],
);

// Same field changed on two tills: the deterministic winner is applied and the loser is kept
// here for head office to review.
export const conflictLog = pgTable(
  'conflict_log',
  {
    id: uuid('id').primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    field: text('field').notNull(),
    winningValue: jsonb('winning_value'),
    losingValue: jsonb('losing_value'),
    winningTillId: uuid('winning_till_id'),
    losingTillId: uuid('losing_till_id'),
    winningMutationId: uuid('winning_mutation_id'),
    losingMutationId: uuid('losing_mutation_id'),
    businessId: uuid('business_id'),
    at: at('at').notNull().defaultNow(),
    reviewedAt: at('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
  },
  (t) => [
    index('conflict_log_entity_idx').on(t.entityType, t.entityId),
    index('conflict_log_unreviewed_idx')
      .on(t.at)
      .where(sql`${t.reviewedAt} is null`),
  ],
);

// Facts from a till the server accepted but a supervisor must look at (overpayment, payment
// on a layby already cancelled elsewhere). Synced back to the division's tills.
export const flaggedEvents = pgTable(
  'flagged_events',
  {
    id: uuid('id').primaryKey(),
    // Short machine code, e.g. 'LAYBY_OVERPAID', 'LAYBY_ALREADY_CANCELLED'.
    kind: text('kind').notNull(),
    businessId: uuid('business_id').references(() => businesses.id),
    tillId: uuid('till_id').references(() => tills.id),
    mutationId: uuid('mutation_id'),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    message: text('message').notNull(),
    details: jsonb('details'),
    createdAt: createdAt(),
    resolvedAt: at('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolution: text('resolution'),

    ...syncColumns(),
  },
  (t) => [
    index('flagged_events_open_idx')
      .on(t.businessId, t.createdAt)
      .where(sql`${t.resolvedAt} is null`),
    index('flagged_events_business_seq_idx').on(t.businessId, t.serverSeq),
    index('flagged_events_entity_idx').on(t.entityType, t.entityId),
  ],
);

export type ProcessedMutationRow = typeof processedMutations.$inferSelect;
export type TillCursorRow = typeof tillCursors.$inferSelect;
export type NumberBlockRow = typeof numberBlocks.$inferSelect;
export type ConflictLogRow = typeof conflictLog.$inferSelect;
export type NewConflictLogRow = typeof conflictLog.$inferInsert;
export type FlaggedEventRow = typeof flaggedEvents.$inferSelect;
export type NewFlaggedEventRow = typeof flaggedEvents.$inferInsert;
