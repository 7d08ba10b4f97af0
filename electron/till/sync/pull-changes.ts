import type Database from 'better-sqlite3';
import { eq, isNull, notInArray } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { TillDb } from '../../../db/till/connect';
import { outbox, syncState } from '../../../db/till/schema';
import {
  isSyncedEntity,
  PURGEABLE_ENTITIES,
  type SyncedEntity,
} from '../../../shared/contract/sync/entities';
import { AppError } from '../../../shared/contract/result';
import { mutationTargets } from '../../../shared/contract/sync/mutation-targets';
import { isMutationName } from '../../../shared/contract/sync/mutations';
import type { PullResponse } from '../../../shared/contract/sync/protocol';
import type { TillTx } from '../db-types';
import { foldingDuplicateAccounts } from './duplicate-accounts';
import { tillSyncedTables } from './entity-tables';
import type { ServerClient } from './server-client';
import {
  beginSnapshot,
  finishSnapshot,
  readSnapshot,
  restoreInterruptedSnapshot,
  shouldSnapshot,
  spaceCheckpoints,
  writeWithoutWaitingForDisk,
  type SnapshotState,
} from './snapshot';

const CURSOR_KEY = 'pull.cursor';
const PAGE_SIZE = 5_000;

export type PullProgress = {
  /** Rows written by this pull so far. */
  applied: number;
  /** Estimated rows this pull writes in all: applied, plus what is left at the rate so far. */
  expected: number;
  cursor: number;
  /** The server's newest change (a first sync: the snapshot's fixed high-water mark). */
  highWater: number;
  /** 0–100 by position between where the pull (or first sync, across restarts) began and highWater. */
  percent: number;
  /** At the rate of this pull so far; null until it has a rate. */
  etaSeconds: number | null;
  /** A first sync (snapshot) is running: names are searchable once it is in. */
  firstSync: boolean;
  /** 'indexing' while a finished snapshot builds its indexes; 'done' once caught up. */
  phase: 'pulling' | 'indexing' | 'done';
};

export function readCursor(db: Pick<TillTx, 'select'>): number {
  const row = db.select().from(syncState).where(eq(syncState.key, CURSOR_KEY)).get();
  return typeof row?.value === 'number' ? row.value : 0;
}

/**
 * Pulls pages of changes after the cursor until caught up. Each page and the new cursor are
 * stored in ONE transaction, so a till killed mid-way resumes at the last whole page.
 *
 * A pull far behind (a new till's first sync) runs as a snapshot (./snapshot.ts): the name
 * index and lookup indexes are set aside while its pages are written and rebuilt once it
 * reaches the high-water mark seen when it began; a till killed mid-way continues the same
 * snapshot. A pull that fails mid-snapshot puts them back before it gives up, so a till left
 * offline still finds its customers.
 *
 * A till away longer than the tombstone window is told to start again (RESYNC_REQUIRED): it
 * clears the tables whose tombstones head office purges and pulls everything from cursor 0,
 * which overwrites every other row with head office's. Its outbox is untouched (the round
 * pushed it just before) and rows it still has to push are kept, as on every pull.
 */
