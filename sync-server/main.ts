import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openCentralDb } from '../db/central/connect';
import { buildApp } from './app';
import { readConfig } from './config';
import { seedDemo } from './demo/seed';
import { startLateFeeScheduler } from './laybys/daily-job/scheduler';
import { startTombstonePurge } from './sync/tombstones';

// `npm run server`: the sync server alone. Embedded PGlite under DATA_DIR unless DATABASE_URL
// points at a real PostgreSQL. A fresh database gets the demo group unless DEMO_DATA=off.
async function main(): Promise<void> {
  const config = readConfig();
  const dataDir = resolve(config.DATA_DIR, 'pglite');
  if (!config.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
  const central = await openCentralDb(
    config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir },
  );
  if (config.DEMO_DATA === 'on') await seedDemo(central.db);
  const app = buildApp({ central, logLevel: config.LOG_LEVEL });
  const shutdown = async (): Promise<void> => {
    await app.close();
    await central.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ database: central.kind, port: config.PORT }, 'Unitill sync server ready');
  startLateFeeScheduler(central.db, { log: app.log }); // daily late fees; LAYBY_LATE_FEE_JOB=off
  startTombstonePurge(central.db, { log: app.log }); // TOMBSTONE_DAYS=90; TOMBSTONE_PURGE=off
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
