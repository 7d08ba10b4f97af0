import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/till/schema';
import { SYNCED_ENTITY_NAMES, type SyncedEntity } from '../../../shared/contract/sync/entities';

// The till table behind each synced entity, found by SQL name (the same in both databases).
export type TillSyncedTable = SQLiteTable & { id: SQLiteColumn; serverSeq: SQLiteColumn };

const byName = new Map<string, TillSyncedTable>();
for (const value of Object.values(schema)) {
  if (value && typeof value === 'object' && 'serverSeq' in value && 'id' in value) {
    const table = value as TillSyncedTable;
    byName.set(getTableName(table), table);
  }
}

export type TillEntity = {
  table: TillSyncedTable;
  /** Property name → column, for turning a pulled row into driver values. */
  columns: [string, SQLiteColumn][];
  /** One upsert by id over every column, prepared once per connection. */
  upsertSql: string;
};

export const tillSyncedTables = Object.fromEntries(
  SYNCED_ENTITY_NAMES.map((name) => {
    const table = byName.get(name);
    if (!table) throw new Error(`synced entity ${name} has no till table with serverSeq`);
    const columns = Object.entries(getTableColumns(table));
    const names = columns.map(([, column]) => `"${column.name}"`);
    const upsertSql =
      `insert into "${name}" (${names.join(', ')}) values (${names.map(() => '?').join(', ')}) ` +
      `on conflict ("id") do update set ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`;
    return [name, { table, columns, upsertSql }];
  }),
) as Record<SyncedEntity, TillEntity>;
