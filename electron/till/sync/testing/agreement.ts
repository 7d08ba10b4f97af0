import { and, eq, getTableColumns, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../../../db/central/connect';
import { canonicalJson } from '../../../../shared/contract/sync/canonical-json';
import { SYNCED_ENTITIES, type SyncedEntity } from '../../../../shared/contract/sync/entities';
import { centralSyncedTables, timestampKeys } from '../../../../sync-server/sync/entity-tables';
import { tillSyncedTables } from '../entity-tables';
import { inTill, type Till } from './sync-harness';

// Tests only: does a till hold exactly what head office holds? For a synced table, every row
// the till may see (all of them for group-wide tables, its division's for the others) must be
// on the till with every column the till keeps equal to head office's value, and the till
// must hold no row head office does not have.

type Row = Record<string, unknown>;

/** The value as the till would store it after a pull, in a form that compares with ===. */
function comparable(value: unknown, timestamp: boolean): string {
  if (value === undefined || value === null) return 'null';
  if (timestamp && typeof value === 'string') return new Date(value).toISOString();
  if (value instanceof Date) return value.toISOString();
  return canonicalJson(value);
}

export type Scope = { businessId: string } | 'all';

export async function serverRows(
  db: CentralDb,
  entity: SyncedEntity,
  scope: Scope,
  where?: (table: (typeof centralSyncedTables)[SyncedEntity]) => SQL | undefined,
): Promise<Row[]> {
  const table = centralSyncedTables[entity];
  const inScope =
    scope === 'all' || SYNCED_ENTITIES[entity] === 'all' || !table.businessId
      ? undefined
      : SYNCED_ENTITIES[entity] === 'division-or-group'
        ? or(eq(table.businessId, scope.businessId), isNull(table.businessId))
        : eq(table.businessId, scope.businessId);
  const rows: Row[] = await db
    .select()
    .from(table)
    .where(and(inScope, where?.(table)));
  return rows;
}

export function tillRows(till: Till, entity: SyncedEntity): Row[] {
  const { table } = tillSyncedTables[entity];
  return inTill(till, (db) => db.select().from(table).all() as Row[]);
}

/**
 * Differences between head office and one till for a synced table, as readable lines (empty
 * when they agree). `ignore` names columns that are legitimately local (none, so far).
 */
export async function disagreements(
  db: CentralDb,
  till: Till,
  entity: SyncedEntity,
  scope: Scope,
  options: { ignore?: string[]; ids?: string[] } = {},
): Promise<string[]> {
  const central = centralSyncedTables[entity];
  const timestamps = new Set(timestampKeys(central));
  const keys = Object.keys(getTableColumns(tillSyncedTables[entity].table)).filter(
    (key) => !(options.ignore ?? []).includes(key),
  );
  const ids = options.ids;
  const atServer = await serverRows(db, entity, scope, (t) =>
    ids
      ? inArray(t.id, ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000'])
      : undefined,
  );
  const scopeOf = (row: Row) =>
    scope === 'all' || SYNCED_ENTITIES[entity] === 'all' || !('businessId' in row)
      ? true
      : SYNCED_ENTITIES[entity] === 'division-or-group'
        ? row.businessId === scope.businessId || row.businessId === null
        : row.businessId === scope.businessId;
  const onTill = tillRows(till, entity).filter(
    (row) => scopeOf(row) && (!ids || ids.includes(String(row.id))),
  );
  const tillById = new Map(onTill.map((row) => [String(row.id), row]));
  const problems: string[] = [];
  for (const row of atServer) {
    const id = String(row.id);
    const local = tillById.get(id);
    tillById.delete(id);
    if (!local) {
      problems.push(`${entity} ${id}: at head office, missing on the till`);
      continue;
    }
    for (const key of keys) {
      const there = comparable(row[key], timestamps.has(key));
      const here = comparable(local[key], timestamps.has(key));
      if (there !== here)
        problems.push(`${entity} ${id}.${key}: head office ${there}, till ${here}`);
    }
  }
  for (const id of tillById.keys()) problems.push(`${entity} ${id}: on the till only`);
  return problems;
}
