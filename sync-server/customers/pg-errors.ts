// drizzle wraps driver errors with the PostgreSQL error as the cause; node-postgres and PGlite
// both carry the SQLSTATE in `code` and the constraint's name in `constraint`.

function findField(error: unknown, key: 'code' | 'constraint'): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const value = (current as Error & Partial<Record<typeof key, unknown>>)[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export const sqlState = (error: unknown) => findField(error, 'code');
export const violatedConstraint = (error: unknown) => findField(error, 'constraint');

export const UNIQUE_VIOLATION = '23505';
