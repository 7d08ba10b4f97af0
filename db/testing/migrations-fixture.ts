import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalEntry } from '../migration-guard';

/**
 * Copies a migrations folder to a temp dir and appends one more migration, dated after the
 * last: what a newer build of the app would ship. Used to test the newer-database guard and
 * transactional migrations.
 */
export function migrationsWithExtra(source: string, tag: string, sqlStatements: string[]): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'unitill-migrations-')), 'migrations');
  cpSync(source, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] };
  const last = journal.entries.at(-1);
  if (!last) throw new Error(`${source} has no migrations`);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 60_000, tag });
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  writeFileSync(join(folder, `${tag}.sql`), sqlStatements.join('\n--> statement-breakpoint\n'));
  return folder;
}
