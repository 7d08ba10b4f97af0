import {
  closeSync,
  copyFileSync,
  fsyncSync,
  openSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { openTillDb } from '../../db/till/connect';
import { readJournal } from '../../db/migration-guard';
import { seedCustomerNumberBlocks } from '../../electron/till/testing/seed-number-blocks';
import { seedTill, type SeededTill } from '../../electron/till/testing/seed-till';
import { generateBatch, type BatchPlan } from '../../sync-server/demo/batch';
import { createBulkUuidv7 } from '../../sync-server/demo/fast-ids';
import { DEMO_REFERENCE_TIME } from '../../sync-server/demo/dates';
import { CUSTOMER_INSERT, ACCOUNT_INSERT, accountParams, customerParams } from './till-rows';

// A till database holding a million generated customers, built once and cached under .bench/
// (gitignored). The key holds the data version and the till's migrations, so a schema change
// or a generator change rebuilds it instead of benchmarking a stale file.

const FILE_PREFIX = 'till-lookup-';
const DATA_VERSION = `${FILE_PREFIX}v1`;
const SEED = 0x7111;
const BATCH = 10_000;
const cacheDir = resolve(import.meta.dirname, '../../.bench');
const migrationsDir = resolve(import.meta.dirname, '../../db/till/migrations');

export type Dataset = { file: string; seeded: SeededTill; built: boolean; buildMs: number };

// The migrations' text, not just their names: an edited unreleased migration counts too.
const cacheKey = (customers: number) => {
  const hash = createHash('sha256');
  for (const entry of readJournal(migrationsDir)) {
    hash.update(readFileSync(join(migrationsDir, `${entry.tag}.sql`)));
  }
  return `${DATA_VERSION}-${hash.digest('hex').slice(0, 12)}-${customers}`;
};

/** The cached dataset, building it first if this version has none. */
export async function tillDataset(customers: number): Promise<Dataset> {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `${cacheKey(customers)}.sqlite`);
  const seedFile = `${file}.json`;
  if (existsSync(file) && existsSync(seedFile)) {
    const seeded = JSON.parse(readFileSync(seedFile, 'utf8')) as SeededTill;
    return { file, seeded, built: false, buildMs: 0 };
  }
  // Another version's file is half a gigabyte of disk nobody will read again.
  for (const stale of readdirSync(cacheDir).filter((name) => name.startsWith(FILE_PREFIX))) {
    rmSync(join(cacheDir, stale), { force: true });
  }
  const started = Date.now();
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const seeded = await build(building, customers);
  renameSync(building, file);
  writeFileSync(seedFile, JSON.stringify(seeded));
  return { file, seeded, built: true, buildMs: Date.now() - started };
}

async function build(file: string, customers: number): Promise<SeededTill> {
  const handle = openTillDb(file);
  const seeded = await seedTill(handle.db, 'CLO');
  seedCustomerNumberBlocks(handle.db, seeded.businessId, 1_000_000, customers + 1);
  const { sqlite } = handle;
  // Durability buys nothing while building a throw-away file; the benchmark reopens it with
  // the till's real settings.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const insertCustomer = sqlite.prepare(CUSTOMER_INSERT);
  const insertAccount = sqlite.prepare(ACCOUNT_INSERT);
  const plan: BatchPlan = {
    seed: SEED,
    now: DEMO_REFERENCE_TIME,
    newId: createBulkUuidv7(() => DEMO_REFERENCE_TIME),
    // A till holds every identity but only its own division's accounts.
    divisions: { CLO: { id: seeded.businessId, code: 'CLO' } },
    nextAccountNumber: { GRO: 1, RST: 1, CLO: 1, HWR: 1, CON: 1 },
    firstSequence: 1,
    lastSequence: customers,
  };
  // B-tree indexes are built far faster once, from sorted data, than a row at a time in
  // random order (uuids, phone numbers): drop them for the load, recreate them as the
  // migrations wrote them. The FTS triggers stay: FTS5 buffers a transaction's terms.
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null
       and tbl_name in ('universal_customers', 'customer_division_accounts')`,
    )
    .all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  sqlite.transaction(() => {
    for (let from = 1; from <= customers; from += BATCH) {
      const batch = generateBatch(plan, from, Math.min(BATCH, customers - from + 1));
      for (const customer of batch.customers) insertCustomer.run(customerParams(customer));
      for (const account of batch.accounts) insertAccount.run(accountParams(account));
      if ((from - 1) % 100_000 === 0) process.stdout.write(`  built ${from - 1} customers\r`);
    }
  })();
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  handle.close();
  return seeded;
}

/** A private copy to write into (the create benchmark adds customers). */
export function workingCopy(dataset: Dataset, dir: string): string {
  const copy = join(dir, 'till.sqlite');
  copyFileSync(dataset.file, copy);
  // Flush the copy now: otherwise the kernel writes its half gigabyte back while the create
  // benchmark runs, and every fsync of a commit queues behind it.
  const fd = openSync(copy, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  return copy;
}
