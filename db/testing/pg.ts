import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openCentralDb, type CentralHandle } from '../central/connect';

export type TestCentralDb = {
  handle: CentralHandle;
  databaseUrl: string | null;
  drop(): Promise<void>;
};

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh, migrated central database for one test file: a new database on the PostgreSQL
 * server at TEST_DATABASE_URL (or the local default), dropped again by drop(). Without a
 * server it falls back to in-memory PGlite (databaseUrl null). An explicitly configured
 * TEST_DATABASE_URL that does not answer is an error, not a fallback, so CI cannot quietly
 * test against the wrong engine.
 */
export async function createTestCentralDb(): Promise<TestCentralDb> {
  const configured = process.env.TEST_DATABASE_URL;
  const serverUrl = configured ?? DEFAULT_SERVER_URL;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    if (configured) {
      throw new Error(`TEST_DATABASE_URL=${configured} does not answer: ${String(error)}`);
    }
    const handle = await openCentralDb({});
    return { handle, databaseUrl: null, drop: () => handle.close() };
  }

  const name = `unitill_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dropDatabase = () => dropTestDatabase(serverUrl, name);

  let handle: CentralHandle;
  try {
    handle = await openCentralDb({ databaseUrl });
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  let dropped = false;
  return {
    handle,
    databaseUrl,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await handle.close();
      await dropDatabase();
    },
  };
}

/**
 * Drops a test database. A closed pool's backends take a moment to exit on the server; waiting
 * for them keeps FORCE from killing them mid-goodbye (which their client reports as an error).
 * FORCE still ends connections a failed test leaked.
 */
export async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (let i = 0; i < 50; i += 1) {
      const open = await client.query('select 1 from pg_stat_activity where datname = $1', [name]);
      if (open.rowCount === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
