import type Database from 'better-sqlite3';

// A first sync writes a million customers into an empty till. Kept row by row, the customer
// name index (the FTS5 table customer_search, filled by triggers, migration 0002) and the
// b-trees on phone numbers, birth dates, e-mail addresses and national ids cost several times
// the write itself (those keys arrive in no order, so every page rewrote thousands of index
// pages); built once from the finished table they cost seconds. So while a till pulls its
// first snapshot (from cursor 0 to the high-water mark seen when it starts) they are set aside,
// and put back when the snapshot is in:
//
// - beginSnapshot drops them and records, in the same transaction, the SQL that made each one
//   (read back from sqlite_master, so the migrations stay the one place it is written) in
//   sync_state under SNAPSHOT_KEY: "snapshot in progress".
// - finishSnapshot puts them back: the lookup indexes, then the name index refilled from
//   universal_customers together with its triggers, then the unique indexes; the record goes
//   when all are back. It runs when the snapshot reaches its high-water mark, when a pull fails
//   half-way (a till left offline must still find what it holds), and when a sync round fails
//   before pulling with a snapshot left by a till killed mid-way.
// - A till killed mid-snapshot keeps the record; its next pull continues the snapshot from its
//   cursor (each page is committed with its cursor as always) and finishes it. A till killed
//   while finishing finishes at its next pull.
//
// The primary keys and customer numbers keep their indexes: they arrive in order (cheap to
// keep) and a scanned card must still find its customer during a first sync. While the
// other unique indexes are away the till still refuses a duplicate e-mail or national id when
// a cashier registers a customer (conflicts.ts checks first), and pages arrive in stamp order,
// which keeps the server's uniqueness. Should a unique index still not build — a customer
// registered here during the snapshot holding what a pulled one holds — the rest is back
// regardless and the index is tried again at every pull (uniqueConflict says which).
//
// What the cashier sees during a first sync: the status bar shows its progress; customer
// numbers are found as before; a phone number is found by a scan of the rows loaded so far
// (slower, still well under a second); names are found once the snapshot is in.

export const SNAPSHOT_KEY = 'pull.snapshot';

/** Indexes kept during a snapshot: rows arrive in their order, and card lookups need them. */
const KEPT_INDEXES = ['universal_customers_customer_number_key'];
/** The customer_search triggers of migration 0002 (they only keep the name index). */
const SEARCH_TRIGGER_PREFIX = 'customer_search_';

/**
 * What the customer_search triggers index, for every row at once: the same rows (live, not
 * merged) and the same text. first-sync-snapshot.test.ts proves the index built this way
 * equals the one the triggers build.
 */
export const CUSTOMER_SEARCH_FILL = `INSERT INTO customer_search (rowid, name)
  SELECT rowid, full_name || coalesce(' ' || company_name, '')
  FROM universal_customers
  WHERE deleted_at IS NULL AND merged_into_id IS NULL`;

/** A pull that starts this far behind writes its rows plainly and indexes them at the end. */
export const SNAPSHOT_MIN_CHANGES = 20_000;

/**
 * How a snapshot's pages reach the disk. Each page still commits atomically with its cursor,
 * but without waiting for the disk (WAL with synchronous = NORMAL): a power cut may take back
 * the last pages written, and with them their cursor, so the till pulls them again; it can
 * never leave a page without its cursor or a cursor without its page. A cashier's commit
 * (synchronous = FULL, connect.ts) syncs the log, and so every page before it, as always.
 * Checkpoints come every SNAPSHOT_CHECKPOINT_PAGES (64 MB) rather than after every page.
 * A million customers' pages had spent ~25 s waiting for two fsyncs each.
 */
export const SNAPSHOT_CHECKPOINT_PAGES = 16_384;

type SchemaObject = { type: 'index' | 'trigger'; name: string; sql: string };

