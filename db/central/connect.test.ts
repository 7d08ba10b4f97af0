import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseNewerThanAppError } from '../migration-guard';
import { migrationsWithExtra } from '../testing/migrations-fixture';
import { createTestCentralDb, dropTestDatabase, type TestCentralDb } from '../testing/pg';
import { rejectionCode } from '../testing/pg-error';
import { openCentralDb, type CentralDb } from './connect';
import * as schema from './schema/index';

const appMigrations = fileURLToPath(new URL('./migrations', import.meta.url));
const CLO = '01920000-0000-7000-8000-000000000001';
const GRO = '01920000-0000-7000-8000-000000000002';
const CUSTOMER = '01920000-0000-7000-8000-0000000000c1';
const DUPLICATE = '01920000-0000-7000-8000-0000000000c2';

const schemaTables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table));

async function seedDivisions(db: CentralDb): Promise<void> {
  await db.insert(schema.businesses).values([
    { id: CLO, kind: 'DIVISION', code: 'CLO', name: 'Clothing' },
    { id: GRO, kind: 'DIVISION', code: 'GRO', name: 'Grocery' },
  ]);
  await db.insert(schema.universalCustomers).values({
    id: CUSTOMER,
    customerNumber: 'UCST-000001',
    fullName: 'Tendai Moyo',
    primaryPhone: '+263771234567',
  });
}

const account = (id: string, businessId: string, number: string) => ({
  id,
  universalCustomerId: CUSTOMER,
  businessId,
  divisionCustomerNumber: number,
  currency: 'USD' as const,
});

// The same behaviour is asserted on both engines the server runs on.
function describeConstraints(engine: string, open: () => Promise<TestCentralDb>) {
  describe(`central constraints on ${engine}`, () => {
    let test: TestCentralDb;
    beforeAll(async () => {
      test = await open();
      await seedDivisions(test.handle.db);
    });
    afterAll(() => test.drop());

    it('refuses a second account for one customer in one division', async () => {
      const { db } = test.handle;
      await db
        .insert(schema.customerDivisionAccounts)
        .values(account(ids(1), CLO, 'CLO-CUST-000001'));
      await db
        .insert(schema.customerDivisionAccounts)
        .values(account(ids(2), GRO, 'GRO-CUST-000001'));
      expect(
        await rejectionCode(
          db
            .insert(schema.customerDivisionAccounts)
            .values(account(ids(3), CLO, 'CLO-CUST-000002')),
        ),
      ).toBe('23505');
    });

    it('refuses a currency other than USD or ZWG', async () => {
      const { db } = test.handle;
      const row = {
        id: ids(4),
        businessId: CLO,
        sku: 'TSHIRT-M',
        name: 'T-shirt',
        priceCents: 1299,
      };
      await db.insert(schema.products).values({ ...row, currency: 'ZWG' });
      const euro = db.execute(
        sql`insert into products (id, business_id, sku, name, price_cents, currency) values (${ids(5)}, ${CLO}, 'X', 'X', 1, 'EUR')`,
      );
      expect(await rejectionCode(euro)).toBe('23514');
    });

    it('keeps unique national ids among live customers only', async () => {
      const { db } = test.handle;
      await db
        .update(schema.universalCustomers)
        .set({ nationalId: '63-123456A42' })
        .where(sql`id = ${CUSTOMER}`);
      const duplicate = {
        id: DUPLICATE,
        customerNumber: 'UCST-000002',
        fullName: 'T. Moyo',
        primaryPhone: '+263771234567',
        nationalId: '63-123456A42',
      };
      expect(await rejectionCode(db.insert(schema.universalCustomers).values(duplicate))).toBe(
        '23505',
      );
      await db.insert(schema.universalCustomers).values({ ...duplicate, mergedIntoId: CUSTOMER });
    });

    it('loads a customer with its division accounts through the relations', async () => {
      const found = await test.handle.db.query.universalCustomers.findFirst({
        where: (c, { eq }) => eq(c.id, CUSTOMER),
        with: { divisionAccounts: true },
      });
      expect(found?.divisionAccounts.map((a) => a.divisionCustomerNumber).sort()).toEqual([
        'CLO-CUST-000001',
        'GRO-CUST-000001',
      ]);
    });

    it('hands out server change sequence numbers', async () => {
      const { db } = test.handle;
      const first = await db
        .select({ n: sql<string>`nextval('server_change_seq')` })
        .from(sql`(select 1) as one`);
      const second = await db
        .select({ n: sql<string>`nextval('server_change_seq')` })
        .from(sql`(select 1) as one`);
      expect(Number(second[0]?.n)).toBeGreaterThan(Number(first[0]?.n));
    });
  });
}

