import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, conflictLog, flaggedEvents, universalCustomers } from '../../db/central/schema';
import { createCustomer } from './testing/builders';
import { startHarness, type Harness } from './testing/harness';
import { apply, enrolTill, tillCustomer } from './testing/push';

let h: Harness;
let tillA: string;
beforeAll(async () => {
  h = await startHarness();
  tillA = await enrolTill(h.database.handle.db, h.org.clothing.id);
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

describe('customer.create', () => {
  it('stores the till row stamped for sync and audited with the till, and a replay changes nothing', async () => {
    const record = tillCustomer({ createdBy: cashier() });
    const outcome = await apply(
      h.database.handle.db,
      'customer.create',
      record,
      at('2026-03-01T09:00:00Z', tillA),
    );
    expect(outcome.status).toBe('applied');
    expect(await row(String(record.id))).toMatchObject({
      originTillId: tillA,
      customerNumber: record.customerNumber,
    });
    expect((await row(String(record.id)))?.serverSeq).toBeGreaterThan(0);
    const [audit] = await h.database.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(record.id)));
    expect(audit).toMatchObject({ tillId: tillA, action: 'customer.create' });
    expect(
      (
        await apply(
          h.database.handle.db,
          'customer.create',
          record,
          at('2026-03-01T09:00:00Z', tillA),
        )
      ).status,
    ).toBe('applied');
  });

  it('keeps a second registration of the same national ID, without the ID, and flags it', async () => {
    const first = await createCustomer(h);
    const record = tillCustomer({ nationalId: first.nationalId, createdBy: cashier() });
    const outcome = await apply(
      h.database.handle.db,
      'customer.create',
      record,
      at('2026-03-01T09:00:00Z', tillA),
    );
    expect(outcome.status).toBe('flagged');
    expect((await row(String(record.id)))?.nationalId).toBeNull();
    const [conflict] = await h.database.handle.db
      .select()
      .from(conflictLog)
      .where(eq(conflictLog.entityId, String(record.id)));
    expect(conflict).toMatchObject({
      field: 'nationalId',
      losingValue: first.nationalId,
      losingTillId: tillA,
    });
    const [flag] = await h.database.handle.db
      .select()
      .from(flaggedEvents)
      .where(eq(flaggedEvents.entityId, String(record.id)));
    expect(flag?.kind).toBe('DUPLICATE_CUSTOMER');
  });
});
