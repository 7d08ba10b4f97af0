import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CentralDb } from '../../../db/central/connect';
import { universalCustomers, type UniversalCustomerRow } from '../../../db/central/schema';
import type { DuplicatePage, DuplicatesQuery } from '../../../shared/contract/head-office/merge';
import { duplicateReasons } from '../../../shared/domain/customers/duplicates';
import { toSummary } from '../dto';
import { hasTrigramSearch } from '../search/capabilities';
import { pairsFor, registerWidePairs } from './candidates';

// GET /api/customers/duplicates: candidate pairs from SQL, kept only when the shared rules
// (the ones the till warns with) give a reason; strongest evidence first.

export async function findDuplicates(
  db: CentralDb,
  query: z.output<typeof DuplicatesQuery>,
): Promise<z.output<typeof DuplicatePage>> {
  const pairs = query.customerId
    ? await pairsFor(db, query.customerId, await hasTrigramSearch(db))
    : await registerWidePairs(db);
  const ids = [...new Set(pairs.flat())];
  const rows = ids.length
    ? await db.select().from(universalCustomers).where(inArray(universalCustomers.id, ids))
    : [];
  const byId = new Map<string, UniversalCustomerRow>(rows.map((row) => [row.id, row]));
  const likely = pairs.flatMap(([a, b]) => {
    const first = byId.get(a);
    const second = byId.get(b);
    if (!first || !second) return [];
    const reasons = duplicateReasons(first, second);
    return reasons.length > 0 ? [{ first, second, reasons }] : [];
  });
  likely.sort(
    (x, y) =>
      y.reasons.length - x.reasons.length ||
      x.first.customerNumber.localeCompare(y.first.customerNumber) ||
      x.second.customerNumber.localeCompare(y.second.customerNumber),
  );
  return {
    total: likely.length,
    limit: query.limit,
    offset: query.offset,
    items: likely.slice(query.offset, query.offset + query.limit).map((pair) => ({
      first: toSummary(pair.first),
      second: toSummary(pair.second),
      reasons: pair.reasons,
    })),
  };
}
