import { sql } from 'drizzle-orm';
import { bigint, check, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { CURRENCIES } from '../../../shared/money/money';
import { tills } from './org';

// Column builders shared by the central tables, so every table spells money, time and the
// sync bookkeeping the same way. Timestamps are timestamptz read as strings: a JS Date would
// lose the microseconds PostgreSQL keeps and invite local-time mistakes.

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
export const createdAt = () => at('created_at').notNull().defaultNow();
export const updatedAt = () =>
  at('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => sql`now()`);

// Money is integer minor units. bigint because a division's lifetime totals in ZWG can pass
// 2^31 cents; mode 'number' is exact up to 2^53 and shared/money caps amounts at 2^51.
export const cents = (name: string) => bigint(name, { mode: 'number' });

// One currency per row: every *_cents column of the row is in it.
export const currency = () => text('currency', { enum: CURRENCIES }).notNull();

const currencyList = sql.raw(CURRENCIES.map((c) => `'${c}'`).join(', '));
export const currencyCheck = (table: string, column: AnyPgColumn) =>
  check(`${table}_${column.name}_check`, sql`${column} in (${currencyList})`);

// Sync bookkeeping on every row a till can see. serverSeq is the server's change sequence
// (server_change_seq) stamped when the change commits; null only between insert and stamp.
// originTillId is the till where the row was born (null for head office).
export const syncColumns = () => ({
  serverSeq: bigint('server_seq', { mode: 'number' }),
  originTillId: uuid('origin_till_id').references(() => tills.id),
});

// Tombstone: deleted rows stay so offline tills learn of the delete through the pull.
export const deletedAt = () => at('deleted_at');
