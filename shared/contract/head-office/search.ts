import { z } from 'zod';
import { DIVISION_CODES } from '../../domain/enums';
import { CustomerSummary } from './customers';
import { PageQuery } from './paging';

// GET /api/customers/search: one box that takes whatever staff type — a customer or division
// number, a phone (whole or its start), a national id, an email or parts of a name. The
// server classifies it with the shared rules (shared/domain/customers/search-query.ts).

export const SEARCH_KINDS = [
  'empty',
  'customerNumber',
  'divisionNumber',
  'phone',
  'phonePrefix',
  'nationalId',
  'email',
  'name',
] as const;

/** Matches read per search: ranking and counting ten thousand Moyos helps nobody; past a
 * couple of hundred, the person searching types more. */
export const SEARCH_CAP = 200;

export const CustomerSearchQuery = PageQuery.extend({
  q: z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'is required' })
    .max(100, { message: 'must be at most 100 characters' }),
  division: z.enum(DIVISION_CODES).optional().describe('only customers with an account there'),
});
export type CustomerSearchQuery = z.output<typeof CustomerSearchQuery>;

export const CustomerSearchResult = z.object({
  kind: z.enum(SEARCH_KINDS).describe('how the query was read'),
  items: z.array(CustomerSummary),
  total: z.number().int(),
  totalCapped: z
    .boolean()
    .describe(
      `true when more than ${SEARCH_CAP} customers match: total is then ${SEARCH_CAP}; narrow the query`,
    ),
  limit: z.number().int(),
  offset: z.number().int(),
  hint: z.string().optional().describe('why nothing could be searched, e.g. too short'),
});
export type CustomerSearchResult = z.infer<typeof CustomerSearchResult>;
