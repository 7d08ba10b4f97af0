import { and, eq } from 'drizzle-orm';
import type { CentralDb } from '../../../../db/central/connect';
import {
  customerDivisionAccounts,
  customerLaybyFees,
  customerLaybyPayments,
  customerLaybys,
  universalCustomers,
  users,
} from '../../../../db/central/schema';
import type { LaybyStatus } from '../../../../shared/domain/enums';
import { addDays, type ShopDate } from '../../../../shared/domain/layby/dates';
import { projectLayby } from '../../../../shared/domain/layby/projection';
import type { LaybyRules } from '../../../../shared/domain/layby/rules';
import type { Instalment } from '../../../../shared/domain/layby/schedule';
import { uuidv7 } from '../../../../shared/ids';
import { hashPin } from '../../../../shared/node/pin-hash';
import { nextServerSeq } from '../../../sync/change-sequence';
import type { Currency } from '../../../../shared/money/money';

// Layby rows as the till's pushes leave them: cached columns computed with the shared
// projection, so a test states only the schedule and what was paid.

let serial = 0;
const next = () => (serial += 1);

export type Owner = { customerId: string; accountId: string; businessId: string; userId: string };

/** A customer with an account in the division, ready to hold laybys. */
export async function customerIn(
  db: CentralDb,
  businessId: string,
  userId: string,
  name = 'Rudo Chikwanha',
): Promise<Owner> {
  const n = next();
  const customerId = uuidv7();
  const accountId = uuidv7();
  await db.insert(universalCustomers).values({
    id: customerId,
    customerNumber: `UCST-9${String(n).padStart(5, '0')}`,
    fullName: name,
    primaryPhone: `0773${String(100_000 + n).padStart(6, '0')}`,
  });
  await db.insert(customerDivisionAccounts).values({
    id: accountId,
    universalCustomerId: customerId,
    businessId,
    divisionCustomerNumber: `T-CUST-${n}`,
    currency: 'USD',
  });
  return { customerId, accountId, businessId, userId };
}

/** A division manager for the division, signed in with PIN 3333. */
export async function divisionManager(db: CentralDb, businessId: string, username: string) {
  await db.insert(users).values({
    id: uuidv7(),
    username,
    fullName: username,
    role: 'DIVISION_MANAGER',
    businessId,
    pinHash: await hashPin('3333'),
  });
  return { username, pin: '3333' };
}

/** n instalments of `amountCents`, `everyDays` apart, the first `everyDays` after start. */
export const plan = (
  start: ShopDate,
  n: number,
  amountCents: number,
  everyDays = 14,
): Instalment[] =>
  Array.from({ length: n }, (_, i) => ({
    dueDate: addDays(start, everyDays * (i + 1)),
    amountCents,
  }));

export type LaybySpec = {
  schedule: Instalment[];
  depositCents?: number;
  /** Payments less refunds, the deposit included. Defaults to the deposit alone. */
  paidCents?: number;
  /** Service and administration fees charged at opening. */
  openingFeesCents?: number;
  status?: LaybyStatus;
  terms?: LaybyRules | null;
  currency?: Currency;
};

/** Inserts a layby whose goods total makes the schedule add up (total + fees − deposit). */
export async function insertLayby(db: CentralDb, owner: Owner, spec: LaybySpec) {
  const id = uuidv7();
  const depositCents = spec.depositCents ?? 2_000;
  const openingFeesCents = spec.openingFeesCents ?? 200;
  const paidCents = spec.paidCents ?? depositCents;
  const scheduled = spec.schedule.reduce((sum, i) => sum + i.amountCents, 0);
  const goodsCents = scheduled + depositCents - openingFeesCents;
  const projection = projectLayby(
    { totalCents: goodsCents, feesCents: openingFeesCents, paidCents },
    spec.schedule,
    depositCents,
  );
  const laybyNumber = `LAY-T-${String(next()).padStart(6, '0')}`;
  await db.insert(customerLaybys).values({
    id,
    laybyNumber,
    universalCustomerId: owner.customerId,
    divisionAccountId: owner.accountId,
    businessId: owner.businessId,
    status: spec.status ?? 'ACTIVE',
    totalAmountCents: goodsCents,
    depositAmountCents: depositCents,
    depositPercentBp: Math.floor((depositCents * 10_000) / goodsCents),
    balanceRemainingCents: projection.balanceRemainingCents,
    totalPaidCents: paidCents,
    currency: spec.currency ?? 'USD',
    installmentAmountCents: spec.schedule[0]?.amountCents ?? null,
    installmentFrequency: 'CUSTOM',
    paymentDueDate: projection.paymentDueDate,
    schedule: spec.schedule,
    terms: spec.terms ?? null,
    administrationFeeCents: openingFeesCents,
    totalFeesCents: openingFeesCents,
    items: [{ description: 'Winter coat', quantityMilli: 1000, unitPriceCents: goodsCents }],
    createdBy: owner.userId,
    serverSeq: nextServerSeq(),
  });
  // The money rows the cached columns are sums of: the deposit, any later payment, the fees.
  const payments = [depositCents, paidCents - depositCents].filter((cents) => cents > 0);
  for (const [k, amountCents] of payments.entries()) {
    await db.insert(customerLaybyPayments).values({
      id: uuidv7(),
      laybyId: id,
      businessId: owner.businessId,
      receiptNumber: `${laybyNumber}-R${k + 1}`,
      amountCents,
      currency: spec.currency ?? 'USD',
      paymentMethod: 'CASH',
      processedBy: owner.userId,
      serverSeq: nextServerSeq(),
    });
  }
  if (openingFeesCents > 0) {
    await db.insert(customerLaybyFees).values({
      id: uuidv7(),
      laybyId: id,
      businessId: owner.businessId,
      kind: 'ADMINISTRATION',
      amountCents: openingFeesCents,
      currency: spec.currency ?? 'USD',
      serverSeq: nextServerSeq(),
    });
  }
  const [stamped] = await db
    .select({ serverSeq: customerLaybys.serverSeq })
    .from(customerLaybys)
    .where(eq(customerLaybys.id, id));
  return { id, laybyNumber, serverSeq: stamped?.serverSeq ?? null };
}

export async function laybyRow(db: CentralDb, id: string) {
  const [row] = await db.select().from(customerLaybys).where(eq(customerLaybys.id, id));
  if (!row) throw new Error(`no layby ${id}`);
  return row;
}

export async function lateFeesOf(db: CentralDb, laybyId: string) {
  return db
    .select()
    .from(customerLaybyFees)
    .where(and(eq(customerLaybyFees.laybyId, laybyId), eq(customerLaybyFees.kind, 'LATE')))
    .orderBy(customerLaybyFees.instalmentDueDate);
}
