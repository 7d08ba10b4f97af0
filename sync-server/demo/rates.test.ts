import { asc, count, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeRates } from '../../db/central/schema';
import { createTestCentralDb, type TestCentralDb } from '../../db/testing/pg';
import { convert, money } from '../../shared/money/money';
import { seedOrgFixture } from '../testing/org-fixture';
import { DEMO_USD_TO_ZWG_MICROS, DEMO_ZWG_TO_USD_MICROS, topUpDemoRates } from './rates';
import { seedDemo } from './seed';

const DAY = 24 * 60 * 60 * 1000;
// 2026-03-02 08:00 UTC is 10:00 in Harare: the shop day is 2 March.
const NOW = Date.parse('2026-03-02T08:00:00.000Z');

describe('demo exchange rates', () => {
  let database: TestCentralDb;
  const rates = () =>
    database.handle.db
      .select()
      .from(exchangeRates)
      .orderBy(asc(exchangeRates.date), asc(exchangeRates.fromCurrency));

  beforeAll(async () => {
    database = await createTestCentralDb();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('seeds USD→ZWG and ZWG→USD for today and the 7 days before, stamped for every till', async () => {
    await seedDemo(database.handle.db, { customers: 3, now: NOW });
    const rows = await rates();
    expect(rows).toHaveLength(16);
    expect(rows[0]).toMatchObject({ date: '2026-02-23', fromCurrency: 'USD', toCurrency: 'ZWG' });
    expect(rows.at(-1)).toMatchObject({
      date: '2026-03-02',
      fromCurrency: 'ZWG',
      toCurrency: 'USD',
    });
    expect(rows.every((r) => Number.isInteger(r.rateMicros))).toBe(true);
    expect(
      (
        await database.handle.db
          .select({ n: count() })
          .from(exchangeRates)
          .where(isNull(exchangeRates.serverSeq))
      )[0]?.n,
    ).toBe(0);
    // 100 USD is 2 675.12 ZiG, and back again within a cent.
    expect(convert(money(10_000, 'USD'), 'ZWG', DEMO_USD_TO_ZWG_MICROS).cents).toBe(267_512);
    expect(convert(money(267_512, 'ZWG'), 'USD', DEMO_ZWG_TO_USD_MICROS).cents).toBe(10_000);
  });

  it('changes nothing when seeded again the same day, and tops up the days since', async () => {
    const before = await rates();
    await seedDemo(database.handle.db, { customers: 3, now: NOW });
    expect(await rates()).toEqual(before);
    await seedDemo(database.handle.db, { customers: 3, now: NOW + 2 * DAY });
    const after = await rates();
    expect(after).toHaveLength(20);
    expect(after.filter((r) => r.date === '2026-03-04')).toHaveLength(2);
    // Days already rated keep their rows.
    expect(after.filter((r) => before.some((b) => b.id === r.id))).toHaveLength(16);
  });

  it('never invents rates for a group that is not the demo', async () => {
    const other = await createTestCentralDb();
    try {
      await seedOrgFixture(other.handle.db);
      await topUpDemoRates(other.handle.db, NOW);
      expect(await other.handle.db.select().from(exchangeRates)).toEqual([]);
    } finally {
      await other.drop();
    }
  });
});
