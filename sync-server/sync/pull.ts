import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CentralDb } from '../../db/central/connect';
import {
  SYNCED_ENTITIES,
  SYNCED_ENTITY_NAMES,
  type SyncedEntity,
} from '../../shared/contract/sync/entities';
import type { PullResponse } from '../../shared/contract/sync/protocol';
import type { TillPrincipal } from '../auth/principal';
import { centralSyncedTables } from './entity-tables';

// One page of changes after a till's cursor, across every synced table, in server-sequence
// order, built by PostgreSQL as the JSON the till receives.
//
// One statement, so one snapshot: first the page's cutoff, the `limit`-th smallest stamp after
// the cursor among the rows the till may see (a Merge Append over each table's server_seq
// index reads about `limit` index entries in all), then each table's rows with
// after < server_seq <= cutoff, so no table fetches rows the page then throws away. Stamps
// commit in the order they were drawn (lockChangeSequence), so a row committing late can
// never land below a cutoff a till has already passed.
//
// Each change is rendered as JSON text by PostgreSQL, exactly as drizzle's rows were once
// stringified here (first-sync-pull-wire.test.ts holds the two side by side), and the page is
// those texts joined: the server no longer parses rows into objects and stringifies them
// again. With the cutoff this took a 5,000-row page from ~220 ms to ~70 ms (first sync bench).

