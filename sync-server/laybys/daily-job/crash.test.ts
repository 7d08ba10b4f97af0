import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralDb } from '../../../db/central/connect';
import { laybyJobRuns } from '../../../db/central/schema';
import { createTestCentralDb, type TestCentralDb } from '../../../db/testing/pg';
import { seedOrgFixture } from '../../testing/org-fixture';
import { runLateFeeJob } from './run';
import {
  customerIn,
  insertLayby,
  lateFeesOf,
  laybyRow,
  plan,
  type Owner,
} from './testing/builders';

// A server killed mid-run is simulated by a run that throws after its second batch (of two
// laybys each): the batches that committed stay charged, the rest are untouched, and the
// next run finishes the day without charging any instalment twice.

const NOW = new Date('2026-04-10T04:00:00Z');

let database: TestCentralDb;
let db: CentralDb;
let clo: Owner;

beforeAll(async () => {
  database = await createTestCentralDb();
  db = database.handle.db;
  const org = await seedOrgFixture(db);
  clo = await customerIn(db, org.clothing.id, org.staff.admin.id);
});
afterAll(async () => {
  await database.drop();
});

describe('a run killed half-way', () => {
  it('keeps the finished batches, and its rerun charges the rest without charging twice', async () => {
    const day = '2026-04-10';
    const laybys = [];
    for (let i = 0; i < 5; i += 1) {
      laybys.push(await insertLayby(db, clo, { schedule: plan('2026-03-10', 2, 2_000) }));
    }
    const ids = new Set(laybys.map((l) => l.id));
    const crash = new Error('killed');
    await expect(
      runLateFeeJob(db, {
        day,
        now: NOW,
        batchSize: 2,
        afterBatch: (_batch, index) => {
          if (index === 1) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const charged = async () => {
      let n = 0;
      for (const id of ids) n += (await lateFeesOf(db, id)).length;
      return n;
    };
    const [crashed] = await db.select().from(laybyJobRuns).where(eq(laybyJobRuns.day, day));
    expect(crashed?.finishedAt).toBeNull();
    const afterCrash = await charged();
    expect(afterCrash).toBe(4);

    const rerun = await runLateFeeJob(db, { day, now: NOW, batchSize: 2 });
    expect(await charged()).toBe(5);
    for (const id of ids) {
      const row = await laybyRow(db, id);
      expect(row.lateFeeCents).toBe(100);
      expect(row.balanceRemainingCents).toBe(2_000 + 2_000 + 100);
    }
    const [finished] = await db.select().from(laybyJobRuns).where(eq(laybyJobRuns.day, day));
    expect(finished?.finishedAt).not.toBeNull();
    // The day's count spans both attempts, each fee once.
    expect(finished?.feesCharged).toBe(rerun.feesCharged + afterCrash);
  });
});

describe('a batch that fails half-way through its writes', () => {
  it('rolls back whole: no fee without its balance, no default without its flag', async () => {
    const day = '2026-04-10';
    // Three instalments missed: fees are inserted, then the flag insert fails.
    const layby = await insertLayby(db, clo, { schedule: plan('2026-01-01', 3, 2_000) });
    await db.execute(sql`
      create function refuse_flags() returns trigger language plpgsql as
        $$ begin raise exception 'disk full'; end $$`);
    await db.execute(sql`
      create trigger refuse_flags before insert on flagged_events
        for each statement execute function refuse_flags()`);
    await expect(runLateFeeJob(db, { day, now: NOW })).rejects.toThrow();
    expect(await lateFeesOf(db, layby.id)).toEqual([]);
    expect(await laybyRow(db, layby.id)).toMatchObject({ status: 'ACTIVE', lateFeeCents: 0 });

    await db.execute(sql`drop trigger refuse_flags on flagged_events`);
    await runLateFeeJob(db, { day, now: NOW });
    expect(await lateFeesOf(db, layby.id)).toHaveLength(3);
    expect(await laybyRow(db, layby.id)).toMatchObject({ status: 'DEFAULTED', lateFeeCents: 300 });
  });
});
