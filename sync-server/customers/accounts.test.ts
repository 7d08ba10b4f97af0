import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberBlocks, tills } from '../../db/central/schema';
import { DivisionAccount } from '../../shared/contract/head-office/customers';
import { uuidv7 } from '../../shared/ids';
import { leaseNextBlock } from '../sync/number-leases';
import { createCustomer, openAccount } from './testing/builders';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('division accounts', () => {
  it('numbers a head-office account from a block leased to no till, after any till block', async () => {
    const db = h.database.handle.db;
    const tillId = uuidv7();
    await db.insert(tills).values({
      id: tillId,
      name: 'CLO 1',
      businessId: h.org.clothing.id,
      tokenHash: `h-${tillId}`,
      protocolVersion: 1,
    });
    const tillBlock = await db.transaction((tx) =>
      leaseNextBlock(tx, { series: 'DIVISION_ACCOUNT', businessId: h.org.clothing.id, tillId }),
    );
    const customer = await createCustomer(h);
    const response = await h.call(
      'POST',
      `/api/customers/${customer.id}/divisions`,
      h.tokens.admin,
      {
        divisionId: h.org.clothing.id,
        smsConsent: true,
      },
    );
    expect(response.statusCode).toBe(201);
    const account = DivisionAccount.parse(response.json());
    const n = Number(account.divisionCustomerNumber.slice('CLO-CUST-'.length));
    expect(account).toMatchObject({
      divisionCode: 'CLO',
      status: 'ACTIVE',
      currency: 'USD',
      smsConsent: true,
    });
    expect(n).toBeGreaterThan(tillBlock.rangeEnd);
    const [own] = await db
      .select()
      .from(numberBlocks)
      .where(and(eq(numberBlocks.businessId, h.org.clothing.id), isNull(numberBlocks.tillId)));
    expect(own).toMatchObject({ rangeStart: n, rangeEnd: n });
  });

  it('lists the accounts a member of staff may see, and refuses a second account in a division', async () => {
    const customer = await createCustomer(h);
    await openAccount(h, customer.id, h.org.clothing.id);
    await openAccount(h, customer.id, h.org.hardware.id);
    const all = await h.call('GET', `/api/customers/${customer.id}/divisions`, h.tokens.admin);
    expect(all.json<{ items: unknown[] }>().items).toHaveLength(2);
    const clothingOnly = await h.call(
      'GET',
      `/api/customers/${customer.id}/divisions`,
      h.tokens.cashier,
    );
    expect(
      clothingOnly.json<{ items: { divisionCode: string }[] }>().items.map((a) => a.divisionCode),
    ).toEqual(['CLO']);
    const again = await h.call('POST', `/api/customers/${customer.id}/divisions`, h.tokens.admin, {
      divisionId: h.org.clothing.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { field: 'divisionId' } });
  });

  it('lets division staff open accounts in their own division only, and names bad fields', async () => {
    const customer = await createCustomer(h);
    const other = await h.call(
      'POST',
      `/api/customers/${customer.id}/divisions`,
      h.tokens.cashier,
      { divisionId: h.org.hardware.id },
    );
    expect(other.statusCode).toBe(403);
    const own = await h.call('POST', `/api/customers/${customer.id}/divisions`, h.tokens.cashier, {
      divisionId: h.org.clothing.id,
    });
    expect(own.statusCode).toBe(201);
    const bad = await h.call('POST', `/api/customers/${customer.id}/divisions`, h.tokens.admin, {
      divisionId: h.org.hardware.id,
      preferredPaymentMethod: 'GOLD',
    });
    expect(bad.json()).toMatchObject({ error: { field: 'preferredPaymentMethod' } });
    const unknown = await h.call(
      'POST',
      `/api/customers/${customer.id}/divisions`,
      h.tokens.admin,
      { divisionId: uuidv7() },
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe('links to users and employees', () => {
  it('links a customer to a login once; a second customer gets 409 naming the field', async () => {
    const first = await createCustomer(h);
    const second = await createCustomer(h);
    const userId = h.org.staff.cashier.id;
    expect(
      (await h.call('POST', `/api/customers/${first.id}/link-user`, h.tokens.cashier, { userId }))
        .statusCode,
    ).toBe(403);
    const linked = await h.call('POST', `/api/customers/${first.id}/link-user`, h.tokens.admin, {
      userId,
    });
    expect(linked.json()).toMatchObject({ linkedUserId: userId });
    const clash = await h.call('POST', `/api/customers/${second.id}/link-user`, h.tokens.admin, {
      userId,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ error: { code: 'CONFLICT', field: 'userId' } });
    const unlinked = await h.call('POST', `/api/customers/${first.id}/link-user`, h.tokens.admin, {
      userId: null,
    });
    expect(unlinked.json()).toMatchObject({ linkedUserId: null });
    expect(
      (await h.call('POST', `/api/customers/${second.id}/link-user`, h.tokens.admin, { userId }))
        .statusCode,
    ).toBe(200);
  });

  it('links employees the same way and refuses an unknown one', async () => {
    const customer = await createCustomer(h);
    const missing = await h.call(
      'POST',
      `/api/customers/${customer.id}/link-employee`,
      h.tokens.admin,
      { employeeId: uuidv7() },
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { field: 'employeeId' } });
    const malformed = await h.call(
      'POST',
      `/api/customers/${customer.id}/link-employee`,
      h.tokens.admin,
      { employeeId: 'x' },
    );
    expect(malformed.json()).toMatchObject({ error: { field: 'employeeId' } });
  });
});
