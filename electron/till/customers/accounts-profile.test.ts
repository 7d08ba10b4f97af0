import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, customerDivisionAccounts, outbox } from '../../../db/till/schema';
import { AccountOpenFields } from '../../../shared/domain/customers/accounts';
import { NoteFields } from '../../../shared/domain/customers/notes';
import { CustomerCreateInput } from '../../../shared/domain/customers/validate';
import { uuidv7 } from '../../../shared/ids';
import { openCustomerFixture, type CustomerFixture } from '../testing/customer-fixture';
import { openAccount, setAccountStatus } from './accounts';
import { createCustomer } from './create';
import { addNote } from './notes';
import { getProfile } from './profile';
import { linkCustomer, setBlacklist, setCustomerActive } from './status';

let f: CustomerFixture;
let customerId: string;
beforeEach(async () => {
  f = await openCustomerFixture();
  customerId = createCustomer(
    f.handle.db,
    CustomerCreateInput.parse({
      firstName: 'Tendai',
      lastName: 'Moyo',
      primaryPhone: '0772123456',
    }),
    f.actor(),
  ).id;
});
afterEach(() => f.close());

const open = () =>
  openAccount(f.handle.db, { ...AccountOpenFields.parse({}), customerId }, f.actor());
const lastMutation = () => f.handle.db.select().from(outbox).all().at(-1);

describe('division accounts', () => {
  it("opens this division's account, numbered from the division's block, once", () => {
    expect(open()).toMatchObject({
      divisionCustomerNumber: 'CLO-CUST-000001',
      status: 'ACTIVE',
      detail: 'full',
      currency: 'USD',
    });
    expect(lastMutation()).toMatchObject({ name: 'account.open' });
    expect(open).toThrow('Tendai Moyo already has account CLO-CUST-000001.');
  });

  it('changes status with a reason, audited, and only with the right powers', () => {
    const account = open();
    const suspended = setAccountStatus(
      f.handle.db,
      { accountId: account.id, status: 'SUSPENDED', reason: 'Missed payments' },
      f.actor('SUPERVISOR'),
    );
    expect(suspended).toMatchObject({
      status: 'SUSPENDED',
      isActive: false,
      inactivationReason: 'Missed payments',
    });
    expect(lastMutation()?.payload).toMatchObject({
      status: 'SUSPENDED',
      previousStatus: 'ACTIVE',
      reason: 'Missed payments',
    });
    expect(f.handle.db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: 'account.setStatus',
      before: { status: 'ACTIVE', isActive: true },
      after: { status: 'SUSPENDED', isActive: false, reason: 'Missed payments' },
    });
    expect(() =>
      setAccountStatus(
        f.handle.db,
        { accountId: account.id, status: 'BLACKLISTED', reason: 'Fraud' },
        f.actor('CREDIT_CONTROLLER'),
      ),
    ).toThrow(/Only a supervisor or manager/);
  });

  it("refuses another division's account", () => {
    const id = uuidv7();
    f.handle.db
      .insert(customerDivisionAccounts)
      .values({
        id,
        universalCustomerId: customerId,
        businessId: f.businessIds.HWR,
        divisionCustomerNumber: 'HWR-CUST-000009',
        currency: 'USD',
      })
      .run();
    expect(() =>
      setAccountStatus(
        f.handle.db,
        { accountId: id, status: 'CLOSED', reason: 'Not ours' },
        f.actor('SUPERVISOR'),
      ),
    ).toThrow(/own division/);
  });
});

describe('customer flags', () => {
  it('blacklisting blocks laybys and credit and shows in the profile', () => {
    open();
    setBlacklist(
      f.handle.db,
      { id: customerId, isBlacklisted: true, reason: 'Bounced cheques' },
      f.actor('SUPERVISOR'),
    );
    const profile = getProfile(f.handle.db, customerId, f.actor());
    expect(profile.customer).toMatchObject({
      isBlacklisted: true,
      blacklistReason: 'Bounced cheques',
    });
    expect(profile.blocks.layby).toContain('Blacklisted: Bounced cheques');
    expect(lastMutation()).toMatchObject({ name: 'customer.setBlacklist' });
  });

  it('deactivates softly and reactivates, each with a reason', () => {
    setCustomerActive(
      f.handle.db,
      { id: customerId, reason: 'Moved abroad' },
      false,
      f.actor('SUPERVISOR'),
    );
    expect(getProfile(f.handle.db, customerId, f.actor()).customer.isActive).toBe(false);
    expect(() =>
      setCustomerActive(
        f.handle.db,
        { id: customerId, reason: 'Again' },
        false,
        f.actor('SUPERVISOR'),
      ),
    ).toThrow(/already deactivated/);
    expect(
      setCustomerActive(
        f.handle.db,
        { id: customerId, reason: 'Came back' },
        true,
        f.actor('SUPERVISOR'),
      ).isActive,
    ).toBe(true);
  });

  it('links a staff user to one customer only', () => {
    const userId = f.staff.CASHIER.id;
    expect(
      linkCustomer(
        f.handle.db,
        { id: customerId, linkedUserId: userId },
        f.actor('DIVISION_MANAGER'),
      ).linkedUserId,
    ).toBe(userId);
    expect(lastMutation()?.payload).toMatchObject({
      changes: { linkedUserId: { from: null, to: userId } },
    });
    const other = createCustomer(
      f.handle.db,
      CustomerCreateInput.parse({ fullName: 'Other', primaryPhone: '0772000000' }),
      f.actor(),
    );
    expect(() =>
      linkCustomer(
        f.handle.db,
        { id: other.id, linkedUserId: userId },
        f.actor('DIVISION_MANAGER'),
      ),
    ).toThrow(/already belongs to UCST-000001/);
  });
});

