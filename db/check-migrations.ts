import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { readJournal } from './migration-guard';

// `npm run db:check`: fails when a drizzle schema has changes that no migration holds yet, or
// when a migrations folder is inconsistent (journal out of order, files missing or extra).
// Drift is found by running drizzle-kit generate against a throw-away copy of the folder:
// if it writes anything, the committed migrations are behind the schema.

export type MigrationTarget = {
  name: string;
  /** drizzle-kit config file; its `out` is replaced by a temporary copy. */
  config: string;
  /** Overrides the config's schema, for tests. */
  schema?: string;
};

const execFileAsync = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The package exports only its API; its CLI sits beside the entry point.
const drizzleKitBin = join(
  dirname(createRequire(import.meta.url).resolve('drizzle-kit')),
  'bin.cjs',
);

export const DEFAULT_TARGETS: MigrationTarget[] = [
  { name: 'central', config: join(repoRoot, 'db/central/drizzle.config.ts') },
  { name: 'till', config: join(repoRoot, 'db/till/drizzle.config.ts') },
];

/** Problems found in one migrations folder; empty when it is consistent. */
export function checkFolder(folder: string): string[] {
  if (!existsSync(join(folder, 'meta', '_journal.json')))
    return [`${folder}: no meta/_journal.json`];
  const problems: string[] = [];
  const entries = readJournal(folder);
  entries.forEach((entry, i) => {
    if (entry.idx !== i) problems.push(`${entry.tag}: journal index ${entry.idx}, expected ${i}`);
    const previous = entries[i - 1];
    // drizzle skips any migration not newer than the newest applied one, so an entry that
    // is not strictly later than its predecessor would silently never run on some databases.
    if (previous && entry.when <= previous.when) {
      problems.push(
        `${entry.tag}: timestamp ${entry.when} is not after ${previous.tag} (${previous.when})`,
      );
    }
    if (!existsSync(join(folder, `${entry.tag}.sql`))) problems.push(`${entry.tag}.sql is missing`);
  });
  const tags = new Set(entries.map((entry) => entry.tag));
  for (const file of readdirSync(folder)) {
    if (file.endsWith('.sql') && !tags.has(file.slice(0, -4)))
      problems.push(`${file} is not in the journal`);
  }
  return problems.map((p) => `${folder}: ${p}`);
}

/** Runs drizzle-kit generate into a copy of the target's migrations; returns what it added. */
export async function findSchemaDrift(target: MigrationTarget): Promise<string[]> {
  const config = (await import(pathToFileURL(target.config).href)) as { default: { out?: string } };
  const out = resolve(repoRoot, config.default.out ?? 'drizzle');
  const work = mkdtempSync(join(tmpdir(), `unitill-db-check-${target.name}-`));
  try {
    const copy = join(work, 'migrations');
    if (existsSync(out)) cpSync(out, copy, { recursive: true });
    const before = new Set(existsSync(copy) ? readdirSync(copy) : []);
    // drizzle-kit prefixes './' to its paths, so they must be relative to the repository root.
    const fromRoot = (path: string) => JSON.stringify(relative(repoRoot, path));
    const tempConfig = join(work, 'drizzle.config.ts');
    const schemaLine = target.schema ? `schema: ${fromRoot(target.schema)},` : '';
    writeFileSync(
      tempConfig,
      `import base from ${JSON.stringify(target.config)};\n` +
        `export default { ...base, ${schemaLine} out: ${fromRoot(copy)} };\n`,
    );
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [drizzleKitBin, 'generate', '--config', tempConfig],
      {
        cwd: repoRoot,
        timeout: 120_000,
      },
    );
    const added = existsSync(copy) ? readdirSync(copy).filter((file) => !before.has(file)) : [];
    // drizzle-kit exits 0 even when it fails (a schema that does not load, a bad path), so
    // "nothing written" only counts as clean when it said so.
    if (added.length === 0 && !/No schema changes/.test(stdout)) {
      return [`${target.name}: drizzle-kit generate did not finish:\n${stdout}\n${stderr}`];
    }
    return added
      .filter((file) => file.endsWith('.sql'))
      .map(
        (file) =>
          `${target.name}: schema changes not in a migration:\n${readFileSync(join(copy, file), 'utf8')}`,
      );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function checkMigrations(
  targets: MigrationTarget[] = DEFAULT_TARGETS,
): Promise<string[]> {
  const problems: string[] = [];
  for (const target of targets) {
    const config = (await import(pathToFileURL(target.config).href)) as {
      default: { out?: string };
    };
    problems.push(...checkFolder(resolve(repoRoot, config.default.out ?? 'drizzle')));
    problems.push(...(await findSchemaDrift(target)));
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = await checkMigrations();
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error(
      '\nRun `npm run db:generate` and commit the new migration (never edit a released one).',
    );
    process.exit(1);
  }
  console.warn('Migrations match the schemas.');
}
