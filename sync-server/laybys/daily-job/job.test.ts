import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralDb } from '../../../db/central/connect';
import {
  auditLog,
  customerLaybyPayments,
  flaggedEvents,
  laybyJobRuns,
  laybyRules,
} from '../../../db/central/schema';
import { createTestCentralDb, type TestCentralDb } from '../../../db/testing/pg';
import { DEFAULT_LAYBY_RULES } from '../../../shared/domain/layby/rules';
import { uuidv7 } from '../../../shared/ids';
import { latestServerSeq } from '../../sync/change-sequence';
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

// Clothing runs on the defaults: 5 % of the missed instalment (capped at US$10), 7 days'
// grace, DEFAULTED at the third missed instalment.
const TODAY = '2026-03-02';
const NOW = new Date('2026-03-02T04:00:00Z');

let database: TestCentralDb;
let db: CentralDb;
let clo: Owner;
let hwr: Owner;

beforeAll(async () => {
  database = await createTestCentralDb();
  db = database.handle.db;
  const org = await seedOrgFixture(db);
  clo = await customerIn(db, org.clothing.id, org.staff.admin.id);
  hwr = await customerIn(db, org.hardware.id, org.staff.admin.id);
  // Hardware saved its own rules: no grace, a fixed US$5 fee.
  await db.insert(laybyRules).values({
    id: uuidv7(),
    businessId: org.hardware.id,
    rules: {
      ...DEFAULT_LAYBY_RULES.HWR,
      lateFeeGraceDays: 0,
      lateFee: { kind: 'FIXED', cents: 500 },
    },
  });
});
afterAll(async () => {
  await database.drop();
});

const run = (day = TODAY, batchSize?: number) => runLateFeeJob(db, { day, now: NOW, batchSize });

