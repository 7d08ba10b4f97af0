import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { count, sql } from 'drizzle-orm';
import pg from 'pg';
import { openCentralDb, type CentralHandle } from '../db/central/connect';
import { universalCustomers } from '../db/central/schema';
import { dropTestDatabase } from '../db/testing/pg';
import { generateCustomers } from '../sync-server/demo/generate';
import { seedDemo } from '../sync-server/demo/seed';
import { ms } from './lib/stats';
import { runLoad, type LoadResult } from './server-search/clients';
import { sampleQueries } from './server-search/queries';

// Head-office search over a million customers in a real PostgreSQL: 50 concurrent HTTP
// clients against the server on 127.0.0.1 for a bounded time, p50/p95/max per kind of query,
// then the same load on a naive ILIKE '%…%' search. Target: p95 ≤ 50 ms.
// The database is created fresh and dropped at the end (BENCH_DATABASE_URL reuses one
// already loaded, and keeps it).

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 10);
// A clerk reads the result list before the next search; 0 measures flat-out saturation only.
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 250);
const P95_TARGET_MS = 50;
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const reuse = process.env.BENCH_DATABASE_URL;
  if (reuse) return { url: reuse, drop: () => Promise.resolve() };
  const name = `unitill_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropTestDatabase(SERVER_URL, name) };
}

async function load(central: CentralHandle): Promise<void> {
  const [existing] = await central.db.select({ n: count() }).from(universalCustomers);
  if ((existing?.n ?? 0) >= CUSTOMERS) {
    console.log(`Reusing ${existing?.n.toLocaleString()} customers.`);
    return;
  }
  await seedDemo(central.db, { customers: 0 });
  const started = Date.now();
  const done = await generateCustomers(central.db, { customers: CUSTOMERS, seed: 7, parallel: 2 });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  // A register in service has been vacuumed: hint bits set, the trigram index's pending list
  // merged. Straight after a bulk load neither is true, and the first searches would pay for it.
  await central.db.execute(sql`vacuum (analyze) universal_customers, customer_division_accounts`);
  console.log(
    `Loaded ${done.customers.toLocaleString()} customers and ${done.accounts.toLocaleString()} accounts in ${seconds} s.`,
  );
}

function startServer(url: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server-search/server.ts'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^PORT (\d+)$/.exec(line);
      if (match) resolve({ child, port: Number(match[1]) });
    });
  });
}

async function signIn(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', pin: '9999' }),
  });
  return ((await response.json()) as { token: string }).token;
}

function report(title: string, result: LoadResult): void {
  console.log(
    `\n${title}: ${result.requests.toLocaleString()} requests in ${result.seconds.toFixed(1)} s (${(result.requests / result.seconds).toFixed(0)}/s), ${CLIENTS} clients`,
  );
  console.log(`${'query kind'.padEnd(26)}      n      p50      p95      max  misses errors`);
  for (const kind of result.kinds) {
    console.log(
      `${kind.label.padEnd(26)}${String(kind.n).padStart(7)} ${ms(kind.p50)} ${ms(kind.p95)} ${ms(kind.max)} ${String(kind.misses).padStart(7)} ${String(kind.errors).padStart(6)}`,
    );
  }
  console.log(
    `${'all'.padEnd(26)}${String(result.all.n).padStart(7)} ${ms(result.all.p50)} ${ms(result.all.p95)} ${ms(result.all.max)}`,
  );
}

const database = await freshDatabase();
let server: ChildProcess | null = null;
let failed = false;
console.log(
  `Load average before: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} CPUs`,
);
try {
  const central = await openCentralDb({ databaseUrl: database.url });
  try {
    await load(central);
    const kinds = await sampleQueries(central.db, 400);
    const started = await startServer(database.url);
    server = started.child;
    const token = await signIn(started.port);
    const common = { port: started.port, token, kinds, clients: CLIENTS, timeoutMs: 60_000 };
    const search = { ...common, path: '/api/customers/search' };
    await runLoad({ ...search, seconds: 5, thinkMs: THINK_MS });
    const paced = await runLoad({ ...search, seconds: SECONDS, thinkMs: THINK_MS });
    report(`GET /api/customers/search, each client pausing ${THINK_MS} ms between searches`, paced);
    const flat = await runLoad({ ...search, seconds: SECONDS, thinkMs: 0 });
    report('GET /api/customers/search, flat out (no pause: the saturation point)', flat);
    const naive = await runLoad({
      ...common,
      path: '/bench/naive-search',
      seconds: BASELINE_SECONDS,
      thinkMs: THINK_MS,
    });
    report(`Baseline: naive ILIKE '%…%' on every identifier, pausing ${THINK_MS} ms`, naive);
    failed = paced.all.p95 > P95_TARGET_MS || paced.kinds.some((k) => k.errors > 0);
    console.log(
      `\np95 with ${CLIENTS} clients: ${paced.all.p95.toFixed(1)} ms paced (target ≤ ${P95_TARGET_MS} ms: ${failed ? 'MISSED' : 'met'}), ` +
        `${flat.all.p95.toFixed(1)} ms flat out at ${(flat.requests / flat.seconds).toFixed(0)} req/s; naive p95 ${naive.all.p95.toFixed(0)} ms.`,
    );
  } finally {
    await central.close();
  }
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await database.drop();
  console.log(
    `Load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
process.exit(failed ? 1 : 0);
