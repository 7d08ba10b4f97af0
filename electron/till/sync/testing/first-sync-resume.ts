import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { and, count, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { universalCustomers } from '../../../../db/central/schema';
import { openTillDb } from '../../../../db/till/connect';
import { createTestCentralDb } from '../../../../db/testing/pg';
import { searchTokens } from '../../../../shared/domain/customers/normalise';
import { buildApp } from '../../../../sync-server/app';
import { generateCustomers } from '../../../../sync-server/demo/generate';
import { seedDemo } from '../../../../sync-server/demo/seed';
import { pullPage } from '../../../../sync-server/sync/pull';
import { SNAPSHOT_KEY, type SnapshotState } from '../snapshot';

// Tests and benches only: a new till's first sync of `customers` generated customers, from a
// real sync server (in this process, on 127.0.0.1, over a fresh PostgreSQL database) into a
// real till process that is SIGKILLed at the given points and started again, then left to
// finish. Reports what the till holds afterwards, for the caller to judge.

/** Kill when the snapshot has covered this share of its stamps, or once it is finishing. */
export type KillPoint = number | 'finishing';

export type KillRecord = {
  point: KillPoint;
  /** The till's committed cursor and snapshot record when it was killed. */
  cursor: number;
  snapshot: SnapshotState | null;
  afterMs: number;
};

export type FirstSyncOutcome = {
  generated: number;
  serverCustomers: number;
  tillCustomers: number;
  kills: KillRecord[];
  finalRunMs: number;
  totalSyncMs: number;
  cursor: number;
  /** What the server still has for this till after its cursor (0 when caught up). */
  changesAfterCursor: number;
  /** The till holds the row whose stamp is its cursor: the cursor is the last change it may see. */
  cursorRowHeld: boolean;
  snapshotLeft: SnapshotState | null;
  /** Index and trigger SQL that differs from a freshly migrated till ([] when all is back). */
  schemaDifferences: string[];
  /** A live customer from the middle of the register, and whether a name search finds it. */
  probe: { name: string; found: boolean };
};

type Outcome = Omit<FirstSyncOutcome, 'generated' | 'kills' | 'finalRunMs' | 'totalSyncMs'>;

const TILL_SCRIPT = 'electron/till/sync/testing/first-sync-till.ts';

export async function runFirstSyncWithKills(options: {
  customers: number;
  kills: KillPoint[];
  log?: (line: string) => void;
}): Promise<FirstSyncOutcome> {
  const log = options.log ?? (() => undefined);
  const database = await createTestCentralDb();
  let server: FastifyInstance | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'unitill-first-sync-'));
  try {
    const db = database.handle.db;
    await seedDemo(db, { customers: 0 });
    const generated = await generateCustomers(db, {
      customers: options.customers,
      seed: 17,
      parallel: database.databaseUrl ? 2 : 1,
    });
    log(`generated ${generated.customers} customers in ${generated.elapsedMs} ms`);
    server = buildApp({ central: database.handle, logLevel: 'silent' });
    const serverUrl = (await server.listen({ port: 0, host: '127.0.0.1' })).replace(
      'localhost',
      '127.0.0.1',
    );
    const { code, businessId } = await enrollmentCode(server);

    const file = join(dataDir, 'till.sqlite');
    const kills: KillRecord[] = [];
    let totalSyncMs = 0;
    for (const point of options.kills) {
      const run = await runTill(dataDir, serverUrl, code, (state) => shouldKill(point, state));
      totalSyncMs += run.ms;
      if (!run.killed) throw new Error(`the till finished before kill point ${String(point)}`);
      const state = readTill(file);
      kills.push({ point, cursor: state.cursor, snapshot: state.snapshot, afterMs: run.ms });
      log(
        `killed at ${String(point)} after ${Math.round(run.ms)} ms: cursor ${state.cursor} of ${state.snapshot?.highWater ?? '?'}${state.snapshot?.finishing ? ' (finishing)' : ''}`,
      );
    }
    const last = await runTill(dataDir, serverUrl, code, () => false);
    totalSyncMs += last.ms;
    if (last.exitCode !== 0)
      throw new Error(`the last run failed (${String(last.exitCode)}): ${last.stderr}`);
    log(`last run finished in ${Math.round(last.ms)} ms`);
    const outcome = await inspect(file, db, businessId);
    return {
      ...outcome,
      generated: generated.customers,
      kills,
      finalRunMs: last.ms,
      totalSyncMs,
    };
  } finally {
    await server?.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function enrollmentCode(
  server: FastifyInstance,
): Promise<{ code: string; businessId: string }> {
  const login = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', pin: '9999' },
  });
  const headers = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
  const { divisions } = (
    await server.inject({ method: 'GET', url: '/api/divisions', headers })
  ).json<{ divisions: { id: string; code: string }[] }>();
  const businessId = divisions.find((d) => d.code === 'CLO')!.id;
  const issued = await server.inject({
    method: 'POST',
    url: '/api/enrollment-codes',
    headers,
    payload: { divisionId: businessId },
  });
  return { code: issued.json<{ code: string }>().code, businessId };
}

