import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralDb } from '../../db/central/connect';
import {
  customerDivisionAccounts,
  numberBlocks,
  universalCustomers,
} from '../../db/central/schema';
import { createTestCentralDb, type TestCentralDb } from '../../db/testing/pg';
import { demoDivision } from './divisions';
import { generateCustomers, type GenerateProgress } from './generate';
import { seedDemo } from './seed';
import { DEMO_STAFF } from './staff';

const total = async (
  db: CentralDb,
  table: typeof universalCustomers | typeof customerDivisionAccounts,
) => Number((await db.select({ n: count() }).from(table))[0]?.n ?? 0);

describe('generateCustomers', () => {
  let database: TestCentralDb;
  let db: CentralDb;
  const seeded = 10 + DEMO_STAFF.length;

  beforeAll(async () => {
    database = await createTestCentralDb();
    db = database.handle.db;
    await seedDemo(db, { customers: 10 });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('adds customers with accounts after the existing numbers, reporting progress per batch', async () => {
    const accountsBefore = await total(db, customerDivisionAccounts);
    const reports: GenerateProgress[] = [];
    const done = await generateCustomers(db, {
      customers: 1_200,
      seed: 5,
      batchSize: 500,
      parallel: 2,
      onProgress: (p) => reports.push(p),
    });
    expect(done).toMatchObject({ customers: 1_200, total: 1_200, firstNumber: seeded + 1 });
    // Two batches of 500 go out together, then the last 200.
    expect(reports.map((r) => r.customers)).toEqual([1_000, 1_200]);
    expect(await total(db, universalCustomers)).toBe(seeded + 1_200);
    expect(done.accounts).toBeGreaterThanOrEqual(1_200);
    expect(await total(db, customerDivisionAccounts)).toBe(accountsBefore + done.accounts);
    const withoutAccount = await db
      .select({ n: count() })
      .from(universalCustomers)
      .where(
        sql`not exists (select 1 from ${customerDivisionAccounts} a where a.universal_customer_id = ${universalCustomers.id})`,
      );
    expect(Number(withoutAccount[0]?.n)).toBe(0);
    const numbers = await db
      .select({ n: universalCustomers.customerNumber })
      .from(universalCustomers)
      .orderBy(asc(universalCustomers.customerNumber));
    expect(numbers[0]?.n).toBe('UCST-000001');
    expect(numbers.at(-1)?.n).toBe(`UCST-${String(seeded + 1_200).padStart(6, '0')}`);
    expect(new Set(numbers.map((r) => r.n)).size).toBe(numbers.length);
  });

  it('stamps every row once, in the order of the customer numbers, across both tables', async () => {
    const seqs = [
      ...(await db.select({ seq: universalCustomers.serverSeq }).from(universalCustomers)),
      ...(await db
        .select({ seq: customerDivisionAccounts.serverSeq })
        .from(customerDivisionAccounts)),
    ].map((r) => r.seq);
    expect(seqs.filter((s) => s === null)).toEqual([]);
    expect(new Set(seqs).size).toBe(seqs.length);
    const inStampOrder = await db
      .select({ n: universalCustomers.customerNumber })
      .from(universalCustomers)
      .orderBy(asc(universalCustomers.serverSeq));
    const numbers = inStampOrder.map((r) => r.n);
    expect(numbers).toEqual([...numbers].sort());
  });

  it('continues where the last run stopped and leases exactly the numbers it used', async () => {
    const again = await generateCustomers(db, { customers: 300, seed: 5, batchSize: 1_000 });
    expect(again.firstNumber).toBe(seeded + 1_201);
    const blocks = await db
      .select({ start: numberBlocks.rangeStart, end: numberBlocks.rangeEnd })
      .from(numberBlocks)
      .where(eq(numberBlocks.series, 'CUSTOMER'))
      .orderBy(asc(numberBlocks.rangeStart));
    expect(blocks).toEqual([
      { start: 1, end: seeded },
      { start: seeded + 1, end: seeded + 1_200 },
      { start: seeded + 1_201, end: seeded + 1_500 },
    ]);
    // Each division's account blocks end at its highest account number: nothing leased unused.
    const clothing = demoDivision('CLO');
    const [highest] = await db
      .select({
        n: sql<string>`max(substring(${customerDivisionAccounts.divisionCustomerNumber} from 10)::int)`,
      })
      .from(customerDivisionAccounts)
      .where(eq(customerDivisionAccounts.businessId, clothing.id));
    const [leased] = await db
      .select({ end: sql<string>`max(${numberBlocks.rangeEnd})` })
      .from(numberBlocks)
      .where(
        and(eq(numberBlocks.series, 'DIVISION_ACCOUNT'), eq(numberBlocks.businessId, clothing.id)),
      );
    expect(Number(leased?.end)).toBe(Number(highest?.n));
  });

  it('gives the same customer number the same person for the same seed', async () => {
    const other = await createTestCentralDb();
    try {
      await seedDemo(other.handle.db, { customers: 10 });
      await generateCustomers(other.handle.db, { customers: 50, seed: 5 });
      const pick = (d: CentralDb) =>
        d
          .select({
            n: universalCustomers.customerNumber,
            name: universalCustomers.fullName,
            phone: universalCustomers.primaryPhone,
          })
          .from(universalCustomers)
          .where(sql`${universalCustomers.customerNumber} between 'UCST-000022' and 'UCST-000071'`)
          .orderBy(asc(universalCustomers.customerNumber));
      expect(await pick(other.handle.db)).toEqual(await pick(db));
    } finally {
      await other.drop();
    }
  });
});
