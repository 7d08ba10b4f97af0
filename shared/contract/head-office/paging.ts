import { z } from 'zod';

// Paging and date filters shared by every head-office list. Query strings arrive as text, so
// numbers are coerced; offsets are capped because a deep offset reads every row before it
// (narrow the list with filters instead).

export const MAX_PAGE_SIZE = 200;
export const MAX_OFFSET = 100_000;

export const PageQuery = z.object({
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1' })
    .max(MAX_PAGE_SIZE, { message: `must be at most ${MAX_PAGE_SIZE}` })
    .default(50),
  offset: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'must not be negative' })
    .max(MAX_OFFSET, { message: `must be at most ${MAX_OFFSET}; filter the list instead` })
    .default(0),
});

/** A page of items with the total across all pages. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

/** 2025-03-01 or a full ISO timestamp; a bare date means midnight UTC. */
export const DateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: 'must be a date such as 2025-03-01 or an ISO timestamp',
});

/** A bare date as an upper bound includes that whole day. */
export function endBound(value: string): string {
  if (value.length !== 10) return new Date(value).toISOString();
  const next = new Date(`${value}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

export const startBound = (value: string) =>
  new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value).toISOString();

/** Adds the "from must not be after to" check to a query with a date range. */
export function checkRange(
  range: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
  toField: string,
): void {
  if (range.from && range.to && startBound(range.from) >= endBound(range.to)) {
    ctx.addIssue({ code: 'custom', path: [toField], message: 'must not be before the start' });
  }
}
