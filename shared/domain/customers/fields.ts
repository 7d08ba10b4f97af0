import { z } from 'zod';
import {
  cleanName,
  normaliseEmail,
  normaliseNationalId,
  normalisePhone,
  type Normalised,
} from './normalise';

// One zod schema per customer field. Each parses what a cashier typed into the canonical
// stored form, so a form, an IPC call, a sync payload and an import file all agree. Parsing a
// canonical value again returns it unchanged, which is what lets sync payloads reuse these.

/** Forms send '' for an empty box; the database stores null. */
const blankToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

const fromNormalised =
  <T>(normalise: (input: string) => Normalised<T>) =>
  (value: string, ctx: z.RefinementCtx): T => {
    const result = normalise(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  };

export const nullable = <S extends z.ZodType>(schema: S) =>
  z.preprocess(blankToNull, schema.nullable());

export const text = (max: number) =>
  z
    .string({ message: 'must be text' })
    .transform(cleanName)
    .pipe(z.string().max(max, { message: `must be at most ${max} characters` }));

export const Phone = z.string({ message: 'is required' }).transform(fromNormalised(normalisePhone));

export const Email = z
  .string({ message: 'must be text' })
  .transform(fromNormalised(normaliseEmail));

export const NationalIdField = z
  .string({ message: 'must be text' })
  .transform(fromNormalised(normaliseNationalId))
  .transform((id) => id.canonical);

export const PassportNumber = z
  .string({ message: 'must be text' })
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{5,20}$/, { message: 'must be 5 to 20 letters or digits' }));

/** YYYY-MM-DD, a real calendar date from 1900 on. A calendar date, not an instant. */
export const CalendarDate = z
  .string({ message: 'must be a date' })
  .trim()
  .refine(isCalendarDate, { message: 'must be a date such as 1990-07-14' });

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Tags are matched case-blind, so they are stored lower-case, once each. */
export const Tags = z
  .array(text(30).pipe(z.string().min(1, { message: 'must not be empty' })), {
    message: 'must be a list of tags',
  })
  .max(20, { message: 'must be at most 20 tags' })
  .transform((tags) => [...new Set(tags.map((tag) => tag.toLowerCase()))]);

export const Reason = text(500).pipe(z.string().min(3, { message: 'is required (say why)' }));
