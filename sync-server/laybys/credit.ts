import { eq } from 'drizzle-orm';
import {
  customerDivisionAccounts,
  customerLaybyPayments,
  customerPayments,
  type CustomerLaybyRow,
} from '../../db/central/schema';
import { availableCredit } from '../../shared/domain/customers/merge-accounts';
import { uuidv7 } from '../../shared/ids';
import { resolveAccountId } from '../customers/resolve';
import { nextServerSeq, type CentralTx } from '../sync/change-sequence';
import type { LaybyContext } from './context';

// Money a layby cannot take (two tills took the last instalment offline, or it was paid on a
// layby cancelled elsewhere) is never lost nor handed back by the server: it moves to the
// customer's division account as credit, in two linked facts —
//   on the layby: a refund row pointing at the payment it comes out of (ACCOUNT_CREDIT);
//   on the account: a customer_payments row of the same amount applied to the balance,
// and the account's cached balance goes down by it (negative = the customer is in credit).
// Both rows carry the payment's receipt number with -CR, so a slip search finds all three.

export type CreditMove = {
  refundId: string;
  creditPaymentId: string;
  accountId: string;
  /** False when the account keeps another currency than the layby: a supervisor must convert. */
  balanceAdjusted: boolean;
};

export async function moveExcessToCredit(
  tx: CentralTx,
  context: LaybyContext,
  layby: CustomerLaybyRow,
  payment: { id: string; receiptNumber: string; processedBy: string; paidAt: string },
  excessCents: number,
): Promise<CreditMove> {
  const ids = { refund: uuidv7(context.now.getTime()), credit: uuidv7(context.now.getTime()) };
  const receiptNumber = `${payment.receiptNumber}-CR`;
  const notes = `Excess of payment ${payment.receiptNumber} on layby ${layby.laybyNumber}, moved to account credit`;
  const common = {
    receiptNumber,
    businessId: layby.businessId,
    amountCents: excessCents,
    currency: layby.currency,
    paymentMethod: 'ACCOUNT_CREDIT' as const,
    paymentDate: payment.paidAt,
    processedBy: payment.processedBy,
    notes,
    serverSeq: nextServerSeq(),
  };
  await tx.insert(customerLaybyPayments).values({
    ...common,
    id: ids.refund,
    laybyId: layby.id,
    isRefund: true,
    refundedPaymentId: payment.id,
  });
  const accountId = await resolveAccountId(tx, layby.divisionAccountId);
  const [account] = await tx
    .select()
    .from(customerDivisionAccounts)
    .where(eq(customerDivisionAccounts.id, accountId))
    .for('update');
  if (!account) throw new Error(`layby ${layby.id} has no account ${accountId}`);
  await tx.insert(customerPayments).values({
    ...common,
    id: ids.credit,
    divisionAccountId: account.id,
    appliedToBalanceCents: excessCents,
  });
  const balanceAdjusted = account.currency === layby.currency;
  if (balanceAdjusted) {
    const balance = account.currentBalanceCents - excessCents;
    await tx
      .update(customerDivisionAccounts)
      .set({
        currentBalanceCents: balance,
        availableCreditCents: availableCredit(account.creditLimitCents, balance),
        serverSeq: nextServerSeq(),
      })
      .where(eq(customerDivisionAccounts.id, account.id));
  }
  return {
    refundId: ids.refund,
    creditPaymentId: ids.credit,
    accountId: account.id,
    balanceAdjusted,
  };
}
