import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, numberBlocks, outbox, universalCustomers } from '../../../db/till/schema';
import { AppError } from '../../../shared/contract/result';
import { CustomerCreateInput } from '../../../shared/domain/customers/validate';
import { openCustomerFixture, type CustomerFixture } from '../testing/customer-fixture';
import { createCustomer } from './create';
import { updateCustomer } from './update';

let f: CustomerFixture;
beforeEach(async () => {
  f = await openCustomerFixture();
});
afterEach(() => f.close());

const tendai = CustomerCreateInput.parse({
  firstName: 'Tendai',
  lastName: 'Moyo',
  primaryPhone: '0772 123 456',
  primaryEmail: 'tendai@example.com',
  nationalId: '63-123456A78',
});

const rows = <T>(query: { all(): T[] }) => query.all();

describe('createCustomer', () => {
  it('numbers the customer from the leased block and writes row, audit and outbox together', () => {
    const created = createCustomer(f.handle.db, tendai, f.actor());
    expect(created).toMatchObject({
      customerNumber: 'UCST-000001',
      fullName: 'Tendai Moyo',
      primaryPhone: '+263772123456',
      isActive: true,
      createdBy: f.staff.CASHIER.id,
      source: 'till:CLO',
    });
    const [audit] = rows(f.handle.db.select().from(auditLog));
    expect(audit).toMatchObject({
      entityId: created.id,
      action: 'customer.create',
      actorUserId: f.staff.CASHIER.id,
      tillId: f.tillId,
      before: null,
      after: expect.objectContaining({ customerNumber: 'UCST-000001' }) as unknown,
    });
    const [mutation] = rows(f.handle.db.select().from(outbox));
    expect(mutation).toMatchObject({ seq: 1, name: 'customer.create' });
    expect(mutation?.payload).toMatchObject({ id: created.id, customerNumber: 'UCST-000001' });
    expect(
      createCustomer(f.handle.db, { ...tendai, primaryEmail: null, nationalId: null }, f.actor())
        .customerNumber,
    ).toBe('UCST-000002');
  });

  it('a failing outbox append leaves no customer, no audit entry and no used number', () => {
    f.handle.sqlite.exec(
      `create trigger outbox_full before insert on outbox begin select raise(abort, 'disk full'); end`,
    );
    expect(() => createCustomer(f.handle.db, tendai, f.actor())).toThrow('disk full');
    expect(rows(f.handle.db.select().from(universalCustomers))).toEqual([]);
    expect(rows(f.handle.db.select().from(auditLog))).toEqual([]);
    const block = f.handle.db
      .select()
      .from(numberBlocks)
      .where(eq(numberBlocks.series, 'CUSTOMER'))
      .get();
    expect(block?.nextValue).toBe(1);
  });

  it('refuses an email or national ID another live customer holds, naming who', () => {
    createCustomer(f.handle.db, tendai, f.actor());
    const again = () => createCustomer(f.handle.db, { ...tendai, primaryEmail: null }, f.actor());
    expect(again).toThrow(AppError);
    expect(again).toThrow(
      'nationalId: this national ID already belongs to UCST-000001 (Tendai Moyo)',
    );
  });

  it('says so when the till has no numbers left', () => {
    f.handle.db.delete(numberBlocks).run();
    expect(() => createCustomer(f.handle.db, tendai, f.actor())).toThrow(
      /no customer numbers left/,
    );
  });
});

describe('updateCustomer', () => {
  it('audits before and after and sends only changed fields with their previous values', () => {
    const created = createCustomer(f.handle.db, tendai, f.actor());
    const updated = updateCustomer(
      f.handle.db,
      { id: created.id, lastName: 'Ncube', primaryPhone: '+263772123456', city: 'Harare' },
      f.actor('SUPERVISOR'),
    );
    expect(updated).toMatchObject({ fullName: 'Tendai Ncube', city: 'Harare' });
    const audit = rows(f.handle.db.select().from(auditLog)).at(-1);
    expect(audit).toMatchObject({
      action: 'customer.update',
      actorUserId: f.staff.SUPERVISOR.id,
      before: { lastName: 'Moyo', fullName: 'Tendai Moyo', city: null },
      after: { lastName: 'Ncube', fullName: 'Tendai Ncube', city: 'Harare' },
    });
    const mutation = rows(f.handle.db.select().from(outbox)).at(-1);
    expect(mutation?.payload).toEqual({
      id: created.id,
      actorUserId: f.staff.SUPERVISOR.id,
      changes: {
        lastName: { from: 'Moyo', to: 'Ncube' },
        fullName: { from: 'Tendai Moyo', to: 'Tendai Ncube' },
        city: { from: null, to: 'Harare' },
      },
    });
  });

  it('writes nothing when nothing changes', () => {
    const created = createCustomer(f.handle.db, tendai, f.actor());
    updateCustomer(f.handle.db, { id: created.id, primaryPhone: '+263772123456' }, f.actor());
    expect(rows(f.handle.db.select().from(outbox))).toHaveLength(1);
  });

  it('refuses removing a name the customer type needs, naming the field', () => {
    const created = createCustomer(f.handle.db, tendai, f.actor());
    expect(() =>
      updateCustomer(f.handle.db, { id: created.id, type: 'BUSINESS' }, f.actor()),
    ).toThrow('companyName: is required for a business');
  });
});
