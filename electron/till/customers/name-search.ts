import type { CustomerHit } from '../../../shared/contract/till/customer-views';
import {
  ACCOUNT_JOIN,
  HIT_COLUMNS,
  LIVE_ROW,
  toHit,
  type HitRow,
  type Statements,
} from './hit-sql';

// Names through the FTS5 index (migration 0002). bm25 is the better order, but it costs about
// a microsecond per matching customer plus a pass over every doclist of the query's prefixes
// (200 ms for "ma" at a million customers). So: count the matches up to a cap, streaming;
// rank a narrow query by bm25, and order a broad one ("ma", "moyo t") by a cheap score over
// the first matches. A cashier who typed two letters is still typing.

export const NAME_LIMIT = 20;
const CANDIDATES = 500;
/** Shorter prefixes match so many names that bm25's statistics alone cost milliseconds. */
const MIN_RANKED_TOKEN = 3;

const prefixQuery = (tokens: readonly string[]) => tokens.map((t) => `"${t}"*`).join(' ');
// An exact word counts as a second phrase hit, so bm25 puts "Tendai" before "Tendaishe".
const rankedQuery = (tokens: readonly string[]) =>
  tokens.map((t) => `("${t}" OR "${t}"*)`).join(' AND ');

const SQL = {
  count: `select count(*) as n from (select rowid from customer_search
    where customer_search match @value limit ${CANDIDATES + 1})`,
  ranked: `select ${HIT_COLUMNS} from (
      select rowid as rid, rank from customer_search where customer_search match @value
      order by rank limit ${NAME_LIMIT}
    ) m join universal_customers c on c.rowid = m.rid ${ACCOUNT_JOIN}
    where ${LIVE_ROW} order by m.rank, c.full_name`,
  broad: `select ${HIT_COLUMNS} from (
      select rowid as rid from customer_search where customer_search match @value limit ${CANDIDATES}
    ) m join universal_customers c on c.rowid = m.rid ${ACCOUNT_JOIN}
    where ${LIVE_ROW}
    order by (' ' || lower(c.full_name) || ' ') like @word desc, length(c.full_name), c.full_name
    limit ${NAME_LIMIT}`,
};

export function searchNames(
  statements: Statements,
  tokens: readonly string[],
  businessId: string,
): CustomerHit[] {
  // Tokens hold only letters and digits (searchTokens), so they need no escaping here.
  const prefix = prefixQuery(tokens);
  const { n } = statements(SQL.count).get({ value: prefix }) as { n: number };
  if (n === 0) return [];
  const narrow = n <= CANDIDATES && tokens.every((t) => t.length >= MIN_RANKED_TOKEN);
  const rows = narrow
    ? statements(SQL.ranked).all({ value: rankedQuery(tokens), businessId })
    : statements(SQL.broad).all({ value: prefix, businessId, word: `% ${longest(tokens)} %` });
  return (rows as HitRow[]).map((row) => toHit(row, 'name'));
}

const longest = (tokens: readonly string[]) =>
  tokens.reduce((a, b) => (b.length > a.length ? b : a), '');
