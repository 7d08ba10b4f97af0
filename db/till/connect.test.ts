import Database from 'better-sqlite3';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseNewerThanAppError, readJournal } from '../migration-guard';
import { migrationsWithExtra } from '../testing/migrations-fixture';
import { openTillDb } from './connect';
import * as schema from './schema/index';

const appMigrations = fileURLToPath(new URL('./migrations', import.meta.url));
const BUSINESS_CLO = '01920000-0000-7000-8000-000000000001';
const BUSINESS_GRO = '01920000-0000-7000-8000-000000000002';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'unitill-till-db-'));
  file = join(dir, 'data', 'till.db'); // a folder that does not exist yet
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const customer = (id: string, customerNumber: string) => ({
  id,
  customerNumber,
  fullName: 'Tendai Moyo',
  primaryPhone: '+263771234567',
});
const account = (id: string, universalCustomerId: string, businessId: string, number: string) => ({
  id,
  universalCustomerId,
  businessId,
  divisionCustomerNumber: number,
  currency: 'USD' as const,
});

describe('openTillDb', () => {
  it('creates every schema table in a real SQLite file', () => {
    const till = openTillDb(file);
    const tables = new Set(
      (
        till.sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as {
          name: string;
        }[]
      ).map((row) => row.name),
    );
    const expected = Object.values(schema)
      .filter((value) => is(value, SQLiteTable))
      .map((table) => getTableName(table));
    expect(expected.length).toBeGreaterThan(15);
    for (const name of expected) expect(tables, name).toContain(name);
    till.close();
  });

  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const till = openTillDb(file);
    expect(till.sqlite.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(till.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(till.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    till.db.insert(schema.universalCustomers).values(customer('c1', 'UCST-000001')).run();
    till.close();
    // WAL is a property of the file: a plain connection opened afterwards sees it.
    const plain = new Database(file);
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
    plain.close();
  });

  it('maps booleans, JSON and defaults the way the schema declares', () => {
    const till = openTillDb(file);
    till.db
      .insert(schema.universalCustomers)
      .values({ ...customer('c1', 'UCST-000001'), tags: ['vip', 'wholesale'] })
      .run();
    const row = till.db.select().from(schema.universalCustomers).get();
    expect(row).toMatchObject({
      isActive: true,
      isBlacklisted: false,
      tags: ['vip', 'wholesale'],
      country: 'Zimbabwe',
    });
    expect(row?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    till.close();
  });

  it('refuses a second account for one customer in one division', () => {
    const till = openTillDb(file);
    till.db.insert(schema.universalCustomers).values(customer('c1', 'UCST-000001')).run();
    till.db
      .insert(schema.customerDivisionAccounts)
      .values(account('a1', 'c1', BUSINESS_CLO, 'CLO-CUST-000001'))
      .run();
    // Same customer, another division: allowed.
    till.db
      .insert(schema.customerDivisionAccounts)
      .values(account('a2', 'c1', BUSINESS_GRO, 'GRO-CUST-000001'))
      .run();
    expect(() =>
      till.db
        .insert(schema.customerDivisionAccounts)
        .values(account('a3', 'c1', BUSINESS_CLO, 'CLO-CUST-000002'))
        .run(),
    ).toThrow(/UNIQUE constraint failed/);
    till.close();
  });

  it('loads a layby with its payments through the relations', () => {
    const till = openTillDb(file);
    till.db
      .insert(schema.customerLaybys)
      .values({
        id: 'l1',
        laybyNumber: 'LAY-CLO-000001',
        universalCustomerId: 'c1',
        divisionAccountId: 'a1',
        businessId: BUSINESS_CLO,
        totalAmountCents: 10_000,
        depositAmountCents: 2_000,
        depositPercentBp: 2_000,
        balanceRemainingCents: 8_000,
        currency: 'USD',
        items: [{ sku: 'DRESS-01', quantityMilli: 1000, unitPriceCents: 10_000 }],
        createdBy: 'u1',
      })
      .run();
    const payment = {
      laybyId: 'l1',
      businessId: BUSINESS_CLO,
      currency: 'USD' as const,
      paymentMethod: 'CASH' as const,
      processedBy: 'u1',
    };
    till.db
      .insert(schema.customerLaybyPayments)
      .values([
        { ...payment, id: 'p1', receiptNumber: 'R-1', amountCents: 2_000 },
        { ...payment, id: 'p2', receiptNumber: 'R-2', amountCents: 1_500 },
      ])
      .run();
    const layby = till.db.query.customerLaybys.findFirst({ with: { payments: true } }).sync();
    expect(layby?.payments.map((p) => p.amountCents)).toEqual([2_000, 1_500]);
    expect(layby?.items).toEqual([
      { sku: 'DRESS-01', quantityMilli: 1000, unitPriceCents: 10_000 },
    ]);
    till.close();
  });

  it('lets a merged duplicate keep its national id while the survivor takes it', () => {
    const till = openTillDb(file);
    const insert = (
      row: ReturnType<typeof customer> & { nationalId: string; mergedIntoId?: string },
    ) => till.db.insert(schema.universalCustomers).values(row).run();
    insert({ ...customer('c1', 'UCST-000001'), nationalId: '63-123456A42' });
    expect(() => insert({ ...customer('c2', 'UCST-000002'), nationalId: '63-123456A42' })).toThrow(
      /UNIQUE/,
    );
    insert({ ...customer('c2', 'UCST-000002'), nationalId: '63-123456A42', mergedIntoId: 'c1' });
    till.close();
  });

  it('opens an up-to-date database again without re-running migrations', () => {
    openTillDb(file).close();
    const till = openTillDb(file);
    const applied = till.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as {
      n: number;
    };
    expect(applied.n).toBe(readJournal(appMigrations).length);
    till.close();
  });

  it('refuses a database migrated by a newer app, and leaves it untouched', () => {
    const newer = migrationsWithExtra(appMigrations, '9999_from_the_future', [
      'CREATE TABLE `future_things` (`id` text PRIMARY KEY NOT NULL);',
    ]);
    openTillDb(file, { migrationsFolder: newer }).close();

    expect(() => openTillDb(file)).toThrow(DatabaseNewerThanAppError);
    expect(() => openTillDb(file)).toThrow(/newer version of Unitill/);

    const plain = new Database(file);
    expect(
      plain.prepare(`select name from sqlite_master where name = 'future_things'`).get(),
    ).toBeTruthy();
    plain.close();
    openTillDb(file, { migrationsFolder: newer }).close();
  });

  it('applies a failing migration not at all', () => {
    openTillDb(file).close();
    const broken = migrationsWithExtra(appMigrations, '0001_broken', [
      'CREATE TABLE `half_done` (`id` text);',
      'INSERT INTO `no_such_table` VALUES (1);',
    ]);
    expect(() => openTillDb(file, { migrationsFolder: broken })).toThrow(/no_such_table/);
    const till = openTillDb(file);
    expect(
      till.sqlite.prepare(`select name from sqlite_master where name = 'half_done'`).get(),
    ).toBeUndefined();
    till.close();
  });
});
