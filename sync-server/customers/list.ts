import { and, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { customerDivisionAccounts, universalCustomers } from '../../db/central/schema';
import type { CustomerListQuery } from '../../shared/contract/head-office/customers';
import { endBound, startBound } from '../../shared/contract/head-office/paging';
import type { Customer } from '../../shared/contract/head-office/customers';
import { loadDivisions, type Divisions } from './divisions';
import { toCustomer } from './dto';
import { SEARCH_CAP } from '../../shared/contract/head-office/search';
import { hasTrigramSearch } from './search/capabilities';
import { indexOnly } from './search/page';
import { conditionFor, liveCustomer } from './search/conditions';
import { classifySearch } from '../../shared/domain/customers/search-query';

// GET /api/customers: live customers, newest first, narrowed by filters. Account filters
// (division, account status, loyalty tier) mean "has an account that matches all of them".

const c = universalCustomers;
const a = customerDivisionAccounts;

function stateFilter(status: CustomerListQuery['status']): SQL | undefined {
  if (status === 'ACTIVE') return and(eq(c.isActive, true), eq(c.isBlacklisted, false));
  if (status === 'INACTIVE') return eq(c.isActive, false);
  if (status === 'BLACKLISTED') return eq(c.isBlacklisted, true);
  return undefined;
}

function accountFilter(query: CustomerListQuery, divisions: Divisions): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.division) {
    const division = divisions.byCode.get(query.division);
    conditions.push(division ? eq(a.businessId, division.id) : sql`false`);
  }
  if (query.accountStatus) conditions.push(eq(a.status, query.accountStatus));
  if (query.tier) conditions.push(eq(a.loyaltyTier, query.tier));
  if (conditions.length === 0) return undefined;
  return sql`exists (select 1 from ${a} where ${a.universalCustomerId} = ${c.id} and ${and(...conditions)})`;
}

export function listFilter(query: CustomerListQuery, divisions: Divisions): SQL | undefined {
  return and(
    liveCustomer(),
    query.type ? eq(c.type, query.type) : undefined,
    stateFilter(query.status),
    query.tag ? sql`${c.tags} @> array[${query.tag}]::text[]` : undefined,
    query.createdFrom ? gte(c.createdAt, startBound(query.createdFrom)) : undefined,
    query.createdTo ? lt(c.createdAt, endBound(query.createdTo)) : undefined,
    accountFilter(query, divisions),
  );
}

/**
 * With `q`, the list is the search's matches (at most SEARCH_CAP, found through the index for
 * that kind of query, filters applied) shown newest first: ordering a name search by date
 * straight off the table would walk the date index past a million rows for a rare name.
 */
async function narrowBy(
  db: CentralDb,
  q: string,
  filter: SQL | undefined,
  divisions: Divisions,
): Promise<{ where: SQL; broad: boolean } | null> {
  const classified = classifySearch(q);
  const condition = conditionFor(db, classified, q, divisions, await hasTrigramSearch(db));
  if ('hint' in condition) return null;
  const survivor = condition.redirect ? await condition.redirect() : null;
  const matching = and(filter, survivor ? or(condition.where, survivor) : condition.where);
  const capped = db.select({ id: c.id }).from(c).where(matching).limit(SEARCH_CAP);
  return {
    where: inArray(c.id, capped),
    broad: classified.kind === 'name' || classified.kind === 'phonePrefix',
  };
}

export async function listCustomers(
  db: CentralDb,
  query: CustomerListQuery,
): Promise<{ items: Customer[]; total: number }> {
  const divisions = await loadDivisions(db);
  const filter = listFilter(query, divisions);
  const narrowed = query.q
    ? await narrowBy(db, query.q, filter, divisions)
    : { where: filter, broad: false };
  if (!narrowed) return { items: [], total: 0 };
  return indexOnly(db, narrowed.broad, async (tx) => {
    const rows = await tx
      .select()
      .from(c)
      .where(narrowed.where)
      .orderBy(desc(c.createdAt), desc(c.id))
      .limit(query.limit)
      .offset(query.offset);
    const [counted] = await tx.select({ n: count() }).from(c).where(narrowed.where);
    return { items: rows.map(toCustomer), total: Number(counted?.n ?? 0) };
  });
}
