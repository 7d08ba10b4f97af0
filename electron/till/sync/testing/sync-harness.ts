import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openTillDb } from '../../../../db/till/connect';
import { createTestCentralDb } from '../../../../db/testing/pg';
import { buildApp } from '../../../../sync-server/app';
import { seedSyncFixture } from '../../../../sync-server/sync/testing/sync-fixture';
import { startFaultProxy, type FaultProxy } from '../../../../tests/support/fault-proxy';
import { createTillCore, type TillCore } from '../../core';

// Tests only: a real sync server on a fresh PostgreSQL database, reached through a fault
// proxy on 127.0.0.1, and real tills (each its own SQLite file) enrolled with one-time codes.

export type Till = { core: TillCore; dir: string; file: string };
export type TillDbReader = ReturnType<typeof openTillDb>['db'];

export type SyncHarness = {
  database: Awaited<ReturnType<typeof createTestCentralDb>>;
  fixture: Awaited<ReturnType<typeof seedSyncFixture>>;
  server: FastifyInstance;
  proxy: FaultProxy;
  tills: Till[];
  /** Signs in at head office and returns a bearer header for the admin. */
  adminAuth(): Promise<{ authorization: string }>;
  /** liveSync is off unless asked for: these tests stage offline work by not syncing. */
  enrolledTill(
    divisionCode: string,
    name: string,
    options?: { clock?: () => Date; liveSync?: boolean },
  ): Promise<Till>;
  close(): Promise<void>;
};

export function inTill<T>(till: Till, read: (db: TillDbReader) => T): T {
  const handle = openTillDb(till.file);
  try {
    return read(handle.db);
  } finally {
    handle.close();
  }
}

export async function startSyncHarness(): Promise<SyncHarness> {
  const database = await createTestCentralDb();
  const fixture = await seedSyncFixture(database.handle.db);
  const server = buildApp({ central: database.handle, logLevel: process.env.TEST_LOG ?? 'silent' });
  const url = new URL(await server.listen({ port: 0, host: '127.0.0.1' }));
  const proxy = await startFaultProxy({ host: '127.0.0.1', port: Number(url.port) });
  const tills: Till[] = [];

  async function adminAuth() {
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', pin: '9999' },
    });
    return { authorization: `Bearer ${login.json<{ token: string }>().token}` };
  }

  async function issueCode(divisionCode: string): Promise<string> {
    const headers = await adminAuth();
    const { divisions } = (
      await server.inject({ method: 'GET', url: '/api/divisions', headers })
    ).json<{ divisions: { id: string; code: string }[] }>();
    const divisionId = divisions.find((d) => d.code === divisionCode)?.id;
    const response = await server.inject({
      method: 'POST',
      url: '/api/enrollment-codes',
      headers,
      payload: { divisionId },
    });
    return response.json<{ code: string }>().code;
  }

  return {
    database,
    fixture,
    server,
    proxy,
    tills,
    adminAuth,
    async enrolledTill(divisionCode, name, options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'unitill-sync-'));
      const core = await createTillCore({
        dataDir: dir,
        syncIntervalMs: 3_600_000,
        liveSync: options.liveSync ?? false,
        ...(options.clock ? { clock: options.clock } : {}),
      });
      const result = await core.call('till:enroll', {
        serverUrl: proxy.url,
        code: await issueCode(divisionCode),
        tillName: name,
      });
      if (!result.ok) throw new Error(`enrollment failed: ${JSON.stringify(result)}`);
      const till = { core, dir, file: join(dir, 'till.sqlite') };
      tills.push(till);
      return till;
    },
    async close() {
      for (const till of tills) {
        await till.core.close();
        rmSync(till.dir, { recursive: true, force: true });
      }
      await proxy.close();
      await server.close();
      await database.drop();
    },
  };
}
