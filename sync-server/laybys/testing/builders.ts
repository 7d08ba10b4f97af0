import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import {
  customerDivisionAccounts,
  customerLaybyFees,
  customerLaybyPayments,
  customerLaybys,
  customerPayments,
  flaggedEvents,
} from '../../../db/central/schema';
import type { MutationName } from '../../../shared/contract/sync/mutations';
import { itemsTotalCents, type LaybyItem } from '../../../shared/domain/layby/records';
import { DEFAULT_LAYBY_RULES, type LaybyRules } from '../../../shared/domain/layby/rules';
import { quoteLayby } from '../../../shared/domain/layby/schedule';
import { uuidv7 } from '../../../shared/ids';
import { createCustomer, openAccount } from '../../customers/testing/builders';
import { startHarness, type Harness } from '../../customers/testing/harness';
import { apply, enrolTill } from '../../customers/testing/push';

// What the layby tests share: a fresh database with the test organisation and two clothing
// tills, a customer with a clothing account per layby, payloads as a till builds them (its
// quote from the shared rules), and readers for the rows a test checks.

export const START = '2026-03-02';
export const ITEMS: LaybyItem[] = [
  {
    productId: null,
    sku: 'DRS-01',
    description: 'Evening dress',
    quantityMilli: 1000,
    unitPriceCents: 8_000,
  },
  {
    productId: null,
    sku: 'SHO-02',
    description: 'Heels',
    quantityMilli: 1000,
    unitPriceCents: 2_000,
  },
];

let serial = 0;

export function useLaybySuite() {
  const s = {} as { h: Harness; tillA: string; tillB: string };
  beforeAll(async () => {
    s.h = await startHarness();
    s.tillA = await enrolTill(s.h.database.handle.db, s.h.org.clothing.id);
    s.tillB = await enrolTill(s.h.database.handle.db, s.h.org.clothing.id);
  });
  afterAll(async () => {
    await s.h.close();
  });
  const db = () => s.h.database.handle.db;

  const run = (name: MutationName, payload: unknown, tillId = s.tillA) =>
    apply(db(), name, payload, {
      tillId,
      businessId: s.h.org.clothing.id,
      recordedAt: `${START}T10:00:00.000Z`,
      now: s.h.now.value,
    });

  /** A customer with a clothing account, ready for a layby. */
  const customer = async () => {
    const c = await createCustomer(s.h);
    const account = await openAccount(s.h, c.id, s.h.org.clothing.id);
    return { customerId: c.id, accountId: account.id };
  };

  /** layby.create's payload as a till builds it: quoted with the rules, deposit 20 %. */
  const createPayload = (
    owner: { customerId: string; accountId: string },
    overrides: Record<string, unknown> = {},
    rules: LaybyRules = DEFAULT_LAYBY_RULES.CLO,
  ) => {
    const plan = { frequency: 'MONTHLY' as const, instalments: 2, intervalDays: null };
    const quoted = quoteLayby(rules, {
      itemsTotalCents: itemsTotalCents(ITEMS),
      depositCents: 2_000,
      frequency: plan.frequency,
      instalments: plan.instalments,
      startDate: START,
    });
    if (!quoted.ok) throw new Error(`test quote refused: ${quoted.message}`);
    serial += 1;
    return {
      id: uuidv7(),
      laybyNumber: `LAY-CLO-T${String(serial).padStart(5, '0')}-${Math.floor(Math.random() * 1e6)}`,
      universalCustomerId: owner.customerId,
      divisionAccountId: owner.accountId,
      currency: 'USD',
      items: ITEMS,
      plan,
      startDate: START,
      depositCents: 2_000,
      rules,
      totalAmountCents: quoted.quote.itemsTotalCents,
      serviceFeeCents: quoted.quote.serviceFeeCents,
      administrationFeeCents: quoted.quote.administrationFeeCents,
      schedule: quoted.quote.schedule,
      serviceFeeId: null,
      administrationFeeId: quoted.quote.administrationFeeCents > 0 ? uuidv7() : null,
      notes: null,
      actorUserId: s.h.org.staff.cashier.id,
      createdAt: `${START}T10:00:00.000Z`,
      ...overrides,
    };
  };

  const payPayload = (
    laybyId: string,
    amountCents: number,
    overrides: Record<string, unknown> = {},
  ) => {
    serial += 1;
    return {
      id: uuidv7(),
      laybyId,
      receiptNumber: `CLO-RCT-T${serial}-${Math.floor(Math.random() * 1e9)}`,
      amountCents,
      currency: 'USD',
      method: 'CASH',
      reference: null,
      tendered: null,
      approvedBy: null,
      actorUserId: s.h.org.staff.cashier.id,
      paidAt: `${START}T10:05:00.000Z`,
      ...overrides,
    };
  };

  /** An opened layby (10 000 goods + 200 admin fee) with its 2 000 deposit paid. */
  const openLayby = async (rules?: LaybyRules) => {
    const owner = await customer();
    const create = createPayload(owner, {}, rules);
    const created = await run('layby.create', create);
    if (created.status === 'rejected') throw new Error(created.reason);
    await run('layby.pay', payPayload(create.id, 2_000));
    return { ...owner, laybyId: create.id, create };
  };

  const read = {
    layby: async (id: string) =>
      (await db().select().from(customerLaybys).where(eq(customerLaybys.id, id)))[0],
    payments: (laybyId: string) =>
      db().select().from(customerLaybyPayments).where(eq(customerLaybyPayments.laybyId, laybyId)),
    fees: (laybyId: string) =>
      db().select().from(customerLaybyFees).where(eq(customerLaybyFees.laybyId, laybyId)),
    flags: (entityId: string) =>
      db().select().from(flaggedEvents).where(eq(flaggedEvents.entityId, entityId)),
    account: async (id: string) =>
      (
        await db()
          .select()
          .from(customerDivisionAccounts)
          .where(eq(customerDivisionAccounts.id, id))
      )[0],
    accountPayments: (accountId: string) =>
      db().select().from(customerPayments).where(eq(customerPayments.divisionAccountId, accountId)),
  };

  return { s, db, run, customer, createPayload, payPayload, openLayby, read };
}
