import { count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCentralDb, type CentralDb } from '../../db/central/connect';
import {
  businesses,
  customerDivisionAccounts,
  employees,
  numberBlocks,
  products,
  universalCustomers,
  users,
} from '../../db/central/schema';
import { createTestCentralDb, type TestCentralDb } from '../../db/testing/pg';
import { verifyPin } from '../../shared/node/pin-hash';
import { DEMO_CATALOGUE } from './catalogue';
import { seedDemo } from './seed';
import { DEMO_STAFF } from './staff';

const first = async (query: PromiseLike<{ n: number | string | null }[]>) =>
  Number((await query)[0]?.n ?? 0);

async function snapshot(db: CentralDb) {
  return {
    businesses: await first(db.select({ n: count() }).from(businesses)),
    users: await first(db.select({ n: count() }).from(users)),
    employees: await first(db.select({ n: count() }).from(employees)),
    products: await first(db.select({ n: count() }).from(products)),
    customers: await first(db.select({ n: count() }).from(universalCustomers)),
    accounts: await first(db.select({ n: count() }).from(customerDivisionAccounts)),
    blocks: await first(db.select({ n: count() }).from(numberBlocks)),
    lastServerSeq: await first(
      db.select({ n: sql<string>`last_value` }).from(sql`server_change_seq`),
    ),
  };
}

const catalogueSize = Object.values(DEMO_CATALOGUE).reduce((sum, list) => sum + list.length, 0);

describe('seedDemo on PostgreSQL', () => {
  let database: TestCentralDb;
  let db: CentralDb;

  beforeAll(async () => {
    database = await createTestCentralDb();
    db = database.handle.db;
  });
  afterAll(async () => {
    await database.drop();
  });

  it('creates the group, staff, catalogue and 300 customers with accounts', async () => {
    expect(await seedDemo(db)).toEqual({ created: true });
    const after = await snapshot(db);
    expect(after).toMatchObject({
      businesses: 6,
      users: DEMO_STAFF.length,
      employees: DEMO_STAFF.length,
      products: catalogueSize,
      customers: 300 + DEMO_STAFF.length,
      blocks: 6,
    });
    expect(after.accounts).toBeGreaterThanOrEqual(after.customers);
    expect(after.accounts).toBeLessThanOrEqual(after.customers * 3);

    const withoutAccount = await db
      .select({ id: universalCustomers.id })
      .from(universalCustomers)
      .where(
        sql`not exists (select 1 from ${customerDivisionAccounts} a where a.universal_customer_id = ${universalCustomers.id})`,
      );
    expect(withoutAccount).toEqual([]);
    // Tills pull by server sequence: a row without one would never reach them.
    expect(
      await first(
        db
          .select({ n: count() })
          .from(universalCustomers)
          .where(isNull(universalCustomers.serverSeq)),
      ),
    ).toBe(0);
    expect(
      await first(
        db
          .select({ n: count() })
          .from(customerDivisionAccounts)
          .where(isNull(customerDivisionAccounts.serverSeq)),
      ),
    ).toBe(0);
  });

  it('stores PINs that verify, each under its own salt', async () => {
    const rows = await db.select({ username: users.username, pinHash: users.pinHash }).from(users);
    const byName = new Map(rows.map((r) => [r.username, r.pinHash]));
    expect(await verifyPin('1111', byName.get('clo.cashier') ?? '')).toBe(true);
    expect(await verifyPin('9999', byName.get('admin') ?? '')).toBe(true);
    expect(await verifyPin('2222', byName.get('clo.cashier') ?? '')).toBe(false);
    expect(byName.get('clo.cashier')).not.toBe(byName.get('gro.cashier'));
  });

  it('links each member of staff to an EMPLOYEE customer with an account at their division', async () => {
    const linked = await db
      .select({
        type: universalCustomers.type,
        userId: universalCustomers.linkedUserId,
        businessId: customerDivisionAccounts.businessId,
        accountType: customerDivisionAccounts.accountType,
        bornOn: universalCustomers.dateOfBirth,
        company: universalCustomers.companyName,
      })
      .from(universalCustomers)
      .innerJoin(
        customerDivisionAccounts,
        eq(customerDivisionAccounts.universalCustomerId, universalCustomers.id),
      )
      .where(sql`${universalCustomers.linkedUserId} is not null`);
    expect(linked).toHaveLength(DEMO_STAFF.length);
    for (const member of DEMO_STAFF.filter((s) => s.businessId !== null)) {
      expect(linked).toContainEqual(
        expect.objectContaining({
          type: 'EMPLOYEE',
          userId: member.id,
          businessId: member.businessId,
        }),
      );
    }
    // Staff are people: a birthday, no company, and never a wholesale account.
    expect(
      linked.filter(
        (r) => r.bornOn === null || r.company !== null || r.accountType === 'WHOLESALE',
      ),
    ).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(db);
    expect(await seedDemo(db)).toEqual({ created: false });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('seedDemo started twice at once', () => {
  it('seeds once: the second waits for the first and finds the group', async () => {
    const database = await createTestCentralDb();
    try {
      const results = await Promise.all([
        seedDemo(database.handle.db, { customers: 10 }),
        seedDemo(database.handle.db, { customers: 10 }),
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect((await snapshot(database.handle.db)).businesses).toBe(6);
    } finally {
      await database.drop();
    }
  });
});

describe('seedDemo on embedded PGlite', () => {
  it('works the same on the database `npm run server` uses by default', async () => {
    const handle = await openCentralDb({});
    try {
      expect(await seedDemo(handle.db, { customers: 25 })).toEqual({ created: true });
      expect(await seedDemo(handle.db, { customers: 25 })).toEqual({ created: false });
      expect((await snapshot(handle.db)).customers).toBe(25 + DEMO_STAFF.length);
    } finally {
      await handle.close();
    }
  });
});
