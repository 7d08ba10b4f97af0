import { count, desc, sql, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { universalCustomers as c } from '../../../db/central/schema';
import { SEARCH_CAP, type CustomerSearchQuery } from '../../../shared/contract/head-office/search';

// One page of matches and their (capped) count in a single statement: the inner query reads
// at most SEARCH_CAP + 1 matches and stops, the outer one ranks, counts and pages them.

type Reader = Pick<CentralDb, 'select' | 'execute' | 'transaction'>;

const summary = {
  id: c.id,
  customerNumber: c.customerNumber,
  type: c.type,
  fullName: c.fullName,
  primaryPhone: c.primaryPhone,
  primaryEmail: c.primaryEmail,
  nationalId: c.nationalId,
  city: c.city,
  isActive: c.isActive,
  isBlacklisted: c.isBlacklisted,
  createdAt: c.createdAt,
};

/**
 * Broad matches (a common surname, a phone's first digits) run with sequential scans off:
 * with a LIMIT the planner can bet that scanning the table finds enough rows early, and with
 * clustered names it loses that bet badly (200 ms instead of 10). The index always wins here.
 */
export async function indexOnly<T>(
  db: Reader,
  broad: boolean,
  work: (tx: Reader) => Promise<T>,
): Promise<T> {
  if (!broad) return work(db);
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return work(tx);
    },
    { accessMode: 'read only' },
  );
}

export function page(
  db: Reader,
  where: SQL | undefined,
  rankBy: string | null,
  query: CustomerSearchQuery,
) {
  const m = db
    .select(summary)
    .from(c)
    .where(where)
    .limit(SEARCH_CAP + 1)
    .as('m');
  const newest = [desc(m.createdAt), desc(m.id)];
  return db
    .select({
      id: m.id,
      customerNumber: m.customerNumber,
      type: m.type,
      fullName: m.fullName,
      primaryPhone: m.primaryPhone,
      primaryEmail: m.primaryEmail,
      nationalId: m.nationalId,
      city: m.city,
      isActive: m.isActive,
      isBlacklisted: m.isBlacklisted,
      createdAt: m.createdAt,
      total: sql<string>`count(*) over ()`,
    })
    .from(m)
    .orderBy(...(rankBy ? [desc(sql`similarity(${m.fullName}, ${rankBy})`), ...newest] : newest))
    .limit(query.limit)
    .offset(query.offset);
}

/** Past the last page the window count is gone with the rows; a deep offset counts apart. */
export async function countCapped(db: Reader, where: SQL | undefined): Promise<number> {
  const m = db
    .select({ id: c.id })
    .from(c)
    .where(where)
    .limit(SEARCH_CAP + 1)
    .as('m');
  const [row] = await db.select({ n: count() }).from(m);
  return row?.n ?? 0;
}
