// tx.execute answers { rows } on node-postgres and on PGlite; drizzle types it loosely on the
// common base, so the rows are read through this one helper.
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
