import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  businessOrders,
  customerCommunications,
  customerCredits,
  customerDivisionAccounts as accounts,
  customerLaybys,
  customerNotes,
  customerPayments,
  universalCustomers,
} from '../../db/central/schema';
import { CustomerDetail } from '../../shared/contract/head-office/customers';
import { MergeResult } from '../../shared/contract/head-office/merge';
import { resolveAccountId, resolveCustomerId } from './appliers';
import { setMoney } from './testing/rows';
import { startHarness, type Harness } from './testing/harness';
import { seedMergePair } from './testing/merge-pair';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const pair = (tag: string) => seedMergePair(h, tag);

const merge = (body: unknown, token = h.tokens.admin) =>
  h.call('POST', '/api/customers/merge', token, body);
const one = async <T>(rows: Promise<T[]>) => (await rows)[0];

describe('POST /api/customers/merge', () => {
  it('moves everything to the survivor in one go, adding two accounts of a division together', async () => {
    const db = h.database.handle.db;
    const p = await pair('A');
    const seqBefore =
      (await one(db.select().from(customerLaybys).where(eq(customerLaybys.id, p.rows.layby))))
        ?.serverSeq ?? 0;
    const response = await merge({
      survivorId: p.survivor.id,
      mergedId: p.merged.id,
      fieldChoices: { city: 'merged' },
    });
    expect(response.statusCode).toBe(200);
    const result = MergeResult.parse(response.json());
    expect(result.survivor).toMatchObject({
      fullName: 'Tendai Moyo',
      city: 'Gweru',
      primaryEmail: 't.a@example.com',
    });
    expect(result).toMatchObject({ combinedAccounts: ['CLO'], movedAccounts: ['HWR'] });
    expect(result.moved).toMatchObject({
      laybys: 1,
      payments: 1,
      notes: 1,
      communications: 1,
      orders: 1,
      credits: 1,
    });

    const sClo = await one(db.select().from(accounts).where(eq(accounts.id, p.sClo.id)));
    expect(sClo).toMatchObject({
      currentBalanceCents: 1_250,
      totalSpentCents: 7_005,
      loyaltyPoints: 81,
    });
    const mClo = await one(db.select().from(accounts).where(eq(accounts.id, p.mClo.id)));
    expect(mClo).toMatchObject({
      status: 'CLOSED',
      isActive: false,
      currentBalanceCents: 0,
      loyaltyPoints: 0,
    });
    expect(mClo?.inactivationReason).toContain(p.sClo.divisionCustomerNumber);
    expect(
      (await one(db.select().from(accounts).where(eq(accounts.id, p.mHwr.id))))
        ?.universalCustomerId,
    ).toBe(p.survivor.id);

    const layby = await one(
      db.select().from(customerLaybys).where(eq(customerLaybys.id, p.rows.layby)),
    );
    expect(layby).toMatchObject({
      universalCustomerId: p.survivor.id,
      divisionAccountId: p.sClo.id,
    });
    expect(layby?.serverSeq).toBeGreaterThan(seqBefore);
    expect(
      (await one(db.select().from(customerPayments).where(eq(customerPayments.id, p.rows.payment))))
        ?.divisionAccountId,
    ).toBe(p.sClo.id);
    expect(
      await one(db.select().from(customerNotes).where(eq(customerNotes.id, p.rows.note))),
    ).toMatchObject({ universalCustomerId: p.survivor.id, divisionAccountId: p.sClo.id });
    expect(
      (
        await one(
          db
            .select()
            .from(customerCommunications)
            .where(eq(customerCommunications.id, p.rows.communication)),
        )
      )?.universalCustomerId,
    ).toBe(p.survivor.id);
    expect(
      await one(db.select().from(businessOrders).where(eq(businessOrders.id, p.rows.order))),
    ).toMatchObject({ universalCustomerId: p.survivor.id, divisionAccountId: p.sClo.id });
    expect(
      (await one(db.select().from(customerCredits).where(eq(customerCredits.id, p.rows.credit))))
        ?.universalCustomerId,
    ).toBe(p.survivor.id);

    expect(
      (
        await one(
          db.select().from(universalCustomers).where(eq(universalCustomers.id, p.merged.id)),
        )
      )?.mergedIntoId,
    ).toBe(p.survivor.id);
    expect(await resolveCustomerId(db, p.merged.id)).toBe(p.survivor.id);
    expect(await resolveAccountId(db, p.mClo.id)).toBe(p.sClo.id);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, result.mergeId));
    expect(audits.map((a) => a.action)).toEqual(['customer.merge']);

    const history = await h.call('GET', `/api/customers/${p.survivor.id}/history`, h.tokens.admin);
    expect(history.json()).toMatchObject({
      total: 1,
      summary: [{ divisionCode: 'CLO', orders: 1, totalCents: 1_500 }],
    });
  });

  it('answers a GET on the merged id with the survivor (308 to its URL)', async () => {
    const p = await pair('B');
    expect((await merge({ survivorId: p.survivor.id, mergedId: p.merged.id })).statusCode).toBe(
      200,
    );
    const response = await h.call('GET', `/api/customers/${p.merged.id}`, h.tokens.cashier);
    expect(response.statusCode).toBe(308);
    expect(response.headers.location).toBe(`/api/customers/${p.survivor.id}`);
    expect(CustomerDetail.parse(response.json()).id).toBe(p.survivor.id);
    const byNumber = await h.call(
      'GET',
      `/api/customers/search?q=${p.merged.customerNumber}`,
      h.tokens.cashier,
    );
    expect(byNumber.json()).toMatchObject({ items: [{ id: p.survivor.id }] });
    const edit = await h.call('PUT', `/api/customers/${p.merged.id}`, h.tokens.admin, {
      city: 'Kwekwe',
    });
    expect(edit.statusCode).toBe(409);
    expect(
      (await merge({ survivorId: p.survivor.id, mergedId: p.merged.id })).json(),
    ).toMatchObject({ error: { field: 'mergedId' } });
  });

  it('is for head-office admins only, and names bad fields', async () => {
    const p = await pair('C');
    expect(
      (await merge({ survivorId: p.survivor.id, mergedId: p.merged.id }, h.tokens.supervisor))
        .statusCode,
    ).toBe(403);
    expect(
      (await merge({ survivorId: p.survivor.id, mergedId: p.survivor.id })).json(),
    ).toMatchObject({ error: { field: 'mergedId' } });
    const badChoice = await merge({
      survivorId: p.survivor.id,
      mergedId: p.merged.id,
      fieldChoices: { city: 'both' },
    });
    expect(badChoice.json()).toMatchObject({ error: { field: 'fieldChoices.city' } });
    await setMoney(h.database.handle.db, p.mClo.id, {
      currentBalanceCents: 0,
      totalSpentCents: 0,
      loyaltyPoints: 0,
      currency: 'ZWG',
    });
    const currencies = await merge({ survivorId: p.survivor.id, mergedId: p.merged.id });
    expect(currencies.statusCode).toBe(409);
    const [still] = await h.database.handle.db
      .select()
      .from(universalCustomers)
      .where(eq(universalCustomers.id, p.merged.id));
    expect(still?.mergedIntoId).toBeNull();
  });
});
