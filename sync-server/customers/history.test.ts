import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessOrderLines, businessOrders } from '../../db/central/schema';
import { CustomerHistory } from '../../shared/contract/head-office/history';
import { uuidv7 } from '../../shared/ids';
import { createCustomer } from './testing/builders';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
let customerId: string;

beforeAll(async () => {
  h = await startHarness();
  customerId = (await createCustomer(h)).id;
  const orders = [
    {
      businessId: h.org.clothing.id,
      day: '2026-01-05',
      total: 2_500,
      status: 'COMPLETED' as const,
    },
    {
      businessId: h.org.hardware.id,
      day: '2026-01-10',
      total: 12_000,
      status: 'COMPLETED' as const,
    },
    { businessId: h.org.clothing.id, day: '2026-02-01', total: 1_000, status: 'VOIDED' as const },
    { businessId: h.org.hardware.id, day: '2026-02-15', total: 800, status: 'COMPLETED' as const },
  ];
  for (const [i, order] of orders.entries()) {
    const id = uuidv7();
    await h.database.handle.db.insert(businessOrders).values({
      id,
      orderNumber: `ORD-T-${i}`,
      businessId: order.businessId,
      universalCustomerId: customerId,
      status: order.status,
      paymentStatus: 'PAID',
      subtotalCents: order.total,
      totalCents: order.total,
      paidCents: order.total,
      currency: 'USD',
      createdAt: `${order.day}T10:00:00Z`,
    });
    await h.database.handle.db.insert(businessOrderLines).values({
      id: uuidv7(),
      orderId: id,
      businessId: order.businessId,
      lineNumber: 1,
      description: `Item ${i}`,
      quantityMilli: 1_000,
      unitPriceCents: order.total,
      lineTotalCents: order.total,
      currency: 'USD',
    });
  }
});
afterAll(async () => {
  await h.close();
});

const history = async (query: string, token = h.tokens.admin) => {
  const response = await h.call('GET', `/api/customers/${customerId}/history${query}`, token);
  expect(response.statusCode).toBe(200);
  return CustomerHistory.parse(response.json());
};

describe('GET /api/customers/:id/history', () => {
  it('lists orders of every division newest first, with lines and totals per division', async () => {
    const all = await history('');
    expect(all.items.map((o) => o.orderNumber)).toEqual([
      'ORD-T-3',
      'ORD-T-2',
      'ORD-T-1',
      'ORD-T-0',
    ]);
    expect(all.items[0]?.lines).toEqual([
      expect.objectContaining({ description: 'Item 3', lineTotalCents: 800 }),
    ]);
    expect(all.summary).toEqual(
      expect.arrayContaining([
        { divisionCode: 'CLO', currency: 'USD', orders: 1, totalCents: 2_500, paidCents: 2_500 },
        { divisionCode: 'HWR', currency: 'USD', orders: 2, totalCents: 12_800, paidCents: 12_800 },
      ]),
    );
  });

  it('pages, filters by division and dates, and shows division staff their own division only', async () => {
    const page = await history('?limit=2&offset=2');
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect(page.items.map((o) => o.orderNumber)).toEqual(['ORD-T-1', 'ORD-T-0']);
    expect((await history('?division=HWR')).items.map((o) => o.divisionCode)).toEqual([
      'HWR',
      'HWR',
    ]);
    expect(
      (await history('?from=2026-01-06&to=2026-02-01')).items.map((o) => o.orderNumber),
    ).toEqual(['ORD-T-2', 'ORD-T-1']);
    expect((await history('', h.tokens.cashier)).items.map((o) => o.divisionCode)).toEqual([
      'CLO',
      'CLO',
    ]);
    const backwards = await h.call(
      'GET',
      `/api/customers/${customerId}/history?from=2026-03-01&to=2026-01-01`,
      h.tokens.admin,
    );
    expect(backwards.json()).toMatchObject({ error: { field: 'to' } });
    expect(
      (await h.call('GET', `/api/customers/${uuidv7()}/history`, h.tokens.admin)).statusCode,
    ).toBe(404);
  });
});
