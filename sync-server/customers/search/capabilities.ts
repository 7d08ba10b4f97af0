import { sql } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';

// Whether the database has pg_trgm (migration 0002 installs it where it can). Without it name
// search still works, by scanning, and ranks newest first instead of by similarity. Asked once
// per database: extensions are not installed behind a running server's back.

const known = new WeakMap<object, Promise<boolean>>();

export function hasTrigramSearch(db: Pick<CentralDb, 'execute'>): Promise<boolean> {
  let answer = known.get(db);
  if (!answer) {
    answer = db
      .execute(sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as present`)
      .then((result) => {
        const rows = (result as { rows?: { present: boolean }[] }).rows ?? [];
        return rows[0]?.present === true;
      });
    known.set(db, answer);
  }
  return answer;
}
