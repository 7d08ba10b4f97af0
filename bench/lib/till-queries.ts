import type Database from 'better-sqlite3';
import { createRng } from '../../sync-server/demo/random';

// What cashiers type, drawn from customers really in the benchmark database, one list per
// kind of query. Each query also has a naive baseline: the LIKE '%…%' scan a first version
// of a till would run, to show what the indexes buy.

export type QueryKind = { label: string; queries: string[]; baseline: (q: string) => unknown[] };

type Sample = {
  fullName: string;
  firstName: string | null;
  lastName: string | null;
  primaryPhone: string;
  nationalId: string | null;
  primaryEmail: string | null;
  customerNumber: string;
  divisionNumber: string | null;
};

function sample(sqlite: Database.Database, count: number, seed: number): Sample[] {
  const max = (
    sqlite.prepare('select max(rowid) as n from universal_customers').get() as { n: number }
  ).n;
  const rng = createRng(seed);
  const pick = sqlite.prepare(
    `select c.full_name as fullName, c.first_name as firstName, c.last_name as lastName,
       c.primary_phone as primaryPhone, c.national_id as nationalId, c.primary_email as primaryEmail,
       c.customer_number as customerNumber, a.division_customer_number as divisionNumber
     from universal_customers c left join customer_division_accounts a on a.universal_customer_id = c.id
     where c.rowid = ?`,
  );
  return Array.from({ length: count }, () => pick.get(1 + Math.floor(rng.next() * max)) as Sample);
}

const like = (sqlite: Database.Database, where: string) => {
  const statement = sqlite.prepare(
    `select id, full_name from universal_customers where ${where} limit 20`,
  );
  return (...params: string[]) => statement.all(...params);
};

export function queryKinds(sqlite: Database.Database, perKind: number): QueryKind[] {
  const people = sample(sqlite, perKind * 4, 1).filter((s) => s.firstName && s.lastName);
  const all = sample(sqlite, perKind * 4, 2);
  const take = <T>(items: (T | null | undefined)[]) =>
    items.filter((x): x is T => !!x).slice(0, perKind);
  const national = (phone: string) => phone.slice(4);
  const nameLike = like(
    sqlite,
    `full_name like '%' || ? || '%' and full_name like '%' || ? || '%'`,
  );
  const phoneLike = like(
    sqlite,
    `(primary_phone like '%' || ? || '%' or alternate_phone like '%' || ? || '%')`,
  );
  const columnLike = (column: string) => like(sqlite, `${column} like '%' || ? || '%'`);
  const phoneBaseline = (q: string) => {
    const digits = q.replace(/\D/g, '').replace(/^(263|0)/, '');
    return phoneLike(digits, digits);
  };
  const idLike = columnLike('national_id');
  return [
    {
      label: 'name fragments ("moyo tend")',
      queries: take(
        people.map((s) => `${s.lastName?.toLowerCase()} ${s.firstName?.slice(0, 4).toLowerCase()}`),
      ),
      baseline: (q) => nameLike(...(q.split(' ') as [string, string])),
    },
    {
      label: 'phone 0772 123 456',
      queries: take(
        all.map((s) => `0${national(s.primaryPhone).replace(/(\d{3})(\d{3})(\d+)/, '$1 $2 $3')}`),
      ),
      baseline: phoneBaseline,
    },
    {
      label: 'phone +263772123456',
      queries: take(all.map((s) => s.primaryPhone)),
      baseline: phoneBaseline,
    },
    {
      label: 'phone 772123456',
      queries: take(all.map((s) => national(s.primaryPhone))),
      baseline: phoneBaseline,
    },
    {
      label: 'customer number UCST-…',
      queries: take(all.map((s) => s.customerNumber)),
      baseline: columnLike('customer_number'),
    },
    {
      label: 'division number CLO-CUST-…',
      queries: take(all.map((s) => s.divisionNumber)),
      baseline: (q) =>
        sqlite
          .prepare(
            `select id from customer_division_accounts where division_customer_number like '%' || ? || '%' limit 20`,
          )
          .all(q),
    },
    {
      label: 'national id 63-123456A78',
      queries: take(all.map((s) => s.nationalId)),
      baseline: idLike,
    },
    {
      label: 'national id 63123456A78',
      queries: take(all.map((s) => s.nationalId?.replace('-', ''))),
      baseline: (q) => like(sqlite, `replace(national_id, '-', '') like '%' || ? || '%'`)(q),
    },
    {
      label: 'email',
      queries: take(all.map((s) => s.primaryEmail)),
      baseline: columnLike('primary_email'),
    },
  ];
}
