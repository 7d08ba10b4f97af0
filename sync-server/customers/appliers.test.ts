import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  conflictLog,
  customerAccountRedirects,
  customerNotes,
  flaggedEvents,
  universalCustomers,
} from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import { createCustomer, openAccount } from './testing/builders';
import { startHarness, type Harness } from './testing/harness';
import { apply, enrolTill, tillCustomer } from './testing/push';

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

describe('accounts, flags, links and notes from tills', () => {
  const accountRecord = (
    customerId: string,
    businessId: string,
    overrides: Record<string, unknown> = {},
  ) => ({
    id: uuidv7(),
    universalCustomerId: customerId,
    businessId,
    divisionCustomerNumber: `CLO-CUST-${Math.floor(Math.random() * 900_000) + 100_000}`,
    status: 'ACTIVE',
    accountType: null,
    segment: null,
    creditLimitCents: 0,
    currentBalanceCents: 0,
    availableCreditCents: 0,
    totalSpentCents: 0,
    currency: 'USD',
    loyaltyPoints: 0,
    loyaltyTier: null,
    paymentTermsDays: 0,
    allowLayby: true,
    allowCredit: false,
    preferredPaymentMethod: null,
    preferredLanguage: 'en',
    marketingConsent: false,
    smsConsent: false,
    emailConsent: false,
    preferences: null,
    customFields: null,
    firstPurchaseDate: null,
    lastPurchaseDate: null,
    lastContactDate: null,
    isActive: true,
    inactivatedAt: null,
    inactivatedBy: null,
    inactivationReason: null,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    createdBy: h.org.staff.cashier.id,
    ...overrides,
  });

  it('refuses an account for another division than the till’s', async () => {
    const c = await createCustomer(h);
    const outcome = await apply(
      h.database.handle.db,
      'account.open',
      accountRecord(c.id, h.org.hardware.id),
      at('2026-03-02T10:00:00Z', tillA),
    );
    expect(outcome).toMatchObject({ status: 'rejected' });
  });

  it('redirects an account opened offline for a merged customer to the survivor’s account', async () => {
    const survivor = await createCustomer(h);
    const merged = await createCustomer(h);
    const held = await openAccount(h, survivor.id, h.org.clothing.id);
    await h.call('POST', '/api/customers/merge', h.tokens.admin, {
      survivorId: survivor.id,
      mergedId: merged.id,
    });
    const record = accountRecord(merged.id, h.org.clothing.id);
    const outcome = await apply(
      h.database.handle.db,
      'account.open',
      record,
      at('2026-03-02T10:00:00Z', tillA),
    );
    expect(outcome).toMatchObject({ status: 'flagged', result: { accountId: held.id } });
    const [redirect] = await h.database.handle.db
      .select()
      .from(customerAccountRedirects)
      .where(eq(customerAccountRedirects.accountId, record.id));
    expect(redirect?.intoAccountId).toBe(held.id);
    const note = {
      id: uuidv7(),
      universalCustomerId: merged.id,
      divisionAccountId: record.id,
      businessId: h.org.clothing.id,
      noteType: 'GENERAL',
      subject: null,
      content: 'Collect on Friday',
      priority: 'NORMAL',
      isPrivate: false,
      isAlert: false,
      createdBy: cashier(),
      createdAt: '2026-03-02T10:05:00.000Z',
      updatedAt: '2026-03-02T10:05:00.000Z',
    };
    expect(
      (await apply(h.database.handle.db, 'note.add', note, at('2026-03-02T10:05:00Z', tillA)))
        .status,
    ).toBe('applied');
    const [stored] = await h.database.handle.db
      .select()
      .from(customerNotes)
      .where(eq(customerNotes.id, note.id));
    expect(stored).toMatchObject({
      universalCustomerId: survivor.id,
      divisionAccountId: held.id,
      originTillId: tillA,
    });
  });

  it('checks the role of the staff member named in the mutation', async () => {
    const c = await createCustomer(h);
    const blacklist = (actorUserId: string) => ({
      id: c.id,
      actorUserId,
      isBlacklisted: true,
      reason: 'Bounced cheque',
    });
    expect(
      (
        await apply(
          h.database.handle.db,
          'customer.setBlacklist',
          blacklist(cashier()),
          at('2026-03-02T10:00:00Z', tillA),
        )
      ).status,
    ).toBe('rejected');
    expect(
      (
        await apply(
          h.database.handle.db,
          'customer.setBlacklist',
          blacklist(h.org.staff.supervisor.id),
          at('2026-03-02T10:00:00Z', tillA),
        )
      ).status,
    ).toBe('applied');
    expect(await row(c.id)).toMatchObject({
      isBlacklisted: true,
      blacklistReason: 'Bounced cheque',
    });
    const wrongDivision = {
      id: c.id,
      actorUserId: h.org.staff.hardwareCashier.id,
      changes: { city: { from: 'Harare', to: 'Hwange' } },
    };
    expect(
      (
        await apply(
          h.database.handle.db,
          'customer.update',
          wrongDivision,
          at('2026-03-02T10:00:00Z', tillA),
        )
      ).status,
    ).toBe('rejected');
  });

  it('rejects linking a login another customer holds', async () => {
    const holder = await createCustomer(h);
    const c = await createCustomer(h);
    const userId = h.org.staff.supervisor.id;
    await h.call('POST', `/api/customers/${holder.id}/link-user`, h.tokens.admin, { userId });
    const link = {
      id: c.id,
      actorUserId: h.org.staff.admin.id,
      changes: { linkedUserId: { from: null, to: userId } },
    };
    const outcome = await apply(
      h.database.handle.db,
      'customer.link',
      link,
      at('2026-03-02T10:00:00Z', tillA),
    );
    expect(outcome.status).toBe('rejected');
    const [still] = await h.database.handle.db
      .select()
      .from(universalCustomers)
      .where(and(eq(universalCustomers.id, c.id)));
    expect(still?.linkedUserId).toBeNull();
  });
});