export type SnapshotState = {
  /** The high-water mark when the snapshot began: it ends once the cursor reaches it. */
  highWater: number;
  /** The cursor it began from (0 for a new till), for progress across restarts. */
  fromCursor: number;
  startedAt: string;
  /** What is still set aside, with the SQL that makes it again. */
  dropped: SchemaObject[];
  /** Set once its pages are in: what is left is putting things back. */
  finishing?: boolean;
  /** Why a unique index could not be built yet (a duplicate), if so. */
  uniqueConflict?: string;
};

export function readSnapshot(sqlite: Database.Database): SnapshotState | null {
  const row = sqlite.prepare('select value from sync_state where key = ?').get(SNAPSHOT_KEY) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as SnapshotState) : null;
}

function writeSnapshot(sqlite: Database.Database, state: SnapshotState | null): void {
  if (!state) {
    sqlite.prepare('delete from sync_state where key = ?').run(SNAPSHOT_KEY);
    return;
  }
  sqlite
    .prepare(
      `insert into sync_state (key, value) values (?, ?)
       on conflict (key) do update set value = excluded.value`,
    )
    .run(SNAPSHOT_KEY, JSON.stringify(state));
}

/**
 * Whether a pull this far behind should run as a snapshot: it starts at least
 * SNAPSHOT_MIN_CHANGES behind and has more to write than the till already holds (rebuilding
 * the indexes costs in proportion to the whole table, keeping them in proportion to the rows
 * written).
 */
export function shouldSnapshot(
  sqlite: Database.Database,
  cursor: number,
  highWater: number,
): boolean {
  const behind = highWater - cursor;
  if (behind < SNAPSHOT_MIN_CHANGES) return false;
  const { n } = sqlite.prepare('select count(*) as n from universal_customers').get() as {
    n: number;
  };
  return behind > n;
}

/** Sets the triggers and indexes aside and records the snapshot, in one transaction. */
export function beginSnapshot(
  sqlite: Database.Database,
  start: { highWater: number; fromCursor: number; now: Date },
): SnapshotState {
  return sqlite.transaction(() => {
    const existing = readSnapshot(sqlite);
    if (existing) return existing;
    const kept = KEPT_INDEXES.map(() => '?').join(', ');
    const dropped = sqlite
      .prepare(
        `select type, name, sql from sqlite_master
         where sql is not null and tbl_name = 'universal_customers' and (
           (type = 'index' and name not in (${kept}))
           or (type = 'trigger' and substr(name, 1, ${SEARCH_TRIGGER_PREFIX.length}) = ?)
         )
         order by type, name`,
      )
      .all(...KEPT_INDEXES, SEARCH_TRIGGER_PREFIX) as SchemaObject[];
    for (const object of dropped) sqlite.exec(`drop ${object.type} "${object.name}"`);
    const state: SnapshotState = {
      highWater: start.highWater,
      fromCursor: start.fromCursor,
      startedAt: start.now.toISOString(),
      dropped,
    };
    writeSnapshot(sqlite, state);
    return state;
  })();
}

const isUnique = (object: SchemaObject) => /^CREATE UNIQUE /i.test(object.sql);

/**
 * Puts back what beginSnapshot set aside: 'done' (or 'none' when no snapshot was recorded),
 * or 'unique-pending' when a unique index could not be built for a duplicate, recorded in
 * uniqueConflict and tried again at the next call. Each index is its own statement and one
 * that exists already is skipped, so a finish cut short is simply run again; the name index is
 * refilled and its triggers recreated in one transaction, so no write can fall between them.
 */
export function finishSnapshot(sqlite: Database.Database): 'done' | 'none' | 'unique-pending' {
  if (!readSnapshot(sqlite)) return 'none';
  return withBuildSettings(sqlite, () => putBack(sqlite));
}

