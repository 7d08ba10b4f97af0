import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customerLaybyPayments, customerLaybys } from '../../db/central/schema';
import { pullPage } from '../sync/pull';
import { DEFAULT_LAYBY_RULES } from '../../shared/domain/layby/rules';
import { createCustomer, openAccount } from '../customers/testing/builders';
import { ITEMS, useLaybySuite } from './testing/builders';

const { s, db } = useLaybySuite();

type Detail = {
  id: string;
  laybyNumber: string;
  status: string;
  totalPaidCents: number;
  balanceRemainingCents: number;
  itemsReleased: boolean;
  schedule: { dueDate: string; amountCents: number; paidCents: number; state: string }[];
  payments: { receiptNumber: string; amountCents: number; isRefund: boolean }[];
  fees: { kind: string; amountCents: number }[];
  items: { amountCents: number }[];
  arrearsCents: number;
  overdue: boolean;
  divisionCode: string;
  cancellationRefundCents: number | null;
};

const body = (overrides: Record<string, unknown> = {}) => ({
  divisionId: s.h.org.clothing.id,
  items: ITEMS,
  plan: { frequency: 'MONTHLY', instalments: 2 },
  deposit: { amountCents: 2_000, method: 'CASH' },
  ...overrides,
});

async function customerWithAccount() {
  const c = await createCustomer(s.h);
  await openAccount(s.h, c.id, s.h.org.clothing.id);
  return c.id;
}

async function open(token = s.h.tokens.cashier, overrides: Record<string, unknown> = {}) {
  const customerId = await customerWithAccount();
  const response = await s.h.call(
    'POST',
    `/api/customers/${customerId}/laybys`,
    token,
    body(overrides),
  );
  if (response.statusCode !== 201) throw new Error(`open: ${response.statusCode} ${response.body}`);
  return { customerId, layby: response.json<Detail>() };
}

const error = (response: { json<T>(): T }) =>
  response.json<{ error: { code: string; message: string; field?: string } }>().error;

describe('POST /api/customers/:id/laybys', () => {
  it('opens a numbered layby with its deposit paid, stamped so the division’s tills pull it', async () => {
    const { layby } = await open();
    expect(layby.laybyNumber).toMatch(/^LAY-CLO-\d{6}$/);
    expect(layby).toMatchObject({
      status: 'ACTIVE',
      divisionCode: 'CLO',
      totalPaidCents: 2_000,
      balanceRemainingCents: 8_200,
      fees: [{ kind: 'ADMINISTRATION', amountCents: 200 }],
      items: [{ amountCents: 8_000 }, { amountCents: 2_000 }],
      schedule: [
        { dueDate: '2026-04-02', amountCents: 4_100, paidCents: 0, state: 'UPCOMING' },
        { dueDate: '2026-05-02', amountCents: 4_100, paidCents: 0, state: 'UPCOMING' },
      ],
    });
    expect(layby.payments).toEqual([
      expect.objectContaining({ amountCents: 2_000, isRefund: false }),
    ]);
    expect(layby.payments[0]?.receiptNumber).toMatch(/^CLO-RCT-\d{8}$/);
    const [row] = await db().select().from(customerLaybys).where(eq(customerLaybys.id, layby.id));
    expect(row?.serverSeq).toBeGreaterThan(0);
    expect(row?.originTillId).toBeNull();
    const [payment] = await db()
      .select()
      .from(customerLaybyPayments)
      .where(eq(customerLaybyPayments.laybyId, layby.id));
    expect(payment?.serverSeq).toBeGreaterThan(0);
  });

  it('numbers each layby once', async () => {
    const a = (await open()).layby.laybyNumber;
    const b = (await open()).layby.laybyNumber;
    expect(a).not.toBe(b);
  });

  it('answers invalid input with a 400 naming the field', async () => {
    const customerId = await customerWithAccount();
    const post = (overrides: Record<string, unknown>) =>
      s.h.call('POST', `/api/customers/${customerId}/laybys`, s.h.tokens.cashier, body(overrides));
    const cases: [Record<string, unknown>, string, string][] = [
      [{ items: [] }, 'items', 'add at least one item'],
      [{ deposit: { amountCents: 100 } }, 'deposit.amountCents', 'must be at least 2000 cents'],
      [{ deposit: { amountCents: 12.5 } }, 'deposit.amountCents', 'must be whole cents'],
      [
        { plan: { frequency: 'CUSTOM', instalments: 2, intervalDays: 10 } },
        'plan.frequency',
        'must be one of',
      ],
      [
        { plan: { frequency: 'WEEKLY', instalments: 14 } },
        'plan.instalments',
        `at most ${DEFAULT_LAYBY_RULES.CLO.maxTermDays} days`,
      ],
      [{ plan: undefined }, 'plan', ''],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await post(overrides);
      expect(response.statusCode, field).toBe(400);
      expect(error(response)).toMatchObject({ code: 'INVALID_INPUT', field });
      expect(error(response).message).toContain(message);
    }
    expect(
      await db()
        .select()
        .from(customerLaybys)
        .where(eq(customerLaybys.universalCustomerId, customerId)),
    ).toEqual([]);
  });

  it('refuses staff of another division, signed-out callers, and customers without an account there', async () => {
    const customerId = await customerWithAccount();
    const url = `/api/customers/${customerId}/laybys`;
    const other = await s.h.call('POST', url, s.h.tokens.hardwareCashier, body());
    expect(other.statusCode).toBe(403);
    expect(error(other).field).toBe('divisionId');
    expect((await s.h.call('POST', url, null, body())).statusCode).toBe(401);
    const stranger = await createCustomer(s.h);
    const none = await s.h.call(
      'POST',
      `/api/customers/${stranger.id}/laybys`,
      s.h.tokens.cashier,
      body(),
    );
    expect(none.statusCode).toBe(409);
    expect(error(none).field).toBe('divisionId');
  });
});

