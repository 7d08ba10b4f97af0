import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNoUnknownMigrations, readJournal } from '../migration-guard';
import * as schema from './schema/index';
import { cacheStatements } from './statement-cache';

// $client: the raw connection, for the few hot paths (the pull) that bypass the query builder.
export type TillDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export type TillHandle = { db: TillDb; sqlite: Database.Database; close(): void };

const defaultMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Opens (creating if needed) the till database and brings its schema up to date. Throws
 * DatabaseNewerThanAppError for a database migrated by a newer build. ':memory:' works for
 * tests that do not care about durability.
 */
export function openTillDb(file: string, options: { migrationsFolder?: string } = {}): TillHandle {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder;
  if (!isMemory(file)) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: 5000 });
  try {
    configure(sqlite, file);
    assertNoUnknownMigrations(
      appliedMigrations(sqlite),
      readJournal(migrationsFolder),
      `Till database ${file}`,
    );
    const db = drizzle(sqlite, { schema });
    runMigrations(sqlite, db, migrationsFolder);
    cacheStatements(sqlite);
    return { db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function configure(sqlite: Database.Database, file: string): void {
  const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal' && !isMemory(file)) {
    throw new Error(
      `Till database ${file}: could not switch to WAL journaling (got ${String(mode)})`,
    );
  }
  // Tills lose power daily. With WAL, synchronous=NORMAL can lose the last committed
  // transactions on power loss — a payment the customer holds a receipt for. FULL syncs the
  // WAL on every commit.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // 64 MB of page cache: a till holds a million customers and their search index; the default
  // 2 MB makes every registration re-read index pages from disk.
  sqlite.pragma('cache_size = -65536');
}

function appliedMigrations(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare(`select 1 from sqlite_master where type = 'table' and name = ?`)
    .get(MIGRATIONS_TABLE);
  if (!table) return [];
  const rows = sqlite.prepare(`select created_at as createdAt from ${MIGRATIONS_TABLE}`).all() as {
    createdAt: number | string;
  }[];
  return rows.map((row) => Number(row.createdAt));
}

// drizzle runs all pending migrations in one transaction. Foreign keys are switched off
// around it because SQLite ignores PRAGMA foreign_keys inside a transaction, and
// drizzle-kit's table rebuilds (copy, drop, rename) would otherwise trip them; the check
// afterwards proves the rebuilt tables still hold together.
function runMigrations(sqlite: Database.Database, db: TillDb, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
  const violations = sqlite.pragma('foreign_key_check') as unknown[];
  if (violations.length > 0) {
    throw new Error(
      `Till database: migration left ${violations.length} broken foreign key reference(s)`,
    );
  }
  sqlite.pragma('foreign_keys = ON');
}

function isMemory(file: string): boolean {
  return file === ':memory:' || file === '';
}