function putBack(sqlite: Database.Database): 'done' | 'unique-pending' {
  let state = readSnapshot(sqlite)!;
  if (!state.finishing) {
    state = { ...state, finishing: true };
    writeSnapshot(sqlite, state);
  }
  const exists = sqlite.prepare('select 1 from sqlite_master where type = ? and name = ?');
  const missing = (object: SchemaObject) => !exists.get(object.type, object.name);
  for (const index of state.dropped) {
    if (index.type === 'index' && !isUnique(index) && missing(index)) sqlite.exec(index.sql);
  }
  const triggers = state.dropped.filter((o) => o.type === 'trigger' && missing(o));
  const uniques = state.dropped.filter((o) => o.type === 'index' && isUnique(o));
  if (triggers.length > 0) {
    const left: SnapshotState = { ...state, dropped: uniques };
    sqlite.transaction(() => {
      // Nothing kept the name index while the triggers were away: rebuild all of it.
      sqlite.exec(`INSERT INTO customer_search (customer_search) VALUES ('delete-all')`);
      // Set and put back inside the transaction: the fill never leaves the 64 MB behind.
      sqlite.exec(
        `INSERT INTO customer_search (customer_search, rank) VALUES ('hashsize', ${BUILD_FTS_HASH_BYTES})`,
      );
      sqlite.exec(CUSTOMER_SEARCH_FILL);
      sqlite.exec(
        `INSERT INTO customer_search (customer_search, rank) VALUES ('hashsize', ${FTS_HASH_BYTES})`,
      );
      for (const trigger of triggers) sqlite.exec(trigger.sql);
      writeSnapshot(sqlite, left);
    })();
    state = left;
  }
  for (const index of uniques) {
    if (!missing(index)) continue;
    try {
      sqlite.exec(index.sql);
    } catch (error) {
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) throw error;
      writeSnapshot(sqlite, { ...state, uniqueConflict: (error as Error).message });
      return 'unique-pending';
    }
  }
  writeSnapshot(sqlite, null);
  return 'done';
}

/**
 * How the indexes are built (a million customers, measured on two cores): SQLite may sort
 * each new index with a helper thread (PRAGMA threads; the pull is over, so the second core
 * is free), 7.3 s → 6.6 s; and the name index gathers its terms in 64 MB instead of 1 MB
 * before writing them out (FTS5's hashsize), so it is written as one segment rather than
 * merged from dozens: 1.8 s → 1.4 s. hashsize is stored in the index's own config, so it is
 * put back to FTS5's default for the cashiers' one-row writes.
 */
const BUILD_SORT_THREADS = 2;
const BUILD_FTS_HASH_BYTES = 64 * 1024 * 1024;
const FTS_HASH_BYTES = 1024 * 1024;

function withBuildSettings<T>(sqlite: Database.Database, build: () => T): T {
  const threads = Number(sqlite.pragma('threads', { simple: true }));
  sqlite.pragma(`threads = ${BUILD_SORT_THREADS}`);
  try {
    return build();
  } finally {
    sqlite.pragma(`threads = ${threads}`);
  }
}

/** Writes one snapshot page (see above); the connection's own setting is back afterwards. */
export function writeWithoutWaitingForDisk(sqlite: Database.Database, write: () => void): void {
  const previous = Number(sqlite.pragma('synchronous', { simple: true }));
  sqlite.pragma('synchronous = NORMAL');
  try {
    write();
  } finally {
    sqlite.pragma(`synchronous = ${previous}`);
  }
}

/** Spaces checkpoints for a snapshot's writes; returns what puts the connection's setting back. */
export function spaceCheckpoints(sqlite: Database.Database): () => void {
  const previous = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
  sqlite.pragma(`wal_autocheckpoint = ${SNAPSHOT_CHECKPOINT_PAGES}`);
  return () => {
    sqlite.pragma(`wal_autocheckpoint = ${previous}`);
  };
}

/**
 * For a sync round that failed before or during its pull: a snapshot left by a till killed
 * mid-way (or cut short now) is put back, so a till that stays offline still finds its
 * customers by name. Its next pull starts a new snapshot if it is still far behind.
 */
export function restoreInterruptedSnapshot(sqlite: Database.Database): void {
  try {
    // A unique index waiting on a duplicate is retried by pulls, which can bring its answer.
    if (readSnapshot(sqlite)?.uniqueConflict) return;
    finishSnapshot(sqlite);
  } catch {
    // The record stays; the next pull or failed round tries again.
  }
}
