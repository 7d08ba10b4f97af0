import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApplierSuite } from './testing/applier-suite';
import {
  customerAccountRedirects,
  customerNotes,
  universalCustomers,
} from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import { createCustomer, openAccount } from './testing/builders';
import { apply } from './testing/push';

const { suite, at, cashier, row } = useApplierSuite();

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
    createdBy: suite.h.org.staff.cashier.id,
    ...overrides,
  });

  it('refuses an account for another division than the till’s', async () => {
    const c = await createCustomer(suite.h);
    const outcome = await apply(
      suite.h.database.handle.db,
      'account.open',
      accountRecord(c.id, suite.h.org.hardware.id),
      at('2026-03-02T10:00:00Z', suite.tillA),
    );
    expect(outcome).toMatchObject({ status: 'rejected' });
  });

  it('redirects an account opened offline for a merged customer to the survivor’s account', async () => {
    const survivor = await createCustomer(suite.h);
    const merged = await createCustomer(suite.h);
    const held = await openAccount(suite.h, survivor.id, suite.h.org.clothing.id);
    await suite.h.call('POST', '/api/customers/merge', suite.h.tokens.admin, {
      survivorId: survivor.id,
      mergedId: merged.id,
    });
    const record = accountRecord(merged.id, suite.h.org.clothing.id);
    const outcome = await apply(
      suite.h.database.handle.db,
      'account.open',
      record,
      at('2026-03-02T10:00:00Z', suite.tillA),
    );
    expect(outcome).toMatchObject({ status: 'flagged', result: { accountId: held.id } });
    const [redirect] = await suite.h.database.handle.db
      .select()
      .from(customerAccountRedirects)
      .where(eq(customerAccountRedirects.accountId, record.id));
    expect(redirect?.intoAccountId).toBe(held.id);
    const note = {
      id: uuidv7(),
      universalCustomerId: merged.id,
      divisionAccountId: record.id,
      businessId: suite.h.org.clothing.id,
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
      (
        await apply(
          suite.h.database.handle.db,
          'note.add',
          note,
          at('2026-03-02T10:05:00Z', suite.tillA),
        )
      ).status,
    ).toBe('applied');
    const [stored] = await suite.h.database.handle.db
      .select()
      .from(customerNotes)
      .where(eq(customerNotes.id, note.id));
    expect(stored).toMatchObject({
      universalCustomerId: survivor.id,
      divisionAccountId: held.id,
      originTillId: suite.tillA,
    });
  });

  it('checks the role of the staff member named in the mutation', async () => {
    const c = await createCustomer(suite.h);
    const blacklist = (actorUserId: string) => ({
      id: c.id,
      actorUserId,
      isBlacklisted: true,
      reason: 'Bounced cheque',
    });
    expect(
      (
        await apply(
          suite.h.database.handle.db,
          'customer.setBlacklist',
          blacklist(cashier()),
          at('2026-03-02T10:00:00Z', suite.tillA),
        )
      ).status,
    ).toBe('rejected');
    expect(
      (
        await apply(
          suite.h.database.handle.db,
          'customer.setBlacklist',
          blacklist(suite.h.org.staff.supervisor.id),
          at('2026-03-02T10:00:00Z', suite.tillA),
        )
      ).status,
    ).toBe('applied');
    expect(await row(c.id)).toMatchObject({
      isBlacklisted: true,
      blacklistReason: 'Bounced cheque',
    });
    const wrongDivision = {
      id: c.id,
      actorUserId: suite.h.org.staff.hardwareCashier.id,
      changes: { city: { from: 'Harare', to: 'Hwange' } },
    };
    expect(
      (
        await apply(
          suite.h.database.handle.db,
          'customer.update',
          wrongDivision,
          at('2026-03-02T10:00:00Z', suite.tillA),
        )
      ).status,
    ).toBe('rejected');
  });

  it('rejects linking a login another customer holds', async () => {
    const holder = await createCustomer(suite.h);
    const c = await createCustomer(suite.h);
    const userId = suite.h.org.staff.supervisor.id;
    await suite.h.call('POST', `/api/customers/${holder.id}/link-user`, suite.h.tokens.admin, {
      userId,
    });
    const link = {
      id: c.id,
      actorUserId: suite.h.org.staff.admin.id,
      changes: { linkedUserId: { from: null, to: userId } },
    };
    const outcome = await apply(
      suite.h.database.handle.db,
      'customer.link',
      link,
      at('2026-03-02T10:00:00Z', suite.tillA),
    );
    expect(outcome.status).toBe('rejected');
    const [still] = await suite.h.database.handle.db
      .select()
      .from(universalCustomers)
      .where(and(eq(universalCustomers.id, c.id)));
    expect(still?.linkedUserId).toBeNull();
  });
});