describe('GET /api/laybys and /api/laybys/:id', () => {
  it('filters by status, division, customer and overdue, within the caller’s division', async () => {
    const late = await open(s.h.tokens.cashier, { startDate: '2026-01-05' });
    const current = await open();
    const list = async (query: string, token = s.h.tokens.admin) => {
      const response = await s.h.call('GET', `/api/laybys?${query}`, token);
      expect(response.statusCode, query).toBe(200);
      return response.json<{ items: { id: string; overdue: boolean }[]; total: number }>();
    };
    const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
    expect(ids(await list('status=ACTIVE&division=CLO&limit=200'))).toEqual(
      expect.arrayContaining([late.layby.id, current.layby.id]),
    );
    expect(ids(await list('division=HWR'))).toEqual([]);
    expect(ids(await list(`customerId=${late.customerId}`))).toEqual([late.layby.id]);
    const overdue = await list('overdue=true&limit=200');
    expect(ids(overdue)).toContain(late.layby.id);
    expect(ids(overdue)).not.toContain(current.layby.id);
    expect(ids(await list('overdue=false&limit=200'))).toContain(current.layby.id);
    expect(ids(await list('status=CANCELLED'))).not.toContain(late.layby.id);
    expect((await list('', s.h.tokens.hardwareCashier)).total).toBe(0);
    const bad = await s.h.call('GET', '/api/laybys?limit=500', s.h.tokens.admin);
    expect(bad.statusCode).toBe(400);
    expect(error(bad).field).toBe('limit');
    expect(error(await s.h.call('GET', '/api/laybys?overdue=yes', s.h.tokens.admin)).field).toBe(
      'overdue',
    );
  });

  it('shows one layby with its schedule progress; another division’s staff get a 404', async () => {
    const { layby } = await open(s.h.tokens.cashier, { startDate: '2026-01-05' });
    const response = await s.h.call('GET', `/api/laybys/${layby.id}`, s.h.tokens.supervisor);
    expect(response.statusCode).toBe(200);
    expect(response.json<Detail>()).toMatchObject({
      overdue: true,
      arrearsCents: 4_100,
      schedule: [
        { dueDate: '2026-02-05', state: 'LATE' },
        { dueDate: '2026-03-05', state: 'UPCOMING' },
      ],
    });
    expect(
      (await s.h.call('GET', `/api/laybys/${layby.id}`, s.h.tokens.hardwareCashier)).statusCode,
    ).toBe(404);
  });
});

