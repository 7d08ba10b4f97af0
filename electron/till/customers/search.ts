import type { SearchResult } from '../../../shared/contract/till/customer-methods';
import type { CustomerHit } from '../../../shared/contract/till/customer-views';
import {
  classifySearch,
  phonePrefixRange,
  type SearchQuery,
} from '../../../shared/domain/customers/search-query';
import {
  ACCOUNT_JOIN,
  HIT_COLUMNS,
  LIVE,
  LIVE_ROW,
  toHit,
  type HitRow,
  type Statements,
} from './hit-sql';
import { searchNames } from './name-search';

export const SEARCH_LIMIT = 20;

const select = (where: string, order = 'c.is_active desc, c.full_name') =>
  `select ${HIT_COLUMNS} from universal_customers c ${ACCOUNT_JOIN} where ${where} order by ${order} limit ${SEARCH_LIMIT}`;

// Each kind of query goes straight to its own index; nothing here scans the table.
const SQL = {
  // Merged numbers are found too, then redirected to the survivor (a scanned old card still works).
  customerNumber: select(
    `c.id = coalesce((select coalesce(m.merged_into_id, m.id) from universal_customers m where m.customer_number = @value), '') and ${LIVE_ROW}`,
  ),
  divisionNumber: select(
    `c.id in (select d.universal_customer_id from customer_division_accounts d
      where d.business_id = (select id from businesses where code = @division)
        and d.division_customer_number = @value and d.deleted_at is null) and ${LIVE_ROW}`,
  ),
  phone: select(
    `c.rowid in (select rowid from universal_customers where primary_phone = @value
      union select rowid from universal_customers where alternate_phone = @value) and ${LIVE_ROW}`,
  ),
  phonePrefix: select(
    `c.rowid in (
      select rowid from (select rowid from universal_customers
        where primary_phone >= @from and primary_phone < @to limit ${SEARCH_LIMIT})
      union select rowid from (select rowid from universal_customers
        where alternate_phone >= @from and alternate_phone < @to limit ${SEARCH_LIMIT})
    ) and ${LIVE_ROW}`,
  ),
  nationalId: select(`c.national_id = @value and ${LIVE}`),
  email: select(`c.primary_email = @value and ${LIVE}`),
} as const;

function run(query: Exclude<SearchQuery, { kind: 'empty' | 'name' }>): {
  sql: string;
  params: Record<string, string>;
  matchedBy: CustomerHit['matchedBy'];
} {
  switch (query.kind) {
    case 'customerNumber':
      return {
        sql: SQL.customerNumber,
        params: { value: query.customerNumber },
        matchedBy: 'customerNumber',
      };
    case 'divisionNumber':
      return {
        sql: SQL.divisionNumber,
        params: { value: query.divisionCustomerNumber, division: query.division },
        matchedBy: 'divisionNumber',
      };
    case 'phone':
      return { sql: SQL.phone, params: { value: query.e164 }, matchedBy: 'phone' };
    case 'phonePrefix':
      return {
        sql: SQL.phonePrefix,
        params: phonePrefixRange(query.digitsPrefix),
        matchedBy: 'phone',
      };
    case 'nationalId':
      return { sql: SQL.nationalId, params: { value: query.canonical }, matchedBy: 'nationalId' };
    case 'email':
      return { sql: SQL.email, params: { value: query.email }, matchedBy: 'email' };
  }
}

/** Lookup while the cashier types: exact identifiers by index, names by FTS5 and bm25. */
export function searchCustomers(
  statements: Statements,
  text: string,
  businessId: string,
): SearchResult {
  const query = classifySearch(text);
  if (query.kind === 'empty') return { kind: 'empty', hits: [] };
  if (query.kind === 'name')
    return { kind: 'name', hits: searchNames(statements, query.tokens, businessId) };
  const { sql, params, matchedBy } = run(query);
  const rows = statements(sql).all({ ...params, businessId }) as HitRow[];
  return { kind: query.kind, hits: rows.map((row) => toHit(row, matchedBy)) };
}
