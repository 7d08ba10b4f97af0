import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerNotes as centralNotes } from '../../../db/central/schema';
import { openTillDb } from '../../../db/till/connect';
import { customerNotes, outbox } from '../../../db/till/schema';
import { createTestCentralDb } from '../../../db/testing/pg';
import { buildApp } from '../../../sync-server/app';
import { seedSyncFixture } from '../../../sync-server/sync/testing/sync-fixture';
import { startFaultProxy, type FaultProxy } from '../../../tests/support/fault-proxy';
import { createTillCore } from '../core';

// Kills a real till process (SIGKILL, as a power cut does) at random points while it records
// facts and pushes them, including while the server has committed a push whose answer the
// till never receives. After every restart and a final drain, each fact the till kept must
// be at the server exactly once, and none the till lost may appear there.

let database: Awaited<ReturnType<typeof createTestCentralDb>>;
let server: FastifyInstance;
let proxy: FaultProxy;
let dataDir: string;
let author: { customerId: string; businessId: string; staffId: string };
const MARKER = 'killtest';

beforeAll(async () => {
  database = await createTestCentralDb();
  const fixture = await seedSyncFixture(database.handle.db);
  author = {
    customerId: fixture.customerIds[0]!,
    businessId: fixture.division.id,
    staffId: fixture.cashier.id,
  };
  server = buildApp({ central: database.handle, logLevel: 'silent' });
  const url = new URL(await server.listen({ port: 0, host: '127.0.0.1' }));
  proxy = await startFaultProxy({ host: '127.0.0.1', port: Number(url.port) });
  dataDir = mkdtempSync(join(tmpdir(), 'unitill-kill-'));
  const login = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', pin: '9999' },
  });
  const auth = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
  const code = (
    await server.inject({
      method: 'POST',
      url: '/api/enrollment-codes',
      headers: auth,
      payload: { divisionId: fixture.division.id },
    })
  ).json<{ code: string }>().code;
  const core = await createTillCore({ dataDir, syncIntervalMs: 3_600_000 });
  expect(
    (await core.call('till:enroll', { serverUrl: proxy.url, code, tillName: 'Kill me' })).ok,
  ).toBe(true);
  await core.close();
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

function runTillFor(ms: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/till/sync/testing/till-process.ts',
      dataDir,
      JSON.stringify(author),
      MARKER,
    ],
    {
      stdio: 'ignore',
    },
  );
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('a till killed mid-push', () => {
  it('loses nothing it kept and doubles nothing', async () => {
    // Startup under tsx takes about a second; kill somewhere in the working part after it.
    const plan: { ms: number; mode: 'pass' | 'drop-responses' }[] = [
      { ms: 2_200, mode: 'pass' },
      { ms: 2_600, mode: 'drop-responses' },
      { ms: 1_900, mode: 'pass' },
      { ms: 3_100, mode: 'drop-responses' },
      { ms: 2_400, mode: 'pass' },
    ];
    for (const step of plan) {
      proxy.setMode({ kind: step.mode });
      await runTillFor(step.ms + Math.floor(Math.random() * 600));
      proxy.cutAll();
    }
    proxy.setMode({ kind: 'pass' });
    const core = await createTillCore({ dataDir, syncIntervalMs: 3_600_000 });
    const drained = await core.call('sync:now', {});
    await core.close();
    expect(drained).toMatchObject({ ok: true, value: { pendingMutations: 0 } });

    const till = openTillDb(join(dataDir, 'till.sqlite'));
    const kept = till.db
      .select({ id: customerNotes.id })
      .from(customerNotes)
      .where(like(customerNotes.content, `${MARKER}%`))
      .all();
    const outboxRows = till.db.select().from(outbox).all();
    till.close();
    const atServer = await database.handle.db
      .select({ id: centralNotes.id })
      .from(centralNotes)
      .where(like(centralNotes.content, `${MARKER}%`));

    expect(kept.length).toBeGreaterThan(10);
    expect(new Set(atServer.map((r) => r.id))).toEqual(new Set(kept.map((r) => r.id)));
    expect(atServer).toHaveLength(kept.length);
    // Gap-free outbox: every number from 1 up, each acked.
    expect(outboxRows.map((m) => m.seq).sort((a, b) => a - b)).toEqual(
      outboxRows.map((_, i) => i + 1),
    );
  }, 120_000);
});
