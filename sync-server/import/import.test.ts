import { readFileSync } from 'node:fs';
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCentralDb, type TestCentralDb } from '../../db/testing/pg';
import {
  auditLog,
  businesses,
  customerDivisionAccounts as accounts,
  numberBlocks,
  universalCustomers as customers,
} from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import { leaseNextBlock } from '../sync/number-leases';
import { enrolTill } from '../customers/testing/push';
import { seedOrgFixture } from '../testing/org-fixture';
import { runImport, type ImportReport } from './run';

const sample = (name: string) =>
  readFileSync(new URL(`./samples/${name}`, import.meta.url), 'utf8');
const kinds = (report: ImportReport) =>
  report.rows.map((r) => `${r.legacyNumber} ${r.kind}${r.reason ? ` (${r.reason})` : ''}`);

let database: TestCentralDb;
beforeAll(async () => {
  database = await createTestCentralDb();
  const org = await seedOrgFixture(database.handle.db);
  await database.handle.db.insert(businesses).values({
    id: uuidv7(),
    kind: 'DIVISION',
    code: 'GRO',
    name: 'Test Grocery',
    parentId: org.umbrellaId,
  });
});
afterAll(async () => {
  await database.drop();
});

async function counts() {
  const db = database.handle.db;
  const [c] = await db.select({ n: count() }).from(customers);
  const [a] = await db.select({ n: count() }).from(accounts);
  const [b] = await db.select({ n: count() }).from(numberBlocks);
  const [l] = await db.select({ n: count() }).from(auditLog);
  return { customers: c?.n, accounts: a?.n, blocks: b?.n, audit: l?.n };
}
const run = (division: 'GRO' | 'CLO', file: string, dryRun = false) =>
  runImport(database.handle.db, { division, csv: sample(file), dryRun, file });

describe('legacy import', () => {
  it('a dry run reports what would happen and writes nothing', async () => {
    const before = await counts();
    const report = await run('GRO', 'GRO-customers.csv', true);
    expect(kinds(report)).toEqual([
      'GRO-CUST-001 new',
      'GRO-CUST-002 new',
      'GRO-CUST-003 new',
      'GRO-CUST-004 new',
      expect.stringMatching(/^GRO-CUST-005 rejected \(phone: /),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports a division, skipping a bad row, with money parsed exactly', async () => {
    const report = await run('GRO', 'GRO-customers.csv');
    expect(report.rows.map((r) => r.kind)).toEqual(['new', 'new', 'new', 'new', 'rejected']);
    const [tendai] = await database.handle.db
      .select()
      .from(accounts)
      .where(eq(accounts.divisionCustomerNumber, 'GRO-CUST-001'));
    expect(tendai).toMatchObject({
      loyaltyPoints: 1250,
      totalSpentCents: 123_450,
      currency: 'USD',
    });
    const [traders] = await database.handle.db
      .select()
      .from(customers)
      .where(eq(customers.primaryEmail, 'orders@mbaretraders.co.zw'));
    expect(traders).toMatchObject({
      fullName: 'Mbare "Musika" Traders',
      source: 'import:GRO',
      primaryPhone: '+263242700123',
    });
    expect(
      await database.handle.db.select().from(customers).where(eq(customers.fullName, 'Rudo Chari')),
    ).toHaveLength(0);
  });

  it('matches another division by national ID, then phone, then email, and reports conflicts', async () => {
    const report = await run('CLO', 'CLO-customers.csv');
    expect(kinds(report)).toEqual([
      'CLO-CUST-001 matched (by nationalId)',
      'CLO-CUST-002 matched (by phone)',
      'CLO-CUST-003 matched (by email)',
      'CLO-CUST-004 new',
      expect.stringMatching(
        /^CLO-CUST-005 conflicting \(phone matches UCST-\d+, whose national ID differs\)/,
      ),
      expect.stringMatching(/^CLO-CUST-006 rejected \(dateOfBirth: /),
      expect.stringMatching(/^CLO-CUST-007 rejected \(totalSpent: /),
      expect.stringMatching(
        /^CLO-CUST-008 conflicting \(phone matches UCST-\d+ \(Chipo Dube\), but the name differs\)/,
      ),
    ]);
    const db = database.handle.db;
    const [chipo] = await db
      .select()
      .from(customers)
      .where(eq(customers.nationalId, '08-2345678B12'));
    expect(chipo?.primaryEmail).toBe('chipo.dube@gmail.com');
    const chiposAccounts = await db
      .select()
      .from(accounts)
      .where(eq(accounts.universalCustomerId, chipo?.id ?? ''));
    expect(chiposAccounts.map((a) => a.divisionCustomerNumber).sort()).toEqual([
      'CLO-CUST-002',
      'GRO-CUST-002',
    ]);
    const [clo] = chiposAccounts.filter((a) => a.divisionCustomerNumber === 'CLO-CUST-002');
    expect(clo).toMatchObject({ loyaltyPoints: 75, totalSpentCents: 31_025 });
  });

  it('changes nothing when the same file runs again', async () => {
    const before = await counts();
    const report = await run('CLO', 'CLO-customers.csv');
    expect(report.rows.map((r) => r.kind)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'conflicting',
      'rejected',
      'rejected',
      'conflicting',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('keeps a till-style old number only where no till can hand it out', async () => {
    const db = database.handle.db;
    const [clo] = await db.select().from(businesses).where(eq(businesses.code, 'CLO'));
    const tillId = await enrolTill(db, clo?.id ?? '');
    const tillBlock = await db.transaction((tx) =>
      leaseNextBlock(tx, { series: 'DIVISION_ACCOUNT', businessId: clo?.id ?? null, tillId }),
    );
    const inside = `CLO-CUST-${String(tillBlock.rangeStart).padStart(6, '0')}`;
    const beyond = `CLO-CUST-${String(tillBlock.rangeEnd + 50).padStart(6, '0')}`;
    const csv = `customerNumber,name,phone\n${inside},Ropa Moyo,0771 000 001\n${beyond},Tatenda Moyo,0771 000 002\n`;
    const report = await runImport(db, {
      division: 'CLO',
      csv,
      dryRun: false,
      file: 'numbers.csv',
    });
    expect(report.rows.map((r) => r.kind)).toEqual(['conflicting', 'new']);
    const own = await db
      .select()
      .from(numberBlocks)
      .where(and(eq(numberBlocks.businessId, clo?.id ?? ''), isNull(numberBlocks.tillId)));
    expect(Math.max(...own.map((b) => b.rangeEnd))).toBeGreaterThanOrEqual(tillBlock.rangeEnd + 50);
  });
});
