import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, universalCustomers } from '../../db/central/schema';
import {
  Customer,
  CustomerDetail,
  CustomerPage,
} from '../../shared/contract/head-office/customers';
import { createCustomer, personBody } from './testing/builders';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('POST /api/customers', () => {
  it('registers a customer in canonical form, numbered by head office and audited', async () => {
    const response = await h.call(
      'POST',
      '/api/customers',
      h.tokens.admin,
      personBody({
        primaryPhone: '0772 555 001',
        nationalId: '63 555001 b 12',
        primaryEmail: ' Chipo@Example.COM ',
      }),
    );
    expect(response.statusCode).toBe(201);
    const body = Customer.parse(response.json());
    expect(body).toMatchObject({
      fullName: 'Tendai Moyo',
      primaryPhone: '+263772555001',
      nationalId: '63-555001B12',
      primaryEmail: 'chipo@example.com',
      source: 'head-office',
    });
    expect(body.customerNumber).toMatch(/^UCST-\d{6}$/);
    const [row] = await h.database.handle.db
      .select()
      .from(universalCustomers)
      .where(eq(universalCustomers.id, body.id));
    expect(row?.serverSeq).toBeGreaterThan(0);
    const audits = await h.database.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, 'customer.create')));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorUserId).toBe(h.org.staff.admin.id);
  });

  it('answers 400 naming the bad field', async () => {
    const badPhone = await h.call(
      'POST',
      '/api/customers',
      h.tokens.admin,
      personBody({ primaryPhone: '12' }),
    );
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json()).toMatchObject({
      error: { code: 'INVALID_INPUT', field: 'primaryPhone' },
    });
    const business = await h.call('POST', '/api/customers', h.tokens.admin, {
      type: 'BUSINESS',
      primaryPhone: '0772000111',
    });
    expect(business.json()).toMatchObject({ error: { field: 'companyName' } });
  });

  it('answers 401 without a token and 409 naming a unique field already held', async () => {
    expect((await h.call('POST', '/api/customers', null, personBody())).statusCode).toBe(401);
    const first = await createCustomer(h);
    const again = await h.call(
      'POST',
      '/api/customers',
      h.tokens.admin,
      personBody({ nationalId: first.nationalId }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { field: 'nationalId' } });
  });
});

describe('GET /api/customers', () => {
  it('pages newest first with a total, and filters by type, status, tag and created range', async () => {
    for (let i = 0; i < 3; i += 1) await createCustomer(h, { tags: ['paging-test'] });
    const page = await h.call('GET', '/api/customers?tag=paging-test&limit=2', h.tokens.cashier);
    expect(page.statusCode).toBe(200);
    const body = CustomerPage.parse(page.json());
    expect(body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(body.items).toHaveLength(2);
    const rest = CustomerPage.parse(
      (
        await h.call('GET', '/api/customers?tag=paging-test&limit=2&offset=2', h.tokens.cashier)
      ).json(),
    );
    expect(rest.items).toHaveLength(1);
    expect(new Set([...body.items, ...rest.items].map((c) => c.id)).size).toBe(3);
    const org = await h.call('POST', '/api/customers', h.tokens.admin, {
      type: 'NGO',
      companyName: 'Hope Trust',
      primaryPhone: '0242700100',
      tags: ['paging-test'],
    });
    expect(org.statusCode).toBe(201);
    const ngos = CustomerPage.parse(
      (await h.call('GET', '/api/customers?tag=paging-test&type=NGO', h.tokens.cashier)).json(),
    );
    expect(ngos.items.map((c) => c.fullName)).toEqual(['Hope Trust']);
    const byName = CustomerPage.parse(
      (
        await h.call('GET', '/api/customers?q=hope%20trust&tag=paging-test', h.tokens.cashier)
      ).json(),
    );
    expect(byName).toMatchObject({ total: 1, items: [{ fullName: 'Hope Trust' }] });
    const future = CustomerPage.parse(
      (await h.call('GET', '/api/customers?createdFrom=2099-01-01', h.tokens.cashier)).json(),
    );
    expect(future.total).toBe(0);
    const bad = await h.call('GET', '/api/customers?limit=1000', h.tokens.cashier);
    expect(bad.json()).toMatchObject({ error: { field: 'limit' } });
    const backwards = await h.call(
      'GET',
      '/api/customers?createdFrom=2025-02-01&createdTo=2025-01-01',
      h.tokens.cashier,
    );
    expect(backwards.json()).toMatchObject({ error: { field: 'createdTo' } });
  });
});

describe('GET, PUT and DELETE /api/customers/:id', () => {
  it('shows a customer, edits a field (audited with before and after) and soft-deletes with a reason', async () => {
    const created = await createCustomer(h);
    const shown = await h.call('GET', `/api/customers/${created.id}`, h.tokens.cashier);
    expect(CustomerDetail.parse(shown.json())).toMatchObject({
      id: created.id,
      divisionAccounts: [],
    });

    const edited = await h.call('PUT', `/api/customers/${created.id}`, h.tokens.cashier, {
      city: 'Mutare',
      lastName: 'Ncube',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ city: 'Mutare', fullName: 'Tendai Ncube' });
    const [audit] = await h.database.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'customer.update')));
    expect(audit).toMatchObject({
      before: { city: 'Harare', lastName: 'Moyo', fullName: 'Tendai Moyo' },
      after: { city: 'Mutare', lastName: 'Ncube' },
    });

    const unknownField = await h.call('PUT', `/api/customers/${created.id}`, h.tokens.cashier, {
      isActive: false,
    });
    expect(unknownField.statusCode).toBe(400);
    const badEmail = await h.call('PUT', `/api/customers/${created.id}`, h.tokens.cashier, {
      primaryEmail: 'nope',
    });
    expect(badEmail.json()).toMatchObject({ error: { field: 'primaryEmail' } });

    expect(
      (
        await h.call('DELETE', `/api/customers/${created.id}`, h.tokens.cashier, {
          reason: 'Left the country',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await h.call('DELETE', `/api/customers/${created.id}`, h.tokens.supervisor, {})).json(),
    ).toMatchObject({ error: { field: 'reason' } });
    const deleted = await h.call('DELETE', `/api/customers/${created.id}`, h.tokens.supervisor, {
      reason: 'Left the country',
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({ isActive: false });
    const [row] = await h.database.handle.db
      .select()
      .from(universalCustomers)
      .where(eq(universalCustomers.id, created.id));
    expect(row).toMatchObject({ isActive: false, deletedAt: null });
    const [why] = await h.database.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'customer.setActive')));
    expect(why?.after).toMatchObject({ isActive: false, reason: 'Left the country' });
    const inactive = CustomerPage.parse(
      (
        await h.call(
          'GET',
          `/api/customers?status=INACTIVE&q=${created.customerNumber}`,
          h.tokens.cashier,
        )
      ).json(),
    );
    expect(inactive.items.map((c) => c.id)).toEqual([created.id]);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect(
      (await h.call('GET', '/api/customers/0190aaaa-0000-7000-8000-000000000000', h.tokens.cashier))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.call('GET', '/api/customers/not-an-id', h.tokens.cashier)).json(),
    ).toMatchObject({ error: { field: 'id' } });
  });
});
