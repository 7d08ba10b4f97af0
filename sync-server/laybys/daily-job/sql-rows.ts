import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

// Raw statements answer { rows } on node-postgres and PGlite alike; drizzle types execute()
// loosely on their common base, so the rows are read defensively here, once.
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? [];
}

/**
 * An instant column as epoch milliseconds in text. Drizzle hands timestamptz back as
 * PostgreSQL's own text ('2026-03-01 22:00:00+00'), which Date.parse does not promise to read.
 */
export const epochMs = (column: AnyColumn | SQL): SQL<string | null> =>
  sql<string | null>`(extract(epoch from ${column}) * 1000)::bigint::text`;

/** A JSON array as one jsonb parameter, so a batch of any size is a single bound value. */
export const jsonbParam = (rows: readonly unknown[]): SQL => sql`${JSON.stringify(rows)}::jsonb`;
