import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralDb } from '../../../db/central/connect';
import { laybyJobRuns } from '../../../db/central/schema';
import { createTestCentralDb, type TestCentralDb } from '../../../db/testing/pg';
import { seedOrgFixture } from '../../testing/org-fixture';
import { LATE_FEE_JOB_LOCK } from './lock';
import { startLateFeeScheduler, tickLateFeeJob } from './scheduler';
import { runFinished } from './run';
import { rowsOf } from './sql-rows';
import { customerIn, insertLayby, plan } from './testing/builders';

let database: TestCentralDb;
let db: CentralDb;
const now = { value: new Date('2026-05-04T06:00:00Z') };
const clock = () => now.value;

beforeAll(async () => {
  database = await createTestCentralDb();
  db = database.handle.db;
  const org = await seedOrgFixture(db);
  const owner = await customerIn(db, org.clothing.id, org.staff.admin.id);
  await insertLayby(db, owner, { schedule: plan('2026-04-01', 3, 2_000) });
});
afterAll(async () => {
  await database.drop();
});

describe('the late-fee scheduler', () => {
  it('runs the day once, then skips it until the next shop day', async () => {
    expect(await tickLateFeeJob(db, { clock })).toMatchObject({
      outcome: 'ran',
      day: '2026-05-04',
    });
    expect(await tickLateFeeJob(db, { clock })).toEqual({ outcome: 'skipped', day: '2026-05-04' });
    // 23:30 UTC is already the next day in the shop (UTC+2).
    now.value = new Date('2026-05-04T23:30:00Z');
    expect(await tickLateFeeJob(db, { clock })).toMatchObject({
      outcome: 'ran',
      day: '2026-05-05',
    });
    expect(await tickLateFeeJob(db, { clock })).toMatchObject({ outcome: 'skipped' });
  });

  it('reruns a day whose run started but never finished', async () => {
    now.value = new Date('2026-05-06T06:00:00Z');
    await db.insert(laybyJobRuns).values({ day: '2026-05-06' });
    expect(await tickLateFeeJob(db, { clock })).toMatchObject({
      outcome: 'ran',
      day: '2026-05-06',
    });
  });

  it('stands back while another server holds the job lock', async () => {
    now.value = new Date('2026-05-07T06:00:00Z');
    const other = new pg.Client({ connectionString: database.databaseUrl ?? '' });
    await other.connect();
    try {
      await other.query('select pg_advisory_lock($1)', [LATE_FEE_JOB_LOCK]);
      expect(await tickLateFeeJob(db, { clock })).toEqual({ outcome: 'busy', day: '2026-05-07' });
      await other.query('select pg_advisory_unlock($1)', [LATE_FEE_JOB_LOCK]);
      expect(await tickLateFeeJob(db, { clock })).toMatchObject({ outcome: 'ran' });
    } finally {
      await other.end();
    }
  });

  it('turns away a second run in the same process', async () => {
    now.value = new Date('2026-05-08T06:00:00Z');
    const [first, second] = await Promise.all([
      tickLateFeeJob(db, { clock }),
      tickLateFeeJob(db, { clock }),
    ]);
    expect([first.outcome, second.outcome].sort()).toEqual(['busy', 'ran']);
  });

  it('ticks once on start, and not at all when switched off', async () => {
    now.value = new Date('2026-05-09T06:00:00Z');
    expect(startLateFeeScheduler(db, { clock, env: { LAYBY_LATE_FEE_JOB: 'off' } })).toBeNull();
    const scheduler = startLateFeeScheduler(db, { clock, env: {} });
    expect(await scheduler?.current).toMatchObject({ outcome: 'ran', day: '2026-05-09' });
    await scheduler?.stop();
    expect(() => startLateFeeScheduler(db, { env: { LAYBY_LATE_FEE_JOB: 'sometimes' } })).toThrow(
      /LAYBY_LATE_FEE_JOB/,
    );
  });

  it('looks again every period', async () => {
    now.value = new Date('2026-05-10T06:00:00Z');
    const scheduler = startLateFeeScheduler(db, { clock, env: {}, intervalMs: 20 });
    await scheduler?.current;
    now.value = new Date('2026-05-11T06:00:00Z');
    // No call from here: only the timer can run the new day.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && !(await runFinished(db, '2026-05-11'))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await scheduler?.stop();
    expect(await runFinished(db, '2026-05-11')).toBe(true);
  });

  it('charged the late fees once across all those runs', async () => {
    const [row] = rowsOf<{ n: number; instalments: number }>(
      await db.execute(sql`
        select count(*)::int as n, count(distinct (layby_id, instalment_due_date))::int as instalments
          from customer_layby_fees where kind = 'LATE'`),
    );
    // Due 15 Apr and 29 Apr were past their grace by 9 May; 13 May never came.
    expect(row).toEqual({ n: 2, instalments: 2 });
  });
});
