import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTestCentralDb } from '../db/testing/pg';
import { createTillCore } from '../electron/till/core';
import { generateCustomers } from '../sync-server/demo/generate';
import { seedDemo } from '../sync-server/demo/seed';
import { enrollDemoTill } from '../scripts/lib/demo-enroll';
import { runTs, waitForHttp } from '../scripts/lib/processes';
import { startBrowserHost } from '../electron/till/host/browser-host';

// First sync of a new till: every customer identity of the group pulled over loopback into
// an empty till, against a raw baseline in the same run (a plain paged SELECT from the same
// PostgreSQL piped into a plain better-sqlite3 bulk insert of the same rows).
// Target (issue 4): at most 30 s for 1,000,000 customers, and within 2x of the baseline.
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const PAGE = 2_000;

async function rawBaseline(databaseUrl: string): Promise<{ rows: number; ms: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const dir = mkdtempSync(join(tmpdir(), 'unitill-raw-'));
  const sqlite = new Database(join(dir, 'raw.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  const started = performance.now();
  let cursor = 0;
  let rows = 0;
  let insert: Database.Statement | null = null;
  for (;;) {
    const page = await client.query<Record<string, unknown>>(
      'select * from universal_customers where server_seq > $1 order by server_seq limit $2',
      [cursor, PAGE],
    );
    if (page.rows.length === 0) break;
    if (!insert) {
      const columns = Object.keys(page.rows[0]!);
      sqlite.exec(`create table c (${columns.map((c) => `"${c}"`).join(', ')})`);
      insert = sqlite.prepare(`insert into c values (${columns.map(() => '?').join(', ')})`);
    }
    const statement = insert;
    sqlite.transaction(() => {
      for (const row of page.rows) {
        statement.run(
          Object.values(row).map((v) =>
            v === null || typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v),
          ),
        );
      }
    })();
    rows += page.rows.length;
    cursor = Number(page.rows.at(-1)!.server_seq);
  }
  const ms = performance.now() - started;
  sqlite.close();
  await client.end();
  rmSync(dir, { recursive: true, force: true });
  return { rows, ms };
}

async function main(): Promise<void> {
  const database = await createTestCentralDb();
  if (!database.databaseUrl)
    throw new Error('first-sync bench needs a real PostgreSQL (TEST_DATABASE_URL)');
  try {
    await seedDemo(database.handle.db, { customers: 0 });
    const genStart = performance.now();
    await generateCustomers(database.handle.db, { customers: CUSTOMERS, seed: 7, parallel: 2 });
    console.log(
      `generated ${CUSTOMERS.toLocaleString('en-US')} customers in ${((performance.now() - genStart) / 1000).toFixed(1)} s`,
    );

    const raw = await rawBaseline(database.databaseUrl);
    // The server in its own process, as in production: till and server each get a core.
    const port = String(43_000 + Math.floor(Math.random() * 1_000));
    const server = runTs('sync-server/main.ts', {
      PORT: port,
      DATABASE_URL: database.databaseUrl,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
    });
    const serverUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${serverUrl}/health`, 60_000);
    const dir = mkdtempSync(join(tmpdir(), 'unitill-first-sync-'));
    const core = await createTillCore({ dataDir: dir, syncIntervalMs: 3_600_000 });
    const host = await startBrowserHost({ core, staticDir: dir });
    const started = performance.now();
    // Enrollment runs the first sync round: numbers, push, the full pull, staff.
    const status = await enrollDemoTill(serverUrl, host.url);
    const ms = performance.now() - started;
    const till = new Database(join(dir, 'till.sqlite'), { readonly: true });
    const tillRows = (
      till.prepare('select count(*) as n from universal_customers').get() as { n: number }
    ).n;
    till.close();
    await host.close();
    await core.close();
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });

    const rate = (rows: number, t: number) => Math.round(rows / (t / 1000)).toLocaleString('en-US');
    console.log(
      `raw baseline : ${raw.rows.toLocaleString('en-US')} customers in ${(raw.ms / 1000).toFixed(1)} s (${rate(raw.rows, raw.ms)} rows/s)`,
    );
    console.log(
      `unitill pull : ${tillRows.toLocaleString('en-US')} customers in ${(ms / 1000).toFixed(1)} s (${rate(tillRows, ms)} rows/s), pull reported ${status.pull?.applied ?? 0} changes`,
    );
    console.log(`ratio        : ${(ms / raw.ms).toFixed(2)}x the baseline (target ≤ 2x, ≤ 30 s)`);
    if (tillRows < raw.rows) throw new Error(`till has ${tillRows} customers, server ${raw.rows}`);
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
