import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../customers/testing/harness';
import { customerIn, divisionManager, insertLayby } from '../daily-job/testing/builders';
import type { LaybyReport } from './report';

// A known data set on shop day 2026-03-02 (the harness's clock). Every layby took a 2,000
// deposit and 200 of opening fees, and its goods total makes the schedule add up, so its
// balance is its unpaid schedule: goods = schedule + 2,000 − 200.

let h: Harness;
let managerToken: string;

const due = (dueDate: string, amountCents: number) => [{ dueDate, amountCents }];

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.handle.db;
  const admin = h.org.staff.admin.id;
  const clo = await customerIn(db, h.org.clothing.id, admin);
  const hwr = await customerIn(db, h.org.hardware.id, admin);
  // Clothing, US$.
  await insertLayby(db, clo, {
    schedule: [...due('2026-03-10', 3_000), ...due('2026-03-24', 3_000)],
  });
  await insertLayby(db, clo, {
    schedule: [...due('2026-02-25', 1_000), ...due('2026-03-25', 1_000)],
  }); // 5 days
  await insertLayby(db, clo, {
    schedule: [...due('2026-02-10', 1_000), ...due('2026-03-10', 1_000)],
  }); // 20 days
  await insertLayby(db, clo, {
    schedule: [...due('2025-11-22', 1_500), ...due('2025-12-22', 1_500)], // 100 days
    status: 'DEFAULTED',
  });
  await insertLayby(db, clo, { schedule: due('2026-01-21', 1_000), status: 'ON_HOLD' }); // not aged
  await insertLayby(db, clo, {
    schedule: due('2026-02-01', 1_000),
    paidCents: 3_000,
    status: 'COMPLETED',
  });
  // Clothing, ZiG: 45 days.
  await insertLayby(db, clo, { schedule: due('2026-01-16', 5_000), currency: 'ZWG' });
  // Hardware: 70 days, and a cancelled one.
  await insertLayby(db, hwr, { schedule: due('2025-12-22', 2_000) });
  await insertLayby(db, hwr, { schedule: due('2026-03-20', 1_000), status: 'CANCELLED' });
  const manager = await divisionManager(db, h.org.clothing.id, 'clo.manager');
  managerToken = await h.signIn(manager.username, manager.pin);
});
afterAll(async () => {
  await h.close();
});

const row = (division: string, status: string, currency: string, n: number[]) => ({
  division,
  status,
  currency,
  count: n[0],
  totalCents: n[1],
  paidCents: n[2],
  balanceCents: n[3],
  feesCents: n[4],
});
const CLOTHING = [
  row('CLO', 'ACTIVE', 'USD', [3, 15_400, 6_000, 10_000, 600]),
  row('CLO', 'ACTIVE', 'ZWG', [1, 6_800, 2_000, 5_000, 200]),
  row('CLO', 'COMPLETED', 'USD', [1, 2_800, 3_000, 0, 200]),
  row('CLO', 'DEFAULTED', 'USD', [1, 4_800, 2_000, 3_000, 200]),
  row('CLO', 'ON_HOLD', 'USD', [1, 2_800, 2_000, 1_000, 200]),
];
const HARDWARE = [
  row('HWR', 'ACTIVE', 'USD', [1, 3_800, 2_000, 2_000, 200]),
  row('HWR', 'CANCELLED', 'USD', [1, 2_800, 2_000, 1_000, 200]),
];
const buckets = (counts: [number, number][]) =>
  ['1-7', '8-30', '31-60', '61-90', '90+'].map((label, i) => ({
    label,
    count: counts[i]?.[0] ?? 0,
    balanceCents: counts[i]?.[1] ?? 0,
  }));
const CLOTHING_AGEING = [
  {
    division: 'CLO',
    currency: 'USD',
    buckets: buckets([
      [1, 2_000],
      [1, 2_000],
      [0, 0],
      [0, 0],
      [1, 3_000],
    ]),
  },
  {
    division: 'CLO',
    currency: 'ZWG',
    buckets: buckets([
      [0, 0],
      [0, 0],
      [1, 5_000],
    ]),
  },
];
const HARDWARE_AGEING = [
  {
    division: 'HWR',
    currency: 'USD',
    buckets: buckets([
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 2_000],
    ]),
  },
];

describe('GET /api/reports/laybys', () => {
  it('gives head office every division by status and currency, with the ageing', async () => {
    const response = await h.call('GET', '/api/reports/laybys', h.tokens.admin);
    expect(response.statusCode).toBe(200);
    const report = response.json<LaybyReport>();
    expect(report).toMatchObject({
      asOf: '2026-03-02',
      division: null,
      byStatus: [...CLOTHING, ...HARDWARE],
      ageingStatuses: ['ACTIVE', 'DEFAULTED'],
      ageing: [...CLOTHING_AGEING, ...HARDWARE_AGEING],
    });
    expect(report.totals).toContainEqual({
      status: 'ACTIVE',
      currency: 'USD',
      count: 4,
      totalCents: 19_200,
      paidCents: 8_000,
      balanceCents: 12_000,
      feesCents: 800,
    });
    expect(report.ageing[0]?.buckets[4]).toEqual({
      label: '90+',
      fromDays: 91,
      toDays: null,
      count: 1,
      balanceCents: 3_000,
    });
  });

  it('narrows to one division on request', async () => {
    const response = await h.call('GET', '/api/reports/laybys?division=HWR', h.tokens.admin);
    expect(response.json()).toMatchObject({
      division: 'HWR',
      byStatus: HARDWARE,
      ageing: HARDWARE_AGEING,
    });
  });

  it("shows a division manager their own division's figures only", async () => {
    const own = await h.call('GET', '/api/reports/laybys', managerToken);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      division: 'CLO',
      byStatus: CLOTHING,
      ageing: CLOTHING_AGEING,
    });
    expect((await h.call('GET', '/api/reports/laybys?division=HWR', managerToken)).statusCode).toBe(
      403,
    );
  });

  it('is not for cashiers or supervisors, and names a bad division', async () => {
    expect((await h.call('GET', '/api/reports/laybys', h.tokens.cashier)).statusCode).toBe(403);
    expect((await h.call('GET', '/api/reports/laybys', h.tokens.supervisor)).statusCode).toBe(403);
    const bad = await h.call('GET', '/api/reports/laybys?division=XYZ', h.tokens.admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'division' } });
  });
});
