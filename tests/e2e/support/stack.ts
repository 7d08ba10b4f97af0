import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestCentralDb } from '../../../db/testing/pg';
import { createTillCore } from '../../../electron/till/core';
import { startBrowserHost } from '../../../electron/till/host/browser-host';
import { buildApp } from '../../../sync-server/app';
import { seedDemo } from '../../../sync-server/demo/seed';
import { enrollDemoTill } from '../../../scripts/lib/demo-enroll';

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * The whole product as `npm start` runs it, in-process: the sync server on its own fresh
 * database with the demo group, a till with a fresh data directory in browser mode,
 * enrolled into the clothing division through the real enrollment flow.
 */
export async function startStack(options: { enroll?: boolean } = {}) {
  const database = await createTestCentralDb();
  await seedDemo(database.handle.db, { customers: 20 });
  const server = buildApp({ central: database.handle, logLevel: 'silent' });
  const serverUrl = await server.listen({ port: 0, host: '127.0.0.1' });
  const dataDir = mkdtempSync(join(tmpdir(), 'unitill-e2e-'));
  const core = await createTillCore({ dataDir, syncIntervalMs: 5_000 });
  const host = await startBrowserHost({ core, staticDir: resolve('dist/renderer') });
  if (options.enroll !== false) await enrollDemoTill(serverUrl, host.url);
  return {
    /** Head office's database, for a test that plays head office's part directly. */
    central: database.handle.db,
    serverUrl,
    tillUrl: host.url,
    stopServer: () => server.close(),
    async stop() {
      await host.close();
      await core.close();
      await server.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