describe('payments, release and cancellation', () => {
  it('takes payments up to the balance; the last completes the layby; then its goods are released once', async () => {
    const { layby } = await open();
    const pay = (amountCents: number, extra: Record<string, unknown> = {}) =>
      s.h.call('POST', `/api/laybys/${layby.id}/payments`, s.h.tokens.cashier, {
        amountCents,
        ...extra,
      });
    const over = await pay(8_201);
    expect(over.statusCode).toBe(400);
    expect(error(over)).toMatchObject({ field: 'amountCents' });
    expect(error(over).message).toContain('more than the balance of 8200 cents');
    const zig = await pay(1_000, {
      tendered: { cents: 20_000, currency: 'ZWG', rateMicros: 37_382, rateDate: '2026-03-02' },
    });
    expect(zig.statusCode).toBe(400);
    expect(error(zig).field).toBe('tendered.cents');
    const early = await s.h.call(
      'POST',
      `/api/laybys/${layby.id}/complete`,
      s.h.tokens.cashier,
      {},
    );
    expect(early.statusCode).toBe(409);
    expect(error(early).message).toContain('the layby is active');

    const part = await pay(1_000, {
      method: 'MOBILE_MONEY',
      reference: 'MP1',
      tendered: { cents: 26_751, currency: 'ZWG', rateMicros: 37_382, rateDate: '2026-03-02' },
    });
    expect(part.statusCode).toBe(201);
    expect(part.json()).toMatchObject({
      payment: { amountCents: 1_000, tenderedCents: 26_751, tenderedCurrency: 'ZWG' },
      layby: { balanceRemainingCents: 7_200 },
      flagged: null,
    });
    const last = await pay(7_200);
    expect(last.json<{ layby: Detail }>().layby).toMatchObject({
      status: 'COMPLETED',
      balanceRemainingCents: 0,
    });
    expect((await pay(100)).statusCode).toBe(409);

    const history = await s.h.call('GET', `/api/laybys/${layby.id}/payments`, s.h.tokens.cashier);
    expect(
      history.json<{ items: { amountCents: number }[] }>().items.map((p) => p.amountCents),
    ).toEqual([2_000, 1_000, 7_200]);

    const done = await s.h.call('POST', `/api/laybys/${layby.id}/complete`, s.h.tokens.cashier, {
      collectedBy: 'Her sister',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json<Detail>().itemsReleased).toBe(true);
    const again = await s.h.call(
      'POST',
      `/api/laybys/${layby.id}/complete`,
      s.h.tokens.cashier,
      {},
    );
    expect(again.statusCode).toBe(409);
  });

  it('cancels with the refund the terms give, supervisors only, once', async () => {
    const { layby } = await open();
    const url = `/api/laybys/${layby.id}/cancel`;
    const cashier = await s.h.call('POST', url, s.h.tokens.cashier, { reason: 'Changed mind' });
    expect(cashier.statusCode).toBe(403);
    const noReason = await s.h.call('POST', url, s.h.tokens.supervisor, {});
    expect(error(noReason).field).toBe('reason');
    const done = await s.h.call('POST', url, s.h.tokens.supervisor, { reason: 'Changed mind' });
    expect(done.statusCode).toBe(200);
    expect(done.json<Detail>()).toMatchObject({
      status: 'CANCELLED',
      cancellationRefundCents: 800,
      totalPaidCents: 1_200,
    });
    expect(done.json<Detail>().payments).toContainEqual(
      expect.objectContaining({ amountCents: 800, isRefund: true }),
    );
    expect(done.json<Detail>().fees).toContainEqual({
      kind: 'CANCELLATION',
      amountCents: 1_000,
      id: expect.any(String) as unknown,
      instalmentDueDate: null,
      chargedAt: expect.any(String) as unknown,
    });
    expect(
      (await s.h.call('POST', url, s.h.tokens.supervisor, { reason: 'Again' })).statusCode,
    ).toBe(409);
    const store = await open();
    const byStore = await s.h.call(
      'POST',
      `/api/laybys/${store.layby.id}/cancel`,
      s.h.tokens.admin,
      {
        reason: 'Stock damaged',
        initiator: 'STORE',
        refundMethod: 'BANK_TRANSFER',
        refundReference: 'EFT 7781',
      },
    );
    expect(byStore.json<Detail>()).toMatchObject({
      cancellationRefundCents: 2_000,
      totalPaidCents: 0,
    });
  });
});

describe('what tills and readers of the API see', () => {
  it('lets the division’s tills, and only them, pull what head office wrote', async () => {
    const { layby } = await open();
    const tillOf = (tillId: string, businessId: string) => ({
      kind: 'till' as const,
      tillId,
      businessId,
      name: 'Till',
    });
    const pulled = async (businessId: string) => {
      const page = await pullPage(db(), tillOf(s.tillA, businessId), 0, 5_000);
      return page.changes
        .filter((c) => c.row.id === layby.id || c.row.laybyId === layby.id)
        .map((c) => c.entity)
        .sort();
    };
    expect(await pulled(s.h.org.clothing.id)).toEqual([
      'customer_layby_fees',
      'customer_layby_payments',
      'customer_laybys',
    ]);
    expect(await pulled(s.h.org.hardware.id)).toEqual([]);
  });

  it('describes the layby routes in the OpenAPI document', async () => {
    const doc = (await s.h.call('GET', '/openapi.json', null)).json<{
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>();
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/laybys',
        'POST /api/customers/{id}/laybys',
        'GET /api/laybys/{id}',
        'POST /api/laybys/{id}/payments',
        'GET /api/laybys/{id}/payments',
        'POST /api/laybys/{id}/complete',
        'POST /api/laybys/{id}/cancel',
        'GET /api/divisions/{code}/layby-rules',
        'PUT /api/divisions/{code}/layby-rules',
      ]),
    );
    expect(
      JSON.stringify(doc.paths['/api/divisions/{code}/layby-rules']?.put?.requestBody),
    ).toContain('minDepositBp');
  });
});
