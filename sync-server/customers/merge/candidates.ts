import { sql, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { universalCustomers as c } from '../../../db/central/schema';
import { rowsOf } from './rows';

// Candidate duplicate pairs, found by SQL grouping so the register is read once per rule
// rather than compared pair by pair: equal phones (primary, or one's primary the other's
// alternate), equal emails and national ids in compact form (the unique indexes already stop
// exact repeats among live customers; the compact forms catch spelling variants), and equal
// names with equal birth dates. The shared rules then decide which pairs are likely.

export type Pair = [string, string];

// A phone shared by a whole church or company is not evidence; past this, a group is skipped.
const MAX_GROUP = 10;
// A report, not a dump: past this many pairs, clean up the first ones and run it again.
export const MAX_PAIRS = 5_000;

const live = (alias: SQL) => sql`${alias}.deleted_at is null and ${alias}.merged_into_id is null`;

function grouped(key: SQL): SQL {
  return sql`select array_agg(id order by created_at, id) as ids from ${c} x
    where ${live(sql`x`)} and ${key} is not null
    group by ${key} having count(*) between 2 and ${MAX_GROUP} limit ${MAX_PAIRS}`;
}

const GROUP_KEYS: SQL[] = [
  sql`x.primary_phone`,
  sql`lower(x.primary_email)`,
  sql`upper(regexp_replace(x.national_id, '[^0-9A-Za-z]', '', 'g'))`,
  sql`case when x.date_of_birth is null then null else lower(x.full_name) || '|' || x.date_of_birth end`,
];

const crossPhones = sql`select a.id as first, b.id as second from ${c} a
  join ${c} b on b.primary_phone = a.alternate_phone and b.id <> a.id
  where a.alternate_phone is not null and ${live(sql`a`)} and ${live(sql`b`)} limit ${MAX_PAIRS}`;

const ordered = (a: string, b: string): Pair => (a < b ? [a, b] : [b, a]);

export async function registerWidePairs(db: Pick<CentralDb, 'execute'>): Promise<Pair[]> {
  const pairs = new Map<string, Pair>();
  const add = (a: string, b: string) => {
    const pair = ordered(a, b);
    if (pairs.size < MAX_PAIRS) pairs.set(pair.join(), pair);
  };
  for (const key of GROUP_KEYS) {
    for (const { ids } of rowsOf<{ ids: string[] }>(await db.execute(grouped(key)))) {
      for (let i = 0; i < ids.length; i += 1)
        for (let j = i + 1; j < ids.length; j += 1) add(ids[i] ?? '', ids[j] ?? '');
    }
  }
  for (const row of rowsOf<{ first: string; second: string }>(await db.execute(crossPhones))) {
    add(row.first, row.second);
  }
  return [...pairs.values()];
}

/**
 * One customer's candidates, each rule an index lookup: the same phones, email or national id
 * (stored canonical), or a similar name (pg_trgm) with the same birth date, which the shared
 * rule then checks with its own similarity measure.
 */
export async function pairsFor(
  db: Pick<CentralDb, 'execute'>,
  id: string,
  trigram: boolean,
): Promise<Pair[]> {
  const other = (condition: SQL) =>
    sql`select o.id from ${c} me join ${c} o on o.id <> me.id and ${live(sql`o`)} and ${condition} where me.id = ${id}`;
  const rules = [
    other(sql`o.primary_phone in (me.primary_phone, me.alternate_phone)`),
    other(sql`o.alternate_phone = me.primary_phone`),
    other(sql`o.primary_email = me.primary_email`),
    other(sql`o.national_id = me.national_id`),
    other(
      trigram
        ? sql`o.full_name % me.full_name and o.date_of_birth = me.date_of_birth`
        : sql`o.full_name = me.full_name and o.date_of_birth = me.date_of_birth`,
    ),
  ];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`${sql.join(rules, sql` union `)} limit ${MAX_PAIRS}`),
  );
  return rows.map((row) => ordered(id, row.id));
}
