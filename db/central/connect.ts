import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { assertNoUnknownMigrations, readJournal } from '../migration-guard';
import * as schema from './schema/index';

// The common base of the node-postgres and PGlite drizzle databases, so server code runs on
// either without knowing which.
export type CentralDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export type CentralHandle = { db: CentralDb; kind: 'postgres' | 'pglite'; close(): Promise<void> };

export type OpenCentralOptions = {
  databaseUrl?: string;
  dataDir?: string;
  migrationsFolder?: string;
};

const defaultMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works; it only has to be the same in every server process.
const MIGRATION_LOCK_KEY = 7_318_004_211;

/**
 * Opens the central database — PostgreSQL when databaseUrl is given, else embedded PGlite
 * (on disk in dataDir, or in memory) — and applies pending migrations before returning.
 * Throws DatabaseNewerThanAppError when the database was migrated by a newer build.
 */
export async function openCentralDb(options: OpenCentralOptions): Promise<CentralHandle> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, migrationsFolder)
    : openPglite(options.dataDir, migrationsFolder);
}

async function openPostgres(databaseUrl: string, migrationsFolder: string): Promise<CentralHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection dropped by the server (restart, failover, admin) is reported on the
  // pool; unhandled, that event would crash the process. The pool replaces the client itself.
  pool.on('error', (error) =>
    console.warn(`central database: idle connection lost: ${error.message}`),
  );
  // The pool listens for that only while a client is idle. A connection lost while checked
  // out (a transaction in flight when PostgreSQL restarts) emits 'error' on its client too,
  // and unhandled that crashes the server. The caller already sees the failure (its query, or
  // the next one on that client, rejects) and the pool discards the client on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const db = drizzleNodePg(pool, { schema });
    // Several stateless servers may start together; the advisory lock makes them migrate one
    // at a time (the others then find nothing left to do).
    const lock = await pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const query: Query = async <T extends Row>(text: string) => (await lock.query<T>(text)).rows;
      await assertCentralNotNewer(query, migrationsFolder, 'The central database');
      await migrateNodePg(db, { migrationsFolder });
    } finally {
      await lock
        .query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
        .catch(() => undefined);
      lock.release();
    }
    return { db, kind: 'postgres', close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

async function openPglite(
  dataDir: string | undefined,
  migrationsFolder: string,
): Promise<CentralHandle> {
  // pg_trgm backs name search (migration 0002); PGlite only has the extensions it is given.
  const extensions = { pg_trgm };
  const client = dataDir ? new PGlite(dataDir, { extensions }) : new PGlite({ extensions });
  try {
    const db = drizzlePglite(client, { schema });
    const query: Query = async <T extends Row>(text: string) => (await client.query<T>(text)).rows;
    const label = dataDir ? `The PGlite database in ${dataDir}` : 'The PGlite database';
    await assertCentralNotNewer(query, migrationsFolder, label);
    await migratePglite(db, { migrationsFolder });
    return { db, kind: 'pglite', close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}

// The raw client's query, used before drizzle's typed layer is of any help.
type Row = Record<string, unknown>;
type Query = <T extends Row>(text: string) => Promise<T[]>;

async function assertCentralNotNewer(
  query: Query,
  migrationsFolder: string,
  label: string,
): Promise<void> {
  // drizzle keeps its journal in drizzle.__drizzle_migrations, absent before the first run.
  const [table] = await query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return;
  const applied = await query<{ created_at: string | number }>(
    'select created_at from drizzle.__drizzle_migrations',
  );
  assertNoUnknownMigrations(
    applied.map((row) => Number(row.created_at)),
    readJournal(migrationsFolder),
    label,
  );
}