describe('notes and the 360° profile', () => {
  const note = (input: object) => NoteFields.parse({ content: 'x', ...input });

  it('refuses an alert from a cashier, accepts it from a supervisor, and shows alerts first', () => {
    expect(() =>
      addNote(f.handle.db, { ...note({ isAlert: true }), customerId }, f.actor()),
    ).toThrow(/Only a supervisor/);
    addNote(f.handle.db, { ...note({ content: 'Prefers size M' }), customerId }, f.actor());
    addNote(
      f.handle.db,
      { ...note({ content: 'ID required for every layby', isAlert: true }), customerId },
      f.actor('SUPERVISOR'),
    );
    const { notes } = getProfile(f.handle.db, customerId, f.actor());
    expect(notes.map((n) => n.content)).toEqual(['ID required for every layby', 'Prefers size M']);
    expect(notes[0]).toMatchObject({ createdByName: 'Test supervisor', division: { code: 'CLO' } });
  });

  it('hides a private note from everyone but its author', () => {
    addNote(
      f.handle.db,
      { ...note({ content: 'secret', isPrivate: true }), customerId },
      f.actor('SUPERVISOR'),
    );
    expect(getProfile(f.handle.db, customerId, f.actor()).notes).toEqual([]);
    expect(getProfile(f.handle.db, customerId, f.actor('SUPERVISOR')).notes).toHaveLength(1);
  });

  it("shows this division's account in full and another's totals, unless head office asks", () => {
    open();
    f.handle.db
      .insert(customerDivisionAccounts)
      .values({
        id: uuidv7(),
        universalCustomerId: customerId,
        businessId: f.businessIds.HWR,
        divisionCustomerNumber: 'HWR-CUST-000009',
        currency: 'USD',
        currentBalanceCents: 2_500,
        creditLimitCents: 50_000,
      })
      .run();
    const details = (role: 'CASHIER' | 'HEAD_OFFICE_ADMIN') =>
      getProfile(f.handle.db, customerId, f.actor(role)).accounts.map((a) => [
        a.division.code,
        a.detail,
      ]);
    expect(details('CASHIER')).toEqual(
      expect.arrayContaining([
        ['CLO', 'full'],
        ['HWR', 'totals'],
      ]),
    );
    expect(details('HEAD_OFFICE_ADMIN')).toEqual(
      expect.arrayContaining([
        ['CLO', 'full'],
        ['HWR', 'full'],
      ]),
    );
    const hardware = getProfile(f.handle.db, customerId, f.actor()).accounts.find(
      (a) => a.division.code === 'HWR',
    );
    expect(hardware).not.toHaveProperty('creditLimitCents');
    expect(getProfile(f.handle.db, customerId, f.actor()).balances).toEqual([
      { currency: 'USD', owedCents: 2_500 },
    ]);
  });

  it('carries the audit trail: who, when, which till, before and after', () => {
    setBlacklist(
      f.handle.db,
      { id: customerId, isBlacklisted: true, reason: 'Bounced cheques' },
      f.actor('SUPERVISOR'),
    );
    const [latest, created] = getProfile(f.handle.db, customerId, f.actor()).audit;
    expect(latest).toMatchObject({
      action: 'customer.blacklist',
      actorName: 'Test supervisor',
      tillId: f.tillId,
      before: { isBlacklisted: false, blacklistReason: null },
      after: { isBlacklisted: true, blacklistReason: 'Bounced cheques', reason: 'Bounced cheques' },
    });
    expect(created).toMatchObject({ action: 'customer.create', actorName: 'Test cashier' });
  });
});
