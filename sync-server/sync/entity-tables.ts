import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/central/schema';
import { SYNCED_ENTITY_NAMES, type SyncedEntity } from '../../shared/contract/sync/entities';

// The central table behind each synced entity, found by SQL name so the list in
// shared/contract/sync/entities.ts stays the single source.
type SyncedTable = PgTable & {
  serverSeq: PgColumn;
  id: PgColumn;
  businessId?: PgColumn;
};

const byName = new Map<string, SyncedTable>();
for (const value of Object.values(schema)) {
  if (value && typeof value === 'object' && 'serverSeq' in value && 'id' in value) {
    const table = value as SyncedTable;
    byName.set(getTableName(table), table);
  }
}

export const centralSyncedTables: Record<SyncedEntity, SyncedTable> = Object.fromEntries(
  SYNCED_ENTITY_NAMES.map((name) => {
    const table = byName.get(name);
    if (!table) throw new Error(`synced entity ${name} has no central table with serverSeq`);
    return [name, table];
  }),
) as Record<SyncedEntity, SyncedTable>;

/** Columns that PostgreSQL returns as timestamp text; tills store ISO-8601 UTC. */
export function timestampKeys(table: PgTable): string[] {
  return Object.entries(getTableColumns(table))
    .filter(([, column]) => column.columnType === 'PgTimestampString')
    .map(([key]) => key);
}