/** How a column reaches the wire, keyed by drizzle's column type; anything else is an error. */
function wireExpression(column: PgColumn): string {
  const name = `t."${column.name}"`;
  switch (column.columnType) {
    // Tills store ISO-8601 UTC with milliseconds (Date#toISOString).
    case 'PgTimestampString':
      if (!(column as PgColumn & { withTimezone?: boolean }).withTimezone) break;
      return `to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    // As drizzle reads them: text, numbers within 2^53, booleans, 'YYYY-MM-DD', arrays, JSON.
    case 'PgUUID':
    case 'PgText':
    case 'PgVarchar':
    case 'PgEnumColumn':
    case 'PgInteger':
    case 'PgBigInt53':
    case 'PgBoolean':
    case 'PgDateString':
    case 'PgJsonb':
      return name;
    case 'PgArray': {
      const base = (column as PgColumn & { baseColumn?: PgColumn }).baseColumn;
      if (base && base.columnType !== 'PgTimestampString') return name;
      break;
    }
  }
  throw new Error(
    `pull: no wire form for ${column.columnType} (${column.name}); add one in sync-server/sync/pull.ts`,
  );
}

type Scope = SQL;
type PagePart = {
  seqs: (after: number, limit: number, scope: Scope) => SQL;
  rows: (after: number, scope: Scope, shape: PullShape) => SQL;
};

/** How a page carries its rows: one object per change, or arrays under column names. */
export type PullShape = 'changes' | 'columns';

// json_build_array takes at most 100 arguments: the table's position, the stamp, the values.
const MAX_COLUMNS = 98;

function pagePart(entity: SyncedEntity, position: number): PagePart & { columns: string[] } {
  const table = centralSyncedTables[entity];
  const from = sql.raw(`"${getTableName(table)}" t`);
  const columns = Object.entries(getTableColumns(table));
  if (columns.length > MAX_COLUMNS)
    throw new Error(`pull: ${entity} has more than ${MAX_COLUMNS} columns for one JSON array`);
  const fields = columns.map(([key, column]) => `${wireExpression(column)} as "${key}"`).join(', ');
  const change = {
    changes: sql.raw(
      `'{"entity":"${entity}","seq":' || t.server_seq || ',"row":' || ` +
        `(select row_to_json(r) from (select ${fields}) r)::text || '}'`,
    ),
    // The same values through the same JSON conversion, without the keys.
    columns: sql.raw(
      `json_build_array(${position}, t.server_seq, ${columns.map(([, c]) => wireExpression(c)).join(', ')})::text`,
    ),
  };
  return {
    columns: columns.map(([key]) => key),
    seqs: (after, limit, scope) =>
      sql`(select t.server_seq as s from ${from} where t.server_seq > ${after}${scope} order by t.server_seq limit ${limit})`,
    rows: (after, scope, shape) =>
      sql`(select t.server_seq as s, ${change[shape]} as j from ${from} where t.server_seq > ${after} and t.server_seq <= (select cutoff from cut)${scope})`,
  };
}

const parts = SYNCED_ENTITY_NAMES.map((entity, position) => ({
  part: pagePart(entity, position),
  scope: SYNCED_ENTITIES[entity],
  scoped: Boolean(centralSyncedTables[entity].businessId),
}));

/** The `tables` of a columns-shaped page: every synced table, by the position rows name. */
const TABLES_JSON = JSON.stringify(
  SYNCED_ENTITY_NAMES.map((entity, i) => ({ entity, columns: parts[i]!.part.columns })),
);

/** A table's branches: division-or-group tables read their two index ranges separately. */
function scopesOf(part: (typeof parts)[number], businessId: string): Scope[] {
  if (part.scope === 'all' || !part.scoped) return [sql``];
  const own = sql` and t.business_id = ${businessId}`;
  return part.scope === 'division' ? [own] : [own, sql` and t.business_id is null`];
}

function pageStatement(till: TillPrincipal, after: number, limit: number, shape: PullShape): SQL {
  const branches = parts.flatMap((part) =>
    scopesOf(part, till.businessId).map((scope) => ({ part: part.part, scope })),
  );
  const seqs = sql.join(
    branches.map(({ part, scope }) => part.seqs(after, limit, scope)),
    sql` union all `,
  );
  const rows = sql.join(
    branches.map(({ part, scope }) => part.rows(after, scope, shape)),
    sql` union all `,
  );
  // The header row (s null) carries the cutoff, the count and the high-water mark; the change
  // rows follow, ordered by the caller (no sort of wide rows inside PostgreSQL).
  return sql`with cut as (
      select coalesce(max(s), ${after}) as cutoff, count(*) as n
      from (${seqs} order by s limit ${limit}) seqs
    )
    select null::bigint as s, null::text as j, cutoff, n,
      (select last_value from server_change_seq) as high_water
    from cut
    union all
    select s, j, null, null, null from (${rows}) page`;
}

type PageRow = {
  s: string | number | null;
  j: string | null;
  cutoff: string | number | null;
  n: string | number | null;
  high_water: string | number | null;
};

export type PullPageJson = { body: string; changes: number; cursor: number; hasMore: boolean };

/** The page as the JSON text of a PullResponse, ready to send. */
export async function pullPageJson(
  db: CentralDb,
  till: TillPrincipal,
  after: number,
  limit: number,
  shape: PullShape = 'changes',
): Promise<PullPageJson> {
  const result: unknown = await db.execute(pageStatement(till, after, limit, shape));
  const rows = (result as { rows?: PageRow[] }).rows ?? [];
  let header: PageRow | undefined;
  const changes: { seq: number; json: string }[] = [];
  for (const row of rows) {
    if (row.s === null) header = row;
    else changes.push({ seq: Number(row.s), json: row.j ?? 'null' });
  }
  if (!header) throw new Error('pull: the page query returned no header row');
  changes.sort((a, b) => a.seq - b.seq);
  const cursor = Number(header.cutoff);
  const hasMore = changes.length === limit;
  // The newest stamp drawn: what a fully caught-up till's cursor would be (for progress).
  const highWater = Math.max(Number(header.high_water), cursor);
  const joined = changes.map((c) => c.json).join(',');
  const content =
    shape === 'columns'
      ? `"changes":[],"tables":${TABLES_JSON},"rows":[${joined}]`
      : `"changes":[${joined}]`;
  const body = `{${content},"cursor":${cursor},"hasMore":${hasMore},"highWater":${highWater}}`;
  return { body, changes: changes.length, cursor, hasMore };
}

/**
 * Computes the page a till will ask for next while it receives and writes the one before: a
 * till catching up asks from the cursor it was just given, so the server need not wait for
 * the question. A page held ahead is exactly what the same query would have answered when it
 * was computed (one snapshot, and its cutoff below any stamp not yet committed), so serving it
 * a moment later is the same as the till having asked a moment earlier. Only full pages lead
 * to a page ahead (a till that is caught up asks rarely); it is dropped when the till asks for
 * anything else, after AHEAD_TTL_MS, and no more than MAX_AHEAD tills are held at once.
 */
export type PageAhead = {
  page(
    db: CentralDb,
    till: TillPrincipal,
    after: number,
    limit: number,
    shape?: PullShape,
  ): Promise<PullPageJson>;
};

const AHEAD_TTL_MS = 10_000;
const MAX_AHEAD = 8;

type Held = {
  businessId: string;
  after: number;
  limit: number;
  shape: PullShape;
  at: number;
  page: Promise<PullPageJson | null>;
};

export function createPageAhead(clock: () => number = () => performance.now()): PageAhead {
  const held = new Map<string, Held>();
  const take = (till: TillPrincipal, after: number, limit: number, shape: PullShape) => {
    const entry = held.get(till.tillId);
    held.delete(till.tillId);
    const fits =
      entry &&
      entry.businessId === till.businessId &&
      entry.after === after &&
      entry.limit === limit &&
      entry.shape === shape &&
      clock() - entry.at <= AHEAD_TTL_MS;
    return fits ? entry.page : null;
  };
  return {
    async page(db, till, after, limit, shape = 'changes') {
      const page =
        (await take(till, after, limit, shape)) ??
        (await pullPageJson(db, till, after, limit, shape));
      const now = clock();
      for (const [tillId, entry] of held) if (now - entry.at > AHEAD_TTL_MS) held.delete(tillId);
      if (page.hasMore && held.size < MAX_AHEAD) {
        held.set(till.tillId, {
          businessId: till.businessId,
          after: page.cursor,
          limit,
          shape,
          at: now,
          // A failure here answers no one: the till's own request computes the page again.
          page: pullPageJson(db, till, page.cursor, limit, shape).catch(() => null),
        });
      }
      return page;
    },
  };
}

/** The same page, parsed (tests and in-process callers). */
export async function pullPage(
  db: CentralDb,
  till: TillPrincipal,
  after: number,
  limit: number,
): Promise<PullResponse> {
  return JSON.parse((await pullPageJson(db, till, after, limit)).body) as PullResponse;
}
