import { sql } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';

// What head office types, drawn from the generated register itself so every query should
// find someone: identifiers in the forms people write them, names whole and in part.

export type QueryKind = { label: string; queries: string[] };

type Sample = {
  customer_number: string;
  primary_phone: string;
  national_id: string | null;
  primary_email: string | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string;
};

const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? [];

/** 0772 123 456 from +263772123456: how a cashier reads a number out. */
const localPhone = (e164: string) => {
  const national = `0${e164.slice(4)}`;
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
};

export async function sampleQueries(db: CentralDb, perKind: number): Promise<QueryKind[]> {
  const people = rowsOf<Sample>(
    await db.execute(sql`select customer_number, primary_phone, national_id, primary_email,
      first_name, last_name, full_name from universal_customers tablesample system (2)
      where first_name is not null limit ${perKind * 4}`),
  );
  const accounts = rowsOf<{ n: string }>(
    await db.execute(sql`select division_customer_number as n from customer_division_accounts
      tablesample system (2) limit ${perKind}`),
  );
  const take = (values: (string | null)[]) =>
    values.filter((v): v is string => v !== null && v !== '').slice(0, perKind);
  return [
    { label: 'customer number', queries: take(people.map((p) => p.customer_number)) },
    { label: 'division number', queries: take(accounts.map((a) => a.n)) },
    {
      label: 'phone (0772 123 456)',
      queries: take(people.map((p) => localPhone(p.primary_phone))),
    },
    {
      label: 'phone start (0772 12)',
      queries: take(people.map((p) => localPhone(p.primary_phone).slice(0, 7))),
    },
    {
      label: 'national id (compact)',
      queries: take(people.map((p) => p.national_id?.replace('-', '') ?? null)),
    },
    { label: 'email', queries: take(people.map((p) => p.primary_email?.toUpperCase() ?? null)) },
    { label: 'full name', queries: take(people.map((p) => p.full_name)) },
    { label: 'surname only', queries: take(people.map((p) => p.last_name)) },
    {
      label: 'name parts (Tend Moy)',
      queries: take(people.map((p) => `${p.first_name?.slice(0, 4)} ${p.last_name?.slice(0, 3)}`)),
    },
  ];
}
