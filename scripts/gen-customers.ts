import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCentralDb } from '../db/central/connect';
import { generateCustomers, type GenerateProgress } from '../sync-server/demo/generate';
import { seedDemo } from '../sync-server/demo/seed';

// `npm run gen -- --customers 1000000 [--database-url URL] [--seed N] [--batch N] [--parallel N]`
// Generates demo customers and their division accounts into the central database: the one
// at --database-url or DATABASE_URL, else the server's embedded PGlite in .data/server/pglite.
// Numbering continues after the customers already there, so runs can be repeated.

const USAGE =
  'usage: npm run gen -- --customers N [--database-url URL | --data-dir DIR] [--seed N] [--batch N] [--parallel N]';
// The same place `npm run server` keeps its embedded database (DATA_DIR/pglite).
const defaultPgliteDir = () => resolve(process.env.DATA_DIR ?? '.data/server', 'pglite');

function readOptions() {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '1000' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      batch: { type: 'string', default: '5000' },
      parallel: { type: 'string', default: '2' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  const integer = (name: string, text: string, min: number): number => {
    const value = Number(text.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be an integer >= ${min}, got "${text}"\n${USAGE}`);
    return value;
  };
  return {
    customers: integer('customers', values.customers, 1),
    seed: integer('seed', values.seed, 0),
    batchSize: integer('batch', values.batch, 1),
    parallel: integer('parallel', values.parallel, 1),
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
    dataDir: values['data-dir'] ? resolve(values['data-dir']) : defaultPgliteDir(),
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function progressLine(p: GenerateProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = p.customers / seconds;
  const rows = p.customers + p.accounts;
  const eta = rate > 0 ? ((p.total - p.customers) / rate) * 1000 : 0;
  return `${fmt(p.customers)}/${fmt(p.total)} customers, ${fmt(rows)} rows · ${fmt(rate)} customers/s · ${fmt(rows / seconds)} rows/s · ETA ${duration(eta)}`;
}

async function main(): Promise<void> {
  const options = readOptions();
  if (!options.databaseUrl) mkdirSync(options.dataDir, { recursive: true });
  const central = await openCentralDb(
    options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: options.dataDir },
  );
  const where = options.databaseUrl
    ? new URL(options.databaseUrl).host + new URL(options.databaseUrl).pathname
    : options.dataDir;
  console.error(
    `Generating ${fmt(options.customers)} customers into ${central.kind} (${where}), seed ${options.seed}`,
  );
  // An embedded database belongs to one process: a running server would not see these rows
  // and the two writers could damage the files.
  if (central.kind === 'pglite')
    console.error('Stop `npm run server` first if it uses this data directory.');
  try {
    // Accounts belong to divisions, so an empty database gets the demo group first.
    const seeded = await seedDemo(central.db, { customers: 0 });
    if (seeded.created)
      console.error(
        'The database was empty: seeded the demo group, its staff and catalogue first.',
      );
    const interactive = process.stderr.isTTY;
    let lastPrint = 0;
    const done = await generateCustomers(central.db, {
      customers: options.customers,
      seed: options.seed,
      batchSize: options.batchSize,
      // PostgreSQL takes batches on two connections; PGlite has only one.
      parallel: central.kind === 'postgres' ? options.parallel : 1,
      onProgress: (p) => {
        // A terminal gets one line redrawn in place; a log file gets a line every few seconds.
        if (interactive) process.stderr.write(`\r${progressLine(p)}\u001b[K`);
        else if (p.elapsedMs - lastPrint >= 5_000 || p.customers === p.total) {
          lastPrint = p.elapsedMs;
          process.stderr.write(`${progressLine(p)}\n`);
        }
      },
    });
    if (interactive) process.stderr.write('\n');
    const last = done.firstNumber + done.customers - 1;
    console.error(
      `Done: ${fmt(done.customers)} customers (UCST-${String(done.firstNumber).padStart(6, '0')} to UCST-${String(last).padStart(6, '0')}) ` +
        `and ${fmt(done.accounts)} division accounts in ${(done.elapsedMs / 1000).toFixed(1)} s ` +
        `(${fmt(done.customers / (done.elapsedMs / 1000))} customers/s).`,
    );
  } finally {
    await central.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
