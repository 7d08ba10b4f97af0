import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../customers/testing/harness';
import { customerIn, insertLayby, plan } from './testing/builders';

// The harness's clock reads 2026-03-02 08:00 UTC: shop day 2026-03-02.

let h: Harness;
let defaulting: { id: string; laybyNumber: string };

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.handle.db;
  const clo = await customerIn(db, h.org.clothing.id, h.org.staff.admin.id, 'Chipo Ncube');
  const hwr = await customerIn(db, h.org.hardware.id, h.org.staff.admin.id);
  defaulting = await insertLayby(db, clo, { schedule: plan('2025-12-20', 3, 3_000) });
  await insertLayby(db, clo, { schedule: plan('2026-02-01', 3, 3_000) });
  await insertLayby(db, hwr, { schedule: plan('2026-03-01', 3, 3_000) });
});
afterAll(async () => {
  await h.close();
});

describe('POST /api/laybys/jobs/late-fees/run', () => {
  const url = '/api/laybys/jobs/late-fees/run';

  it('is for head office only', async () => {
    expect((await h.call('POST', url, h.tokens.cashier, {})).statusCode).toBe(403);
    expect((await h.call('POST', url, h.tokens.supervisor, {})).statusCode).toBe(403);
    expect((await h.call('POST', url, null, {})).statusCode).toBe(401);
  });

  it('refuses a day in the future or not a day', async () => {
    const future = await h.call('POST', url, h.tokens.admin, { day: '2026-03-03' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'day' } });
    expect((await h.call('POST', url, h.tokens.admin, { day: '2 March' })).statusCode).toBe(400);
  });

  it("runs today's job, and a second run changes nothing", async () => {
    const first = await h.call('POST', url, h.tokens.admin, {});
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      day: '2026-03-02',
      // Three of 150 for the defaulting layby, one for the other's instalment of 15 February.
      feesCharged: 4,
      feesCents: { USD: 600 },
      defaulted: 1,
      skipped: 0,
    });
    const second = await h.call('POST', url, h.tokens.admin, { day: '2026-03-02' });
    expect(second.json()).toMatchObject({ feesCharged: 0, laybysChanged: 0, defaulted: 0 });
  });
});

describe('GET /api/laybys/defaulted', () => {
  type Page = { items: { id: string; laybyNumber: string; customerName: string }[]; total: number };

  it("lists a division's defaulted laybys with who owes what", async () => {
    const response = await h.call('GET', '/api/laybys/defaulted?division=CLO', h.tokens.admin);
    expect(response.statusCode).toBe(200);
    const page = response.json<Page>();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: defaulting.id,
      laybyNumber: defaulting.laybyNumber,
      division: 'CLO',
      customerName: 'Chipo Ncube',
      lateFeeCents: 450,
      balanceRemainingCents: 9_450,
      nextDueDate: '2026-01-03',
      defaultedAt: '2026-03-02T08:00:00.000Z',
    });
    const hardware = await h.call('GET', '/api/laybys/defaulted?division=HWR', h.tokens.admin);
    expect(hardware.json<Page>().total).toBe(0);
  });

  it("shows division staff their own division's, and no other", async () => {
    const own = await h.call('GET', '/api/laybys/defaulted', h.tokens.supervisor);
    expect(own.json<Page>().items.map((i) => i.id)).toEqual([defaulting.id]);
    const other = await h.call('GET', '/api/laybys/defaulted?division=HWR', h.tokens.supervisor);
    expect(other.statusCode).toBe(403);
    expect((await h.call('GET', '/api/laybys/defaulted', h.tokens.cashier)).statusCode).toBe(403);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await h.call('GET', '/openapi.json', null)).json<{
      paths: Record<string, object>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/laybys/jobs/late-fees/run',
        '/api/laybys/defaulted',
        '/api/reports/laybys',
      ]),
    );
  });
});
