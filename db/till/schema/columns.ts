import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';
import { CURRENCIES } from '../../../shared/money/money';

// Column builders shared by the till tables, so both databases spell money, time and sync
// bookkeeping the same way (property names match db/central/schema).

// ISO-8601 UTC with milliseconds, e.g. 2025-10-02T08:15:30.123Z: sorts as text, parses as Date.
export const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const at = (name: string) => text(name);
export const createdAt = () => at('created_at').notNull().default(nowIso);
export const updatedAt = () =>
  at('updated_at')
    .notNull()
    .default(nowIso)
    .$onUpdate(() => new Date().toISOString());

export const cents = (name: string) => integer(name);
export const currency = () => text('currency', { enum: CURRENCIES }).notNull();
export const bool = (name: string) => integer(name, { mode: 'boolean' });
export const json = (name: string) => text(name, { mode: 'json' });

// serverSeq: the server's change sequence of the last version of this row the till has seen
// (null until the server has accepted it). originTillId: where the row was born.
export const syncColumns = () => ({
  serverSeq: integer('server_seq'),
  originTillId: text('origin_till_id'),
});

export const deletedAt = () => at('deleted_at');
