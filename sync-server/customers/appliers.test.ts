import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApplierSuite } from './testing/applier-suite';
import { auditLog, conflictLog, flaggedEvents } from '../../db/central/schema';
import { createCustomer } from './testing/builders';
import { apply, tillCustomer } from './testing/push';

const { suite, at, cashier, row } = useApplierSuite();

describe('customer.create', () => {
  it('stores the till row stamped for sync and audited with the till, and a replay changes nothing', async () => {
    const record = tillCustomer({ createdBy: cashier() });
    const outcome = await apply(
      suite.h.database.handle.db,
      'customer.create',
      record,
      at('2026-03-01T09:00:00Z', suite.tillA),
    );
    expect(outcome.status).toBe('applied');
    expect(await row(String(record.id))).toMatchObject({
      originTillId: suite.tillA,
      customerNumber: record.customerNumber,
    });
    expect((await row(String(record.id)))?.serverSeq).toBeGreaterThan(0);
    const [audit] = await suite.h.database.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(record.id)));
    expect(audit).toMatchObject({ tillId: suite.tillA, action: 'customer.create' });
    expect(
      (
        await apply(
          suite.h.database.handle.db,
          'customer.create',
          record,
          at('2026-03-01T09:00:00Z', suite.tillA),
        )
      ).status,
    ).toBe('applied');
  });

  it('keeps a second registration of the same national ID, without the ID, and flags it', async () => {
    const first = await createCustomer(suite.h);
    const record = tillCustomer({ nationalId: first.nationalId, createdBy: cashier() });
    const outcome = await apply(
      suite.h.database.handle.db,
      'customer.create',
      record,
      at('2026-03-01T09:00:00Z', suite.tillA),
    );
    expect(outcome.status).toBe('flagged');
    expect((await row(String(record.id)))?.nationalId).toBeNull();
    const [conflict] = await suite.h.database.handle.db
      .select()
      .from(conflictLog)
      .where(eq(conflictLog.entityId, String(record.id)));
    expect(conflict).toMatchObject({
      field: 'nationalId',
      losingValue: first.nationalId,
      losingTillId: suite.tillA,
    });
    const [flag] = await suite.h.database.handle.db
      .select()
      .from(flaggedEvents)
      .where(eq(flaggedEvents.entityId, String(record.id)));
    expect(flag?.kind).toBe('DUPLICATE_CUSTOMER');
  });
});
