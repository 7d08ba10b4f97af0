import { mkdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCentralDb } from '../db/central/connect';
import { AppError } from '../shared/contract/result';
import { DIVISION_CODES, type DivisionCode } from '../shared/domain/enums';
import { isCurrency } from '../shared/money/money';
import { formatReport } from '../sync-server/import/report';
import { runImport } from '../sync-server/import/run';

// `npm run import -- --division CLO path/to/customers.csv [--dry-run] [--currency USD]
//   [--database-url URL | --data-dir DIR]`
// A division's legacy BusinessCustomer export into the universal register (README, "Legacy
// import"). Into DATABASE_URL, else the server's embedded PGlite (stop the server first).

const USAGE =
  'usage: npm run import -- --division GRO|RST|CLO|HWR|CON FILE.csv [--dry-run] [--currency USD|ZWG] [--database-url URL | --data-dir DIR]';

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      division: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      currency: { type: 'string' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const division = DIVISION_CODES.find((code) => code === values.division?.toUpperCase());
  const [file, ...extra] = positionals;
  if (!division || !file || extra.length > 0) throw new Error(USAGE);
  if (values.currency !== undefined && !isCurrency(values.currency))
    throw new Error(`--currency must be USD or ZWG\n${USAGE}`);
  return {
    division: division satisfies DivisionCode,
    file: resolve(file),
    dryRun: values['dry-run'],
    currency:
      values.currency !== undefined && isCurrency(values.currency) ? values.currency : undefined,
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
    dataDir: resolve(
      values['data-dir'] ?? resolve(process.env.DATA_DIR ?? '.data/server', 'pglite'),
    ),
  };
}

async function main(): Promise<void> {
  const o = options();
  const csv = readFileSync(o.file, 'utf8');
  if (!o.databaseUrl) mkdirSync(o.dataDir, { recursive: true });
  const central = await openCentralDb(
    o.databaseUrl ? { databaseUrl: o.databaseUrl } : { dataDir: o.dataDir },
  );
  try {
    const report = await runImport(central.db, {
      division: o.division,
      csv,
      dryRun: o.dryRun,
      file: basename(o.file),
      ...(o.currency ? { currency: o.currency } : {}),
    });
    for (const line of formatReport(report)) console.log(line);
  } finally {
    await central.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError || error instanceof Error ? error.message : error);
  process.exit(1);
});
