import type { z } from 'zod';

// Every boundary (IPC, browser-mode HTTP, REST, sync) answers with this shape, so callers
// never parse thrown strings.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'LOCKED_OUT',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_ENROLLED',
  'UNAVAILABLE',
  'UPGRADE_REQUIRED',
  // The till was away longer than the tombstone window: it must download its data again.
  'RESYNC_REQUIRED',
  // The server is busy: try again after the Retry-After it sent.
  'OVERLOADED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ApiError = { code: ErrorCode; message: string; field?: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** Names the first bad field, e.g. `pin: must be 4 to 6 digits`. */
export function fromZodError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'invalid input';
  return field === undefined
    ? { code: 'INVALID_INPUT', message }
    : { code: 'INVALID_INPUT', message, field };
}

/** Parses untrusted input, throwing an AppError that names the field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const error = fromZodError(parsed.error);
    throw new AppError(error.code, error.message, error.field);
  }
  return parsed.data;
}

/** HTTP status for an error code, shared by the browser host and the sync server. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NOT_ENROLLED: 409,
  LOCKED_OUT: 423,
  UNAVAILABLE: 503,
  UPGRADE_REQUIRED: 426,
  RESYNC_REQUIRED: 410,
  OVERLOADED: 429,
  INTERNAL: 500,
};
