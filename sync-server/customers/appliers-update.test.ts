import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictLog, universalCustomers } from '../../db/central/schema';
import { createCustomer } from './testing/builders';
import { startHarness, type Harness } from './testing/harness';
import { apply, enrolTill } from './testing/push';

let h: Harness;
let tillA: string;
let tillB: string;
beforeAll(async () => {
  h = await startHarness();
  tillA = await enrolTill(h.database.handle.db, h.org.clothing.id);
  tillB = await enrolTill(h.database.handle.db, h.org.clothing.id);
});
afterAll(async () => {
  await h.close();
});

const at = (recordedAt: string, tillId: string) => ({
  tillId,
  businessId: h.org.clothing.id,
  recordedAt,
});
const cashier = () => h.org.staff.cashier.id;
const row = async (id: string) =>
  (
    await h.database.handle.db
      .select()
      .from(universalCustomers)
      .where(eq(universalCustomers.id, id))
  )[0];

describe('customer.update: concurrent edits merge field by field', () => {
  const edit = (id: string, changes: Record<string, unknown>) => ({
    id,
    actorUserId: cashier(),
    changes,
  });

  it('applies a field nobody else changed and a different field edited on another till', async () => {
    const c = await createCustomer(h, { city: 'Harare', address: '1 Samora Machel Ave' });
    await apply(
      h.database.handle.db,
      'customer.update',
      edit(c.id, { city: { from: 'Harare', to: 'Mutare' } }),
      at('2026-03-02T10:00:00Z', tillA),
    );
    await apply(
      h.database.handle.db,
      'customer.update',
      edit(c.id, { address: { from: '1 Samora Machel Ave', to: '7 Herbert Chitepo St' } }),
      at('2026-03-02T09:00:00Z', tillB),
    );
    expect(await row(c.id)).toMatchObject({ city: 'Mutare', address: '7 Herbert Chitepo St' });
    expect(
      await h.database.handle.db.select().from(conflictLog).where(eq(conflictLog.entityId, c.id)),
    ).toHaveLength(0);
  });

  it('lets the later clock win the same field whatever order the pushes arrive in, and logs the loser', async () => {
    for (const laterArrivesFirst of [true, false]) {
      const c = await createCustomer(h, { city: 'Harare' });
      const early = edit(c.id, { city: { from: 'Harare', to: 'Gweru' } });
      const late = edit(c.id, { city: { from: 'Harare', to: 'Masvingo' } });
      const pushes = [
        () =>
          apply(h.database.handle.db, 'customer.update', late, at('2026-03-02T11:00:00Z', tillB)),
        () =>
          apply(h.database.handle.db, 'customer.update', early, at('2026-03-02T10:00:00Z', tillA)),
      ];
      for (const push of laterArrivesFirst ? pushes : pushes.reverse())
        expect((await push()).status).toBe('applied');
      expect((await row(c.id))?.city).toBe('Masvingo');
      const conflicts = await h.database.handle.db
        .select()
        .from(conflictLog)
        .where(eq(conflictLog.entityId, c.id));
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({
        field: 'city',
        winningValue: 'Masvingo',
        winningTillId: tillB,
        losingValue: 'Gweru',
        losingTillId: tillA,
      });
    }
  });

  it('breaks a tie of clocks by till id, and lands a merged id on the survivor', async () => {
    const c = await createCustomer(h, { city: 'Harare' });
    const same = '2026-03-02T12:00:00Z';
    await apply(
      h.database.handle.db,
      'customer.update',
      edit(c.id, { city: { from: 'Harare', to: 'Chinhoyi' } }),
      at(same, tillA),
    );
    await apply(
      h.database.handle.db,
      'customer.update',
      edit(c.id, { city: { from: 'Harare', to: 'Kadoma' } }),
      at(same, tillB),
    );
    expect((await row(c.id))?.city).toBe(tillA > tillB ? 'Chinhoyi' : 'Kadoma');

    const survivor = await createCustomer(h);
    const merged = await createCustomer(h, { city: 'Harare' });
    expect(
      (
        await h.call('POST', '/api/customers/merge', h.tokens.admin, {
          survivorId: survivor.id,
          mergedId: merged.id,
        })
      ).statusCode,
    ).toBe(200);
    const outcome = await apply(
      h.database.handle.db,
      'customer.update',
      edit(merged.id, { taxNumber: { from: null, to: 'ZIMRA-77' } }),
      at(same, tillA),
    );
    expect(outcome).toMatchObject({ status: 'applied', result: { customerId: survivor.id } });
    expect((await row(survivor.id))?.taxNumber).toBe('ZIMRA-77');
  });

  it('rejects an edit that would take another customer’s email, naming the field', async () => {
    const holder = await createCustomer(h, { primaryEmail: 'taken@example.com' });
    const c = await createCustomer(h);
    const outcome = await apply(
      h.database.handle.db,
      'customer.update',
      edit(c.id, { primaryEmail: { from: null, to: 'taken@example.com' } }),
      at('2026-03-02T12:00:00Z', tillA),
    );
    expect(outcome).toMatchObject({ status: 'rejected' });
    expect(outcome.status === 'rejected' && outcome.reason).toContain(holder.customerNumber);
  });
});
