import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApplierSuite } from './testing/applier-suite';
import { conflictLog } from '../../db/central/schema';
import { createCustomer } from './testing/builders';
import { apply } from './testing/push';

const { suite, at, cashier, row } = useApplierSuite();

describe('customer.update: concurrent edits merge field by field', () => {
  const edit = (id: string, changes: Record<string, unknown>) => ({
    id,
    actorUserId: cashier(),
    changes,
  });

  it('applies a field nobody else changed and a different field edited on another till', async () => {
    const c = await createCustomer(suite.h, { city: 'Harare', address: '1 Samora Machel Ave' });
    await apply(
      suite.h.database.handle.db,
      'customer.update',
      edit(c.id, { city: { from: 'Harare', to: 'Mutare' } }),
      at('2026-03-02T10:00:00Z', suite.tillA),
    );
    await apply(
      suite.h.database.handle.db,
      'customer.update',
      edit(c.id, { address: { from: '1 Samora Machel Ave', to: '7 Herbert Chitepo St' } }),
      at('2026-03-02T09:00:00Z', suite.tillB),
    );
    expect(await row(c.id)).toMatchObject({ city: 'Mutare', address: '7 Herbert Chitepo St' });
    expect(
      await suite.h.database.handle.db
        .select()
        .from(conflictLog)
        .where(eq(conflictLog.entityId, c.id)),
    ).toHaveLength(0);
  });

  it('lets the later clock win the same field whatever order the pushes arrive in, and logs the loser', async () => {
    for (const laterArrivesFirst of [true, false]) {
      const c = await createCustomer(suite.h, { city: 'Harare' });
      const early = edit(c.id, { city: { from: 'Harare', to: 'Gweru' } });
      const late = edit(c.id, { city: { from: 'Harare', to: 'Masvingo' } });
      const pushes = [
        () =>
          apply(
            suite.h.database.handle.db,
            'customer.update',
            late,
            at('2026-03-02T11:00:00Z', suite.tillB),
          ),
        () =>
          apply(
            suite.h.database.handle.db,
            'customer.update',
            early,
            at('2026-03-02T10:00:00Z', suite.tillA),
          ),
      ];
      for (const push of laterArrivesFirst ? pushes : pushes.reverse())
        expect((await push()).status).toBe('applied');
      expect((await row(c.id))?.city).toBe('Masvingo');
      const conflicts = await suite.h.database.handle.db
        .select()
        .from(conflictLog)
        .where(eq(conflictLog.entityId, c.id));
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({
        field: 'city',
        winningValue: 'Masvingo',
        winningTillId: suite.tillB,
        losingValue: 'Gweru',
        losingTillId: suite.tillA,
      });
    }
  });

  it('breaks a tie of clocks by till id, and lands a merged id on the survivor', async () => {
    const c = await createCustomer(suite.h, { city: 'Harare' });
    const same = '2026-03-02T12:00:00Z';
    await apply(
      suite.h.database.handle.db,
      'customer.update',
      edit(c.id, { city: { from: 'Harare', to: 'Chinhoyi' } }),
      at(same, suite.tillA),
    );
    await apply(
      suite.h.database.handle.db,
      'customer.update',
      edit(c.id, { city: { from: 'Harare', to: 'Kadoma' } }),
      at(same, suite.tillB),
    );
    expect((await row(c.id))?.city).toBe(suite.tillA > suite.tillB ? 'Chinhoyi' : 'Kadoma');

    const survivor = await createCustomer(suite.h);
    const merged = await createCustomer(suite.h, { city: 'Harare' });
    expect(
      (
        await suite.h.call('POST', '/api/customers/merge', suite.h.tokens.admin, {
          survivorId: survivor.id,
          mergedId: merged.id,
        })
      ).statusCode,
    ).toBe(200);
    const outcome = await apply(
      suite.h.database.handle.db,
      'customer.update',
      edit(merged.id, { taxNumber: { from: null, to: 'ZIMRA-77' } }),
      at(same, suite.tillA),
    );
    expect(outcome).toMatchObject({ status: 'applied', result: { customerId: survivor.id } });
    expect((await row(survivor.id))?.taxNumber).toBe('ZIMRA-77');
  });

  it('rejects an edit that would take another customer’s email, naming the field', async () => {
    const holder = await createCustomer(suite.h, { primaryEmail: 'taken@example.com' });
    const c = await createCustomer(suite.h);
    const outcome = await apply(
      suite.h.database.handle.db,
      'customer.update',
      edit(c.id, { primaryEmail: { from: null, to: 'taken@example.com' } }),
      at('2026-03-02T12:00:00Z', suite.tillA),
    );
    expect(outcome).toMatchObject({ status: 'rejected' });
    expect(outcome.status === 'rejected' && outcome.reason).toContain(holder.customerNumber);
  });
});
