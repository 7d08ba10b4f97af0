import { and, sql, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { customerDivisionAccounts, universalCustomers } from '../../../db/central/schema';
import {
  SEARCH_CAP,
  type CustomerSearchQuery,
  type CustomerSearchResult,
} from '../../../shared/contract/head-office/search';
import type { DivisionCode } from '../../../shared/domain/enums';
import { classifySearch } from '../../../shared/domain/customers/search-query';
import { loadDivisions, type Divisions } from '../divisions';
import { toSummary } from '../dto';
import { hasTrigramSearch } from './capabilities';
import { countCapped, indexOnly, page } from './page';
import { conditionFor, liveCustomer } from './conditions';

// GET /api/customers/search: classify what was typed with the shared rules, run the one
// indexed lookup that kind needs, rank names by trigram similarity. At most SEARCH_CAP
// matches are read (the index scan stops there), then ranked and counted in the same
// statement: a common surname costs a few milliseconds instead of reading ten thousand rows.

const c = universalCustomers;

export function hasAccountIn(businessId: string): SQL {
  const a = customerDivisionAccounts;
  return sql`exists (select 1 from ${a} where ${a.universalCustomerId} = ${c.id} and ${a.businessId} = ${businessId})`;
}

export function divisionFilter(
  divisions: Divisions,
  code: DivisionCode | undefined,
): SQL | undefined {
  if (!code) return undefined;
  const division = divisions.byCode.get(code);
  return division ? hasAccountIn(division.id) : sql`false`;
}

export async function searchCustomers(
  db: CentralDb,
  query: CustomerSearchQuery,
): Promise<CustomerSearchResult> {
  const classified = classifySearch(query.q);
  const base = { kind: classified.kind, limit: query.limit, offset: query.offset };
  const divisions = await loadDivisions(db);
  const condition = conditionFor(db, classified, query.q, divisions, await hasTrigramSearch(db));
  if ('hint' in condition)
    return { ...base, items: [], total: 0, totalCapped: false, hint: condition.hint };
  const scope = divisionFilter(divisions, query.division);
  const broad = classified.kind === 'name' || classified.kind === 'phonePrefix';
  return indexOnly(db, broad, async (tx) => {
    let where = and(liveCustomer(), condition.where, scope);
    let rows = await page(tx, where, condition.rankBy, query);
    if (rows.length === 0 && condition.redirect) {
      const survivor = await condition.redirect();
      if (survivor) {
        where = and(liveCustomer(), survivor, scope);
        rows = await page(tx, where, null, query);
      }
    }
    const counted = rows[0]
      ? Number(rows[0].total)
      : query.offset > 0
        ? await countCapped(tx, where)
        : 0;
    return {
      ...base,
      items: rows.map(({ total: _total, ...row }) => toSummary(row)),
      total: Math.min(counted, SEARCH_CAP),
      totalCapped: counted > SEARCH_CAP,
    };
  });
}