let counter = 0x100;
const ids = (n: number) =>
  `01920000-0000-7000-8000-${(counter++ * 16 + n).toString(16).padStart(12, '0')}`;

describeConstraints('PostgreSQL (or PGlite without a server)', createTestCentralDb);
describeConstraints('in-memory PGlite', async () => {
  const handle = await openCentralDb({});
  return { handle, databaseUrl: null, drop: () => handle.close() };
});

describe('openCentralDb on a real PostgreSQL server', () => {
  let test: TestCentralDb;
  beforeAll(async () => {
    test = await createTestCentralDb();
  });
  afterAll(() => test.drop());

  it('applies the migrations: every schema table and the change sequence exist', async (ctx) => {
    if (!test.databaseUrl) ctx.skip('no PostgreSQL server answers; covered by PGlite only');
    expect(test.handle.kind).toBe('postgres');
    const client = new pg.Client({ connectionString: test.databaseUrl ?? '' });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public'`,
      );
      const names = new Set(tables.rows.map((row) => row.table_name));
      expect(schemaTables.length).toBeGreaterThan(20);
      for (const name of schemaTables) expect(names, name).toContain(name);
      const seq = await client.query(
        `select 1 from pg_sequences where sequencename = 'server_change_seq'`,
      );
      expect(seq.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('lets several servers start at once on a fresh database', async (ctx) => {
    if (!test.databaseUrl) ctx.skip('no PostgreSQL server answers');
    const admin = new pg.Client({ connectionString: test.databaseUrl ?? '' });
    await admin.connect();
    const name = `unitill_test_race_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const url = new URL(test.databaseUrl ?? '');
    url.pathname = `/${name}`;
    await admin.end();
    try {
      const handles = await Promise.all(
        [1, 2, 3].map(() => openCentralDb({ databaseUrl: url.toString() })),
      );
      await Promise.all(handles.map((h) => h.close()));
    } finally {
      await dropTestDatabase(test.databaseUrl ?? '', name);
    }
  });

  it('drops its database in drop()', async (ctx) => {
    const probe = await createTestCentralDb();
    if (!probe.databaseUrl) {
      await probe.drop();
      ctx.skip('no PostgreSQL server answers');
    }
    const name = new URL(probe.databaseUrl ?? '').pathname.slice(1);
    await probe.drop();
    const admin = new pg.Client({ connectionString: test.databaseUrl ?? '' });
    await admin.connect();
    const found = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
    await admin.end();
    expect(found.rowCount).toBe(0);
  });
});

describe('openCentralDb on PGlite', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'unitill-pglite-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data in dataDir across reopenings without re-running migrations', async () => {
    const dataDir = join(dir, 'keep');
    const first = await openCentralDb({ dataDir });
    expect(first.kind).toBe('pglite');
    await first.db
      .insert(schema.businesses)
      .values({ id: CLO, kind: 'DIVISION', code: 'CLO', name: 'Clothing' });
    await first.close();
    const second = await openCentralDb({ dataDir });
    expect(await second.db.select().from(schema.businesses)).toHaveLength(1);
    await second.close();
  });

  it('refuses a database migrated by a newer app', async () => {
    const dataDir = join(dir, 'newer');
    const newer = migrationsWithExtra(appMigrations, '9999_from_the_future', [
      'CREATE TABLE "future_things" ("id" uuid PRIMARY KEY);',
    ]);
    await (await openCentralDb({ dataDir, migrationsFolder: newer })).close();
    await expect(openCentralDb({ dataDir })).rejects.toThrow(DatabaseNewerThanAppError);
    await (await openCentralDb({ dataDir, migrationsFolder: newer })).close();
  });
});