export async function pullChanges(
  db: TillDb,
  client: ServerClient,
  onProgress: (progress: PullProgress) => void = () => undefined,
  clock: () => Date = () => new Date(),
): Promise<number> {
  const sqlite = db.$client;
  let startCursor = readCursor(db);
  let recorded = readSnapshot(sqlite);
  // A snapshot whose pages are in but whose indexes are not all back (a till killed while
  // finishing, or a unique index waiting on a duplicate): finish it before pulling on.
  if (recorded?.finishing) {
    finishSnapshot(sqlite);
    recorded = readSnapshot(sqlite);
  }
  let snapshot = recorded?.finishing ? null : recorded;
  let restoreCheckpoints = () => undefined as void;
  try {
    let page = await client.pullColumns(startCursor, PAGE_SIZE).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === 'RESYNC_REQUIRED')) throw error;
      startOver(db);
      startCursor = 0;
      return client.pullColumns(0, PAGE_SIZE);
    });
    const meter = progressMeter(startCursor, onProgress);
    if (!recorded && shouldSnapshot(sqlite, startCursor, page.highWater)) {
      snapshot = beginSnapshot(sqlite, {
        highWater: page.highWater,
        fromCursor: startCursor,
        now: clock(),
      });
    }
    if (snapshot) restoreCheckpoints = spaceCheckpoints(sqlite);
    for (;;) {
      const endsSnapshot =
        snapshot !== null && (page.cursor >= snapshot.highWater || !page.hasMore);
      // Ask for the next page while this one is written: server and till work side by side.
      // Not across the end of a snapshot: its index build holds the event loop for seconds,
      // longer than a request may wait.
      let next = page.hasMore && !endsSnapshot ? client.pullColumns(page.cursor, PAGE_SIZE) : null;
      next?.catch(() => undefined); // its failure is seen when awaited below
      if (snapshot) writeWithoutWaitingForDisk(sqlite, () => applyPage(db, page));
      else applyPage(db, page);
      meter.applied += pageRows(page);
      if (endsSnapshot) {
        meter.report(page, snapshot, 'indexing');
        await yieldToEventLoop(); // a status call waiting now sees 'indexing'
        finishSnapshot(sqlite);
        restoreCheckpoints();
        snapshot = null;
        if (page.hasMore) next = client.pullColumns(page.cursor, PAGE_SIZE);
      }
      meter.report(page, snapshot, next ? 'pulling' : 'done');
      if (!next) return meter.applied;
      page = await next;
    }
  } catch (error) {
    if (snapshot) restoreInterruptedSnapshot(sqlite);
    throw error;
  } finally {
    restoreCheckpoints();
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function progressMeter(startCursor: number, onProgress: (progress: PullProgress) => void) {
  const started = performance.now();
  const meter = {
    applied: 0,
    report(page: PullResponse, snapshot: SnapshotState | null, phase: PullProgress['phase']) {
      // A snapshot measures from where it began (0 for a new till, across restarts).
      const from = snapshot ? snapshot.fromCursor : startCursor;
      const highWater = Math.max(snapshot ? snapshot.highWater : page.highWater, from);
      const cursor = Math.min(page.cursor, highWater);
      const left = highWater - cursor;
      // Rows per stamp so far: stamps of other divisions' rows are gaps this till never sees.
      const covered = cursor - startCursor;
      const density = covered > 0 ? meter.applied / covered : 1;
      const seconds = (performance.now() - started) / 1000;
      const done = phase === 'done' || (left === 0 && phase !== 'indexing');
      let etaSeconds: number | null = null;
      if (done) etaSeconds = 0;
      else if (phase === 'pulling' && covered > 0 && seconds > 0)
        etaSeconds = Math.ceil((left * seconds) / covered);
      onProgress({
        applied: meter.applied,
        expected: meter.applied + Math.round(left * density),
        cursor: page.cursor,
        highWater,
        percent: done
          ? 100
          : Math.min(
              99.9,
              Math.floor((1000 * (cursor - from)) / Math.max(1, highWater - from)) / 10,
            ),
        etaSeconds,
        firstSync: snapshot !== null,
        phase,
      });
    },
  };
  return meter;
}

/**
 * Writes one page and its cursor in ONE transaction. Rows go through one prepared upsert per
 * table rather than drizzle's query builder (building SQL per row cost ten times the write),
 * with each row's values laid out by a converter made once per table.
 */
export function applyPage(db: TillDb, page: PullResponse): void {
  applyPages(db, [page]);
}

/** The rows a page carries, in either shape. */
export const pageRows = (page: PullResponse): number =>
  page.changes.length + (page.rows?.length ?? 0);

/** Writes consecutive pages and the last one's cursor in ONE transaction. */
export function applyPages(db: TillDb, pages: readonly PullResponse[]): void {
  const last = pages.at(-1);
  if (!last) return;
  const sqlite = db.$client;
  const writers = new Map<SyncedEntity, TableWriter>();
  const writerFor = (entity: SyncedEntity) => {
    let writer = writers.get(entity);
    if (!writer) {
      writer = tableWriter(sqlite, entity);
      writers.set(entity, writer);
    }
    return writer;
  };
  sqlite.transaction(() => {
    const protectedRows = locallyPendingRows(db);
    // Never lay server state over a change this till made and has not pushed yet; the server
    // re-stamps the row when it applies (or rejects) that mutation, so it comes back later.
    const isProtected = (entity: string, id: unknown) =>
      protectedRows.size > 0 && protectedRows.has(`${entity}:${String(id)}`);
    for (const page of pages) {
      for (const change of page.changes) {
        if (!isSyncedEntity(change.entity)) continue; // a newer server's table this till does not keep
        if (isProtected(change.entity, change.row.id)) continue;
        writerFor(change.entity).object(change.row);
      }
      if (!page.rows || !page.tables) continue;
      const tables = page.tables.map(({ entity, columns }) => {
        if (!isSyncedEntity(entity)) return null;
        return { entity, idAt: columns.indexOf('id'), write: writerFor(entity).array(columns) };
      });
      for (const row of page.rows) {
        const table = tables[row[0] as number];
        if (!table) continue;
        if (isProtected(table.entity, row[table.idAt + 2])) continue;
        table.write(row);
      }
    }
    db.insert(syncState)
      .values({ key: CURSOR_KEY, value: last.cursor })
      .onConflictDoUpdate({ target: syncState.key, set: { value: last.cursor } })
      .run();
  })();
}

type RowWriter = (row: Record<string, unknown>) => void;

type TableWriter = {
  /** Writes a change's row object. */
  object: RowWriter;
  /** A writer of [table position, seq, ...values] rows under these column names. */
  array(columns: readonly string[]): (row: readonly unknown[]) => void;
};

// How a pulled value becomes a driver value, per column kind (drizzle's mapToDriverValue,
// without a call per column per row for the kinds that pass values through).
const AS_IS = 0;
const BOOLEAN = 1;
const JSON_TEXT = 2;
const MAPPED = 3;

function kindOf(column: SQLiteColumn): number {
  switch (column.columnType) {
    case 'SQLiteText':
    case 'SQLiteInteger':
      return AS_IS;
    case 'SQLiteBoolean':
      return BOOLEAN;
    case 'SQLiteTextJson':
      return JSON_TEXT;
    default:
      return MAPPED;
  }
}

function tableWriter(sqlite: Database.Database, entity: SyncedEntity): TableWriter {
  const table = tillSyncedTables[entity];
  const statement = sqlite.prepare(table.upsertSql);
  const keys = table.columns.map(([key]) => key);
  const columns = table.columns.map(([, column]) => column);
  const kinds = columns.map(kindOf);
  const count = keys.length;
  const driverValue = (i: number, value: unknown): unknown => {
    if (value === undefined || value === null) return null;
    const kind = kinds[i];
    if (kind === AS_IS) return value;
    if (kind === BOOLEAN) return value ? 1 : 0;
    if (kind === JSON_TEXT) return JSON.stringify(value);
    return columns[i]!.mapToDriverValue(value);
  };
  let object: RowWriter = (row) => {
    const values: unknown[] = new Array(count);
    for (let i = 0; i < count; i += 1) values[i] = driverValue(i, row[keys[i]!]);
    statement.run(values);
  };
  // Its own account for a customer and division may meet the one head office kept.
  const folded = entity === 'customer_division_accounts';
  if (folded) object = foldingDuplicateAccounts(sqlite, object);
  return {
    object,
    array(names) {
      if (folded) {
        return (row) => object(Object.fromEntries(names.map((name, i) => [name, row[i + 2]])));
      }
      // Where each of this till's columns sits in the row (-1: the server has no such column).
      const at = keys.map((key) => {
        const i = names.indexOf(key);
        return i < 0 ? -1 : i + 2;
      });
      return (row) => {
        const values: unknown[] = new Array(count);
        for (let i = 0; i < count; i += 1) {
          const j = at[i]!;
          values[i] = j < 0 ? null : driverValue(i, row[j]);
        }
        statement.run(values);
      };
    },
  };
}

/** Clears the purgeable tables (but rows waiting to be pushed) and the cursor, in one go. */
export function startOver(db: TillDb): void {
  db.transaction((tx) => {
    const pending = locallyPendingRows(tx);
    for (const entity of PURGEABLE_ENTITIES) {
      const table = tillSyncedTables[entity].table;
      const keep = [...pending].filter((ref) => ref.startsWith(`${entity}:`));
      const ids = keep.map((ref) => ref.slice(entity.length + 1));
      tx.delete(table)
        .where(ids.length > 0 ? notInArray(table.id, ids) : undefined)
        .run();
    }
    tx.insert(syncState)
      .values({ key: CURSOR_KEY, value: 0 })
      .onConflictDoUpdate({ target: syncState.key, set: { value: 0 } })
      .run();
  });
}

function locallyPendingRows(tx: Pick<TillTx, 'select'>): Set<string> {
  const refs = new Set<string>();
  for (const mutation of tx.select().from(outbox).where(isNull(outbox.ackedAt)).all()) {
    if (!isMutationName(mutation.name)) continue;
    const targets = mutationTargets[mutation.name] as (
      payload: unknown,
    ) => { entity: string; id: string }[];
    for (const ref of targets(mutation.payload)) refs.add(`${ref.entity}:${ref.id}`);
  }
  return refs;
}
