import { eq } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import {
  businessOrderLines,
  businessOrders,
  customerCommunications,
  customerCredits,
  customerDivisionAccounts,
  customerLaybyPayments,
  customerLaybys,
  customerNotes,
  customerPayments,
} from '../../../db/central/schema';
import { uuidv7 } from '../../../shared/ids';

// Rows that hang off a customer and an account (what a merge must move), written straight to
// the database as a till's pushes would leave them.

type Owner = {
  customerId: string;
  accountId: string;
  businessId: string;
  userId: string;
  tag: string;
};

export async function setMoney(
  db: CentralDb,
  accountId: string,
  money: {
    currentBalanceCents: number;
    totalSpentCents: number;
    loyaltyPoints: number;
    currency?: 'USD' | 'ZWG';
  },
): Promise<void> {
  await db
    .update(customerDivisionAccounts)
    .set(money)
    .where(eq(customerDivisionAccounts.id, accountId));
}

export async function seedActivity(db: CentralDb, owner: Owner) {
  const ids = {
    layby: uuidv7(),
    laybyPayment: uuidv7(),
    payment: uuidv7(),
    note: uuidv7(),
    communication: uuidv7(),
    order: uuidv7(),
    credit: uuidv7(),
  };
  const money = { currency: 'USD' as const };
  await db.insert(customerLaybys).values({
    id: ids.layby,
    laybyNumber: `LAY-${owner.tag}`,
    universalCustomerId: owner.customerId,
    divisionAccountId: owner.accountId,
    businessId: owner.businessId,
    totalAmountCents: 10_000,
    depositAmountCents: 2_000,
    depositPercentBp: 2_000,
    balanceRemainingCents: 8_000,
    totalPaidCents: 2_000,
    items: [],
    createdBy: owner.userId,
    ...money,
  });
  await db.insert(customerLaybyPayments).values({
    id: ids.laybyPayment,
    laybyId: ids.layby,
    businessId: owner.businessId,
    receiptNumber: `RCT-L-${owner.tag}`,
    amountCents: 2_000,
    paymentMethod: 'CASH',
    processedBy: owner.userId,
    ...money,
  });
  await db.insert(customerPayments).values({
    id: ids.payment,
    receiptNumber: `RCT-P-${owner.tag}`,
    divisionAccountId: owner.accountId,
    businessId: owner.businessId,
    amountCents: 500,
    paymentMethod: 'MOBILE_MONEY',
    processedBy: owner.userId,
    ...money,
  });
  await db.insert(customerNotes).values({
    id: ids.note,
    universalCustomerId: owner.customerId,
    divisionAccountId: owner.accountId,
    businessId: owner.businessId,
    content: 'Prefers SMS',
    createdBy: owner.userId,
  });
  await db.insert(customerCommunications).values({
    id: ids.communication,
    universalCustomerId: owner.customerId,
    businessId: owner.businessId,
    type: 'SMS',
    channel: 'SMS',
    content: 'Your layby is due',
    direction: 'OUTBOUND',
  });
  await db.insert(businessOrders).values({
    id: ids.order,
    orderNumber: `ORD-${owner.tag}`,
    businessId: owner.businessId,
    universalCustomerId: owner.customerId,
    divisionAccountId: owner.accountId,
    status: 'COMPLETED',
    paymentStatus: 'PAID',
    subtotalCents: 1_500,
    totalCents: 1_500,
    paidCents: 1_500,
    ...money,
  });
  await db.insert(businessOrderLines).values({
    id: uuidv7(),
    orderId: ids.order,
    businessId: owner.businessId,
    lineNumber: 1,
    description: 'School shirt',
    quantityMilli: 1_000,
    unitPriceCents: 1_500,
    lineTotalCents: 1_500,
    ...money,
  });
  await db.insert(customerCredits).values({
    id: ids.credit,
    applicationNumber: `CRA-${owner.tag}`,
    universalCustomerId: owner.customerId,
    businessId: owner.businessId,
    requestedAmountCents: 50_000,
    paymentTermsDays: 30,
    appliedBy: owner.userId,
    ...money,
  });
  return ids;
}