describe('the daily late-fee job', () => {
  it('charges a late fee only once the grace period is over, and only once', async () => {
    // Instalment 1 of 2,000 due 7 days ago (still in grace) and 8 days ago (late).
    const inGrace = await insertLayby(db, clo, { schedule: plan('2026-02-09', 3, 2_000) });
    const late = await insertLayby(db, clo, { schedule: plan('2026-02-08', 3, 2_000) });
    const seqBefore = await latestServerSeq(db);

    const first = await run();
    expect(first.feesCharged).toBe(1);
    expect(await lateFeesOf(db, inGrace.id)).toEqual([]);
    const [fee] = await lateFeesOf(db, late.id);
    expect(fee).toMatchObject({
      kind: 'LATE',
      amountCents: 100,
      currency: 'USD',
      instalmentDueDate: '2026-02-22',
      chargedBy: null,
    });
    expect(fee?.serverSeq).toBeGreaterThan(seqBefore);
    const row = await laybyRow(db, late.id);
    expect(row).toMatchObject({
      status: 'ACTIVE',
      lateFeeCents: 100,
      totalFeesCents: 300,
      // 5,800 goods + 300 fees − 2,000 deposit.
      balanceRemainingCents: 6_100,
    });
    expect(row.serverSeq).toBeGreaterThan(seqBefore);
    expect(new Date(row.paymentDueDate ?? '').toISOString()).toBe('2026-02-21T22:00:00.000Z');
    expect((await laybyRow(db, inGrace.id)).serverSeq).toBe(inGrace.serverSeq);

    // The same day again: nothing charged, nothing re-stamped.
    const seqAfterFirst = await latestServerSeq(db);
    const again = await run();
    expect(again).toMatchObject({ feesCharged: 0, laybysChanged: 0, defaulted: 0 });
    expect(await latestServerSeq(db)).toBe(seqAfterFirst);
    expect(await lateFeesOf(db, late.id)).toHaveLength(1);

    // The next day the first one's grace is over; the second owes nothing new.
    const tomorrow = await run('2026-03-03');
    expect(tomorrow.feesCharged).toBe(1);
    expect(await lateFeesOf(db, inGrace.id)).toHaveLength(1);
    expect(await lateFeesOf(db, late.id)).toHaveLength(1);
    expect((await laybyRow(db, late.id)).balanceRemainingCents).toBe(6_100);
  });

  it('marks a layby DEFAULTED at the rules’ count of missed instalments, and flags it', async () => {
    const defaulting = await insertLayby(db, clo, { schedule: plan('2025-12-20', 3, 3_000) });
    // Due 7 Feb, 21 Feb, 7 Mar: two missed by today.
    const twoMissed = await insertLayby(db, clo, { schedule: plan('2026-01-24', 3, 3_000) });
    // Signed under stricter terms: in default at the second missed instalment.
    const strict = await insertLayby(db, clo, {
      schedule: plan('2026-01-24', 3, 3_000),
      terms: { ...DEFAULT_LAYBY_RULES.CLO, defaultAfterMissed: 2 },
    });
    const seqBefore = await latestServerSeq(db);
    const summary = await run();

    const row = await laybyRow(db, defaulting.id);
    expect(row.status).toBe('DEFAULTED');
    expect(row.serverSeq).toBeGreaterThan(seqBefore);
    // Three fees of 5 % of 3,000 = 150 each.
    expect((await lateFeesOf(db, defaulting.id)).map((f) => f.amountCents)).toEqual([
      150, 150, 150,
    ]);
    expect(row).toMatchObject({ lateFeeCents: 450, totalFeesCents: 650 });
    expect((await laybyRow(db, twoMissed.id)).status).toBe('ACTIVE');
    expect(await lateFeesOf(db, twoMissed.id)).toHaveLength(2);
    expect((await laybyRow(db, strict.id)).status).toBe('DEFAULTED');

    const flags = await db
      .select()
      .from(flaggedEvents)
      .where(
        and(eq(flaggedEvents.kind, 'LAYBY_DEFAULTED'), eq(flaggedEvents.entityId, defaulting.id)),
      );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      businessId: clo.businessId,
      entityType: 'layby',
      tillId: null,
      resolvedAt: null,
    });
    expect(flags[0]?.message).toContain('3 instalments missed');
    expect(flags[0]?.serverSeq).toBeGreaterThan(seqBefore);
    expect(summary.defaulted).toBe(2);

    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, defaulting.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'layby.default', actorUserId: null });

    // Once DEFAULTED, later runs leave it (and its flag) alone.
    await run();
    await run('2026-03-20');
    expect(await lateFeesOf(db, defaulting.id)).toHaveLength(3);
    const flagsLater = await db
      .select()
      .from(flaggedEvents)
      .where(eq(flaggedEvents.entityId, defaulting.id));
    expect(flagsLater).toHaveLength(1);
  });

  it('follows the division’s saved rules when the layby has no terms of its own', async () => {
    // Hardware: no grace, US$5 flat. Due yesterday.
    const layby = await insertLayby(db, hwr, { schedule: plan('2026-02-15', 2, 4_000) });
    await run();
    expect((await lateFeesOf(db, layby.id)).map((f) => f.amountCents)).toEqual([500]);
  });

  it('leaves ON_HOLD, paid-up and cancelled laybys untouched', async () => {
    const onHold = await insertLayby(db, clo, {
      schedule: plan('2025-12-01', 3, 2_000),
      status: 'ON_HOLD',
    });
    const paidUp = await insertLayby(db, clo, {
      schedule: plan('2025-12-01', 3, 2_000),
      paidCents: 8_000,
    });
    const cancelled = await insertLayby(db, clo, {
      schedule: plan('2025-12-01', 3, 2_000),
      status: 'CANCELLED',
    });
    const onTime = await insertLayby(db, clo, {
      schedule: plan('2026-01-20', 3, 2_000),
      paidCents: 6_000,
    });
    await run();
    for (const { id, serverSeq } of [onHold, paidUp, cancelled, onTime]) {
      expect(await lateFeesOf(db, id)).toEqual([]);
      expect((await laybyRow(db, id)).serverSeq).toBe(serverSeq);
    }
    expect((await laybyRow(db, onHold.id)).status).toBe('ON_HOLD');
  });

  it('judges by the money rows, not a stale cache, and heals the cache', async () => {
    // Behind by the cache, but a payment row covering the first instalment is there.
    const layby = await insertLayby(db, clo, { schedule: plan('2026-02-01', 3, 2_000) });
    await db.insert(customerLaybyPayments).values({
      id: uuidv7(),
      laybyId: layby.id,
      businessId: clo.businessId,
      receiptNumber: `${layby.laybyNumber}-LATE-PUSH`,
      amountCents: 2_000,
      currency: 'USD',
      paymentMethod: 'CASH',
      processedBy: clo.userId,
    });
    await run();
    expect(await lateFeesOf(db, layby.id)).toEqual([]);
    const row = await laybyRow(db, layby.id);
    expect(row).toMatchObject({ totalPaidCents: 4_000, balanceRemainingCents: 4_000 });
    // Next due: the second instalment, 1 March (its shop day starts 22:00 UTC the day before).
    expect(new Date(row.paymentDueDate ?? '').toISOString()).toBe('2026-02-28T22:00:00.000Z');
  });

  it('records the day’s run with its counts', async () => {
    const [row] = await db.select().from(laybyJobRuns).where(eq(laybyJobRuns.day, TODAY));
    expect(row?.finishedAt).not.toBeNull();
    expect(row?.feesCharged).toBeGreaterThan(0);
    expect(row?.defaulted).toBe(2);
  });
});
