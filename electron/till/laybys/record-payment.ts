import { eq } from 'drizzle-orm';
import {
  customerLaybyPayments,
  customerLaybys,
  type CustomerLaybyRow,
} from '../../../db/till/schema';
import { AppError } from '../../../shared/contract/result';
import { pay, statusAfterPayment } from '../../../shared/domain/layby/ledger';
import { projectLayby } from '../../../shared/domain/layby/projection';
import { progressOf } from '../../../shared/domain/layby/progress';
import { receiptNumber } from '../../../shared/domain/numbering/numbers';
import { formatMoney, money } from '../../../shared/money/money';
import { uuidv7 } from '../../../shared/ids';
import type { TillTx } from '../db-types';
import { AUDIT_ENTITIES, recordAudit } from '../customers/audit';
import type { Actor } from '../customers/scope';
import type { ReceiptHeader } from '../printing/receipt-header';
import { takeNumber } from '../sync/number-blocks';
import { appendMutation } from '../sync/outbox';
import { paymentSlip, queueSlip, type SlipTender } from './slips';
import { ledgerOf, scheduleOf } from './views';

export type PaymentRecorded = {
  layby: CustomerLaybyRow;
  paymentId: string;
  receiptNumber: string;
  printJobId: string;
};

/**
 * One layby payment, all or nothing in the caller's transaction: the ledger rule (never more
 * than the balance), the append-only payment row, the layby's new sums and status, the audit
 * entry, the outbox mutation and the receipt's print job.
 */
export function recordPayment(
  tx: TillTx,
  actor: Actor,
  input: {
    layby: CustomerLaybyRow;
    customer: { customerNumber: string; fullName: string };
    tender: SlipTender;
    approvedBy: string | null;
    header: ReceiptHeader;
    deposit?: boolean;
  },
): PaymentRecorded {
  const { layby, tender } = input;
  const paid = pay(ledgerOf(layby), tender.amountCents);
  if (!paid.ok) {
    const balance = formatMoney(money(layby.balanceRemainingCents, layby.currency));
    throw new AppError(
      'INVALID_INPUT',
      `tender.amountCents: is more than the balance of ${balance}`,
      'tender.amountCents',
    );
  }
  const at = actor.now.toISOString();
  const schedule = scheduleOf(layby);
  const projection = projectLayby(paid.ledger, schedule, layby.depositAmountCents);
  const status = statusAfterPayment(layby.status, paid.ledger);
  const number = receiptNumber(
    actor.scope.divisionCode,
    takeNumber(tx, { series: 'RECEIPT', businessId: actor.scope.businessId }),
  );
  const paymentId = uuidv7(actor.now.getTime());
  tx.insert(customerLaybyPayments)
    .values({
      id: paymentId,
      laybyId: layby.id,
      businessId: layby.businessId,
      receiptNumber: number,
      amountCents: tender.amountCents,
      currency: layby.currency,
      paymentMethod: tender.method,
      paymentReference: tender.reference,
      tenderedAmountCents: tender.tendered?.cents ?? null,
      tenderedCurrency: tender.tendered?.currency ?? null,
      exchangeRateMicros: tender.tendered?.rateMicros ?? null,
      paymentDate: at,
      processedBy: actor.staff.id,
      originTillId: actor.scope.tillId,
    })
    .run();
  const updated = tx
    .update(customerLaybys)
    .set({
      ...projection,
      status,
      completedAt: status === 'COMPLETED' ? at : layby.completedAt,
      updatedAt: at,
    })
    .where(eq(customerLaybys.id, layby.id))
    .returning()
    .get();
  recordAudit(tx, actor, {
    entityType: AUDIT_ENTITIES.layby,
    entityId: layby.id,
    action: 'layby.pay',
    before: { totalPaidCents: layby.totalPaidCents, status: layby.status },
    after: {
      paymentId,
      amountCents: tender.amountCents,
      totalPaidCents: updated.totalPaidCents,
      status,
    },
  });
  appendMutation(
    tx,
    'layby.pay',
    {
      id: paymentId,
      laybyId: layby.id,
      receiptNumber: number,
      amountCents: tender.amountCents,
      currency: layby.currency,
      method: tender.method,
      reference: tender.reference,
      tendered: tender.tendered,
      approvedBy: input.approvedBy,
      actorUserId: actor.staff.id,
      paidAt: at,
    },
    actor.now,
  );
  const { nextDue } = progressOf(
    schedule,
    layby.depositAmountCents,
    updated.totalPaidCents,
    '1970-01-01',
    0,
  );
  const paymentType = input.deposit ? 'DEPOSIT' : status === 'COMPLETED' ? 'FINAL' : 'INSTALMENT';
  const printJobId = queueSlip(
    tx,
    actor,
    layby.universalCustomerId,
    paymentSlip(
      { ...input.header, receiptNumber: number },
      updated,
      input.customer,
      tender,
      paymentType,
      status === 'COMPLETED' ? null : nextDue,
    ),
  );
  return { layby: updated, paymentId, receiptNumber: number, printJobId };
}