type TillState = { cursor: number; snapshot: SnapshotState | null };

function shouldKill(point: KillPoint, { cursor, snapshot }: TillState): boolean {
  if (!snapshot) return false;
  if (point === 'finishing') return snapshot.finishing === true;
  return !snapshot.finishing && cursor >= point * snapshot.highWater;
}

/** The till's committed cursor and snapshot record, read as another process would. */
function readTill(file: string): TillState {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const value = (key: string) =>
      (
        sqlite.prepare('select value from sync_state where key = ?').get(key) as
          { value: string } | undefined
      )?.value;
    const cursor = value('pull.cursor');
    const snapshot = value(SNAPSHOT_KEY);
    return {
      cursor: cursor === undefined ? 0 : Number(JSON.parse(cursor)),
      snapshot: snapshot === undefined ? null : (JSON.parse(snapshot) as SnapshotState),
    };
  } finally {
    sqlite.close();
  }
}

type Run = { killed: boolean; exitCode: number | null; ms: number; stderr: string };

/** Runs the till process until it exits, SIGKILLing it as soon as `kill` says so. */
function runTill(
  dataDir: string,
  serverUrl: string,
  code: string,
  kill: (state: TillState) => boolean,
): Promise<Run> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', TILL_SCRIPT, dataDir, serverUrl, code],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  let killed = false;
  const file = join(dataDir, 'till.sqlite');
  const watch = setInterval(() => {
    if (killed || !existsSync(file)) return;
    let state: TillState;
    try {
      state = readTill(file);
    } catch {
      return; // not migrated yet, or busy for a moment
    }
    if (kill(state)) {
      killed = true;
      child.kill('SIGKILL');
    }
  }, 10);
  return new Promise((resolve) => {
    child.once('exit', (exitCode) => {
      clearInterval(watch);
      resolve({ killed, exitCode, ms: performance.now() - started, stderr });
    });
  });
}

async function inspect(
  file: string,
  db: Parameters<typeof pullPage>[0],
  businessId: string,
): Promise<Outcome> {
  const [{ n: serverCustomers } = { n: 0 }] = await db
    .select({ n: count() })
    .from(universalCustomers);
  const live = and(isNull(universalCustomers.deletedAt), isNull(universalCustomers.mergedIntoId));
  const [probeRow] = await db
    .select({ id: universalCustomers.id, name: universalCustomers.fullName })
    .from(universalCustomers)
    .where(live)
    .orderBy(universalCustomers.serverSeq)
    .offset(Math.floor(serverCustomers / 2))
    .limit(1);
  const { cursor, snapshot } = readTill(file);
  const till = { kind: 'till' as const, tillId: 'inspect', businessId, name: 'Inspect' };
  const after = await pullPage(db, till, cursor, 1);

  const handle = openTillDb(file);
  const fresh = openTillDb(':memory:');
  try {
    const sqlite = handle.sqlite;
    const tillCustomers = (
      sqlite.prepare('select count(*) as n from universal_customers').get() as { n: number }
    ).n;
    const cursorRowHeld =
      sqlite
        .prepare(
          `select 1 from universal_customers where server_seq = ?
           union all select 1 from customer_division_accounts where server_seq = ?`,
        )
        .get(cursor, cursor) !== undefined;
    const schema = (h: typeof handle) =>
      new Set(
        (
          h.sqlite
            .prepare(
              `select type || ' ' || name || ': ' || sql as line from sqlite_master
               where type in ('index', 'trigger') and sql is not null`,
            )
            .all() as { line: string }[]
        ).map((r) => r.line),
      );
    const have = schema(handle);
    const want = schema(fresh);
    const schemaDifferences = [
      ...[...want].filter((line) => !have.has(line)).map((line) => `missing ${line}`),
      ...[...have].filter((line) => !want.has(line)).map((line) => `extra ${line}`),
    ];
    const query = searchTokens(probeRow?.name ?? '')
      .map((token) => `"${token}"`)
      .join(' ');
    const found =
      probeRow !== undefined &&
      sqlite
        .prepare(
          `select 1 from customer_search s join universal_customers c on c.rowid = s.rowid
           where customer_search match ? and c.id = ?`,
        )
        .get(query, probeRow.id) !== undefined;
    return {
      serverCustomers,
      tillCustomers,
      cursor,
      changesAfterCursor: after.changes.length,
      cursorRowHeld,
      snapshotLeft: snapshot,
      schemaDifferences,
      probe: { name: probeRow?.name ?? '', found },
    };
  } finally {
    handle.close();
    fresh.close();
  }
}
