import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// drizzle's migrators only apply journal entries newer than the newest one a database has
// recorded; they say nothing when the database is NEWER than the app (a till rolled back
// to an older build, an old server started against a migrated database). Running old code
// on a newer schema corrupts quietly, so both connection modules refuse it up front.

export type JournalEntry = { idx: number; when: number; tag: string };

export class DatabaseNewerThanAppError extends Error {
  override name = 'DatabaseNewerThanAppError';
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const text = readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8');
  const parsed = JSON.parse(text) as { entries?: JournalEntry[] };
  return parsed.entries ?? [];
}

/**
 * Throws when the database records a migration this app does not ship. drizzle identifies an
 * applied migration by its journal timestamp (created_at), so that is what is compared.
 */
export function assertNoUnknownMigrations(
  appliedCreatedAt: readonly number[],
  known: readonly JournalEntry[],
  database: string,
): void {
  const knownWhen = new Set(known.map((entry) => entry.when));
  const unknown = appliedCreatedAt.filter((when) => !knownWhen.has(when));
  if (unknown.length === 0) return;
  const newestKnown = known.at(-1)?.tag ?? 'none';
  throw new DatabaseNewerThanAppError(
    `${database} was migrated by a newer version of Unitill: it has ${unknown.length} ` +
      `migration(s) this app does not know (applied at ${unknown.map((w) => new Date(w).toISOString()).join(', ')}; ` +
      `newest known here: ${newestKnown}). Install the newer version of the app; ` +
      `opening the database with this one could damage it.`,
  );
}
