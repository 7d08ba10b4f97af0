import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFolder, checkMigrations, findSchemaDrift } from './check-migrations';
import type { JournalEntry } from './migration-guard';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'unitill-check-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('db:check', () => {
  it('finds the committed migrations in step with both schemas', async () => {
    expect(await checkMigrations()).toEqual([]);
  });

  it('reports a schema change that has no migration yet', async () => {
    // A schema file outside the repo: the real till schema plus one new table.
    const require = createRequire(import.meta.url);
    const probe = join(work, 'drift-schema.ts');
    writeFileSync(
      probe,
      `export * from ${JSON.stringify(here('./till/schema/index.ts'))};\n` +
        `import { sqliteTable, text } from ${JSON.stringify(require.resolve('drizzle-orm/sqlite-core'))};\n` +
        `export const driftProbe = sqliteTable('drift_probe', { id: text('id').primaryKey() });\n`,
    );
    const drift = await findSchemaDrift({
      name: 'till',
      config: here('./till/drizzle.config.ts'),
      schema: probe,
    });
    expect(drift).toHaveLength(1);
    expect(drift[0]).toContain('CREATE TABLE `drift_probe`');
  });

  it('reports a journal out of order and a migration file missing from the journal', () => {
    const folder = join(work, 'broken');
    cpSync(here('./till/migrations'), folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] };
    const first = journal.entries[0];
    if (!first) throw new Error('no migrations');
    journal.entries.push({
      ...first,
      idx: 1,
      when: first.when - 1,
      tag: '0001_older_than_its_parent',
    });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(folder, '0001_older_than_its_parent.sql'), 'select 1;');
    writeFileSync(join(folder, '0002_stray.sql'), 'select 1;');

    const problems = checkFolder(folder).join('\n');
    expect(problems).toContain('0001_older_than_its_parent: timestamp');
    expect(problems).toContain('0002_stray.sql is not in the journal');
    expect(checkFolder(here('./till/migrations'))).toEqual([]);
  });
});
