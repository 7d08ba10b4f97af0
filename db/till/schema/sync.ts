import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { NUMBER_SERIES, PRINT_JOB_STATUSES } from '../../../shared/domain/enums';
import { at, bool, createdAt, json, nowIso, syncColumns, updatedAt } from './columns';

// Mutations waiting to be pushed, written in the same transaction as the change they describe.
// seq is gap-free per till (max + 1 inside that transaction) so the server can tell a missing
// mutation from a late one. Rows are marked ackedAt rather than deleted: deleting the newest
// row would let max + 1 hand its seq out a second time.
export const outbox = sqliteTable(
  'outbox',
  {
    // The mutation id (UUIDv7): the server's idempotency key.
    id: text('id').primaryKey(),
    seq: integer('seq').notNull().unique(),
    name: text('name').notNull(),
    payload: json('payload').notNull(),
    createdAt: createdAt(),
    // Hybrid logical clock stamp (shared/domain/sync/hlc): orders this till's profile edits
    // against other tills' in head office's time. Null on rows written before it existed.
    hlc: text('hlc'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    ackedAt: at('acked_at'),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.seq)
      .where(sql`${t.ackedAt} is null`),
  ],
);

// Small key/value store for sync progress: pull cursor, snapshot position, last hello, clock
// offset to the server.
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: json('value').notNull(),
  updatedAt: updatedAt(),
});

// Blocks of human numbers leased to this till. nextValue is the next number to hand out;
// the block is used up when nextValue > rangeEnd.
export const numberBlocks = sqliteTable(
  'number_blocks',
  {
    id: text('id').primaryKey(),
    series: text('series', { enum: NUMBER_SERIES }).notNull(),
    businessId: text('business_id'),
    rangeStart: integer('range_start').notNull(),
    rangeEnd: integer('range_end').notNull(),
    nextValue: integer('next_value').notNull(),
    leasedAt: at('leased_at').notNull().default(nowIso),
  },
  (t) => [
    index('number_blocks_series_idx').on(t.series, t.businessId, t.rangeStart),
    check(
      'number_blocks_next_value_check',
      sql`${t.rangeEnd} >= ${t.rangeStart} and ${t.nextValue} between ${t.rangeStart} and ${t.rangeEnd} + 1`,
    ),
  ],
);

// Slips waiting for the printer. A payment commits first; its receipt is queued here in the
// same transaction, so a jammed printer never loses or undoes one.
export const printQueue = sqliteTable(
  'print_queue',
  {
    id: text('id').primaryKey(),
    // What to print: 'LAYBY_RECEIPT', 'PAYMENT_RECEIPT', 'SALE_RECEIPT', …
    kind: text('kind').notNull(),
    payload: json('payload').notNull(),
    status: text('status', { enum: PRINT_JOB_STATUSES }).notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    printedAt: at('printed_at'),
    dismissedReason: text('dismissed_reason'),
    // Copied out of the payload so the queue and a customer's or layby's history can be
    // listed without parsing JSON.
    receiptNumber: text('receipt_number'),
    customerId: text('customer_id'),
    customerNumber: text('customer_number'),
    reference: text('reference'),
    // A reprint points at the job it copies; its payload carries the REPRINT mark.
    copyOf: text('copy_of'),
    // 'main' or 'fallback': a cashier may send a slip to the second printer.
    printer: text('printer', { enum: ['main', 'fallback'] })
      .notNull()
      .default('main'),
    createdBy: text('created_by'),
    lastAttemptAt: at('last_attempt_at'),
    // When the worker tries again by itself; null once it has given up (cashier retries).
    nextAttemptAt: at('next_attempt_at'),
    // Bytes reached the printer but it never confirmed the slip: the next print says it is
    // sent again, so a customer holding a torn half knows which slip counts.
    sentUnconfirmed: bool('sent_unconfirmed').notNull().default(false),
    dismissedBy: text('dismissed_by'),
    dismissedAt: at('dismissed_at'),
  },
  (t) => [
    index('print_queue_status_idx').on(t.status, t.createdAt),
    index('print_queue_customer_idx').on(t.customerId, t.createdAt),
    index('print_queue_customer_number_idx').on(t.customerNumber, t.createdAt),
    index('print_queue_reference_idx').on(t.reference, t.createdAt),
  ],
);

// Supervisor flags raised by the server about facts taken at this division's tills, pulled so
// a supervisor sees them at the till.
export const flaggedEvents = sqliteTable(
  'flagged_events',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    businessId: text('business_id'),
    tillId: text('till_id'),
    mutationId: text('mutation_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    message: text('message').notNull(),
    details: json('details'),
    createdAt: createdAt(),
    resolvedAt: at('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),

    ...syncColumns(),
  },
  (t) => [
    index('flagged_events_open_idx')
      .on(t.createdAt)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;
export type SyncStateRow = typeof syncState.$inferSelect;
export type NumberBlockRow = typeof numberBlocks.$inferSelect;
export type NewNumberBlockRow = typeof numberBlocks.$inferInsert;
export type PrintJobRow = typeof printQueue.$inferSelect;
export type NewPrintJobRow = typeof printQueue.$inferInsert;
export type FlaggedEventRow = typeof flaggedEvents.$inferSelect;
