// drizzle wraps driver errors (DrizzleQueryError) with the PostgreSQL error as the cause;
// tests assert on the SQLSTATE, which says which constraint kind fired.
export function pgErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return pgErrorCode(error) ?? `no SQLSTATE: ${String(error)}`;
  }
  return 'resolved';
}
