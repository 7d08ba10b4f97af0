import type { z } from 'zod';
import { parseOrThrow } from '../../shared/contract/result';

/** Parses a request part with a shared zod schema; a bad field becomes a 400 naming it. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseOrThrow(schema, body ?? {});
}
