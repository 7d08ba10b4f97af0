import type Database from 'better-sqlite3';

// drizzle compiles every query it runs afresh: better-sqlite3's prepare (SQLite parsing and
// planning the statement) took an eighth of a layby payment's CPU, for the same dozen SQL
// texts every time. This keeps the compiled statements of the connection, by their text, so
// the query builder's statements are compiled once and reused (SQLite recompiles a statement
// by itself when the schema changes under it).
//
// A statement is shared by everyone who prepares the same text, so its modes are put back on
// every reuse: drizzle switches raw (array rows) on for its typed selects and expects objects
// from the same statement otherwise. Nothing in this repository changes pluck or expand; they
// are reset all the same. A statement still being iterated is busy: that caller gets its own.
export const STATEMENT_CACHE_SIZE = 512;

export function cacheStatements(
  sqlite: Database.Database,
  size: number = STATEMENT_CACHE_SIZE,
): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  const cached = (source: string): Database.Statement => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      // Most recently used last, so the first key is the one to evict.
      cache.delete(source);
      cache.set(source, hit);
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const statement = prepare(source);
    if (!hit) {
      cache.set(source, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
    }
    return statement;
  };
  sqlite.prepare = cached as typeof sqlite.prepare;
}
