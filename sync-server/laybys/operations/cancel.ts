import { eq } from 'drizzle-orm';
import {
  customerLaybyFees,
  customerLaybyPayments,
  users,
  type CustomerLaybyRow,
} from '../../../db/central/schema';
import { allows, quoteCancellation } from '../../../shared/domain/layby/ledger';
import type { LaybyCancelPayload } from '../../../shared/domain/layby/records';
import { uuidv7 } from '../../../shared/ids';
import { actorMay } from '../../customers/apply/support';
import type { ApplyOutcome } from '../../sync/appliers';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import { audit, flag, outcome, rejected, type LaybyContext } from '../context';
import { ledgerOf, lockLayby, reproject } from '../rows';
import { agreedRules } from '../rules-store';

const pay = customerLaybyPayments;

/**
 * layby.cancel (and POST /api/laybys/:id/cancel): the cancellation fee kept, the refund paid
 * out, status CANCELLED. A money fact like a payment: numbers that differ from the agreement's
 * cancellation terms, or a layby another till cancelled first, are flagged, never dropped.
 *
 * The refund row's refundedPaymentId stays null: a cancellation refund gives back the
 * layby's payments as a whole (less fees), not one payment, and pointing it at the last
 * payment would claim that payment was refunded when the refund can be larger or smaller.
 * Only an overpayment's credit (credit.ts) points at the one payment it comes out of.
 */
export async function cancelLayby(
  tx: CentralTx,
  c: LaybyCancelPayload,
  context: LaybyContext,
): Promise<ApplyOutcome> {
  const layby = await lockLayby(tx, c.laybyId);
  const replayed = await alreadyStored(tx, c);
  if (replayed) return { status: 'applied', result: { laybyId: c.laybyId, replayed: true } };
  const unplaced = await whyUnplaceable(tx, c, layby, context);
  if (unplaced || !layby) {
    const reason = unplaced ?? `unknown layby ${c.laybyId}`;
    if (!c.refund) return rejected(reason);
    await flag(tx, context, {
      kind: 'LAYBY_REFUND_UNPLACED',
      entityType: 'customer_layby_payment',
      entityId: c.refund.id,
      message: `Refund ${c.refund.receiptNumber} of ${c.refund.amountCents} cents could not be put on a layby (${reason}); it is kept here for a supervisor.`,
      details: { cancellation: c },
    });
    return { status: 'flagged', reason, result: { refundId: c.refund.id, placed: false } };
  }
  const reasons: string[] = [];
  const denied = await actorMay(tx, c.actorUserId, 'layby.cancel', context);
  if (denied) {
    reasons.push(denied);
    await flag(tx, context, {
      kind: 'LAYBY_NOT_PERMITTED',
      entityId: layby.id,
      message: `Layby ${layby.laybyNumber} was cancelled by staff who may not cancel laybys: ${denied}`,
      details: { actorUserId: c.actorUserId },
    });
  }
  if (layby.status === 'CANCELLED') return keepSecondRefund(tx, c, layby, context, reasons);

  const { ledger: before } = await ledgerOf(tx, layby);
  const quote = quoteCancellation(await agreedRules(tx, layby), c.initiator, before);
  const refundCents = c.refund?.amountCents ?? 0;
  const differences: string[] = [];
  const allowed = allows(layby.status, 'cancel');
  if (!allowed.ok) differences.push(`${allowed.message} on the server`);
  const compare = (what: string, till: number, server: number) => {
    if (till !== server)
      differences.push(`${what} ${till} cents at the till, ${server} by the terms`);
  };
  compare('cancellation fee', c.cancellationFeeCents, quote.cancellationFeeCents);
  compare('fees kept', c.keptFeesCents, quote.keptFeesCents);
  compare('refund', refundCents, quote.refundCents);

  if (c.cancellationFeeCents > 0) {
    await tx.insert(customerLaybyFees).values({
      id: c.cancellationFeeId ?? uuidv7(context.now.getTime()),
      laybyId: layby.id,
      businessId: layby.businessId,
      kind: 'CANCELLATION',
      amountCents: c.cancellationFeeCents,
      currency: layby.currency,
      chargedAt: c.cancelledAt,
      chargedBy: c.actorUserId,
      originTillId: context.tillId,
      serverSeq: nextServerSeq(),
    });
  }
  await insertRefund(tx, c, layby, context);
  const { row } = await reproject(tx, layby, {
    status: 'CANCELLED',
    cancelledAt: c.cancelledAt,
    cancellationReason: c.reason,
    cancellationRefundCents: refundCents,
  });
  await audit(tx, context, {
    entityId: layby.id,
    action: 'layby.cancel',
    actorUserId: c.actorUserId,
    before: { status: layby.status, totalPaidCents: layby.totalPaidCents },
    after: {
      status: row.status,
      initiator: c.initiator,
      reason: c.reason,
      refundCents,
      feeCents: c.cancellationFeeCents,
    },
  });
  if (differences.length > 0) {
    const message = `Layby ${layby.laybyNumber} was cancelled with other numbers than its terms give: ${differences.join('; ')}.`;
    reasons.push(message);
    await flag(tx, context, {
      kind: 'LAYBY_CANCEL_MISMATCH',
      entityId: layby.id,
      message,
      details: { till: c, server: quote },
    });
  }
  return outcome(reasons, { laybyId: layby.id, status: row.status, refundCents, quote });
}

/** A second cancellation from another till: its refund left the till, so it is kept and flagged. */
async function keepSecondRefund(
  tx: CentralTx,
  c: LaybyCancelPayload,
  layby: CustomerLaybyRow,
  context: LaybyContext,
  reasons: string[],
): Promise<ApplyOutcome> {
  if (!c.refund) return outcome(reasons, { laybyId: layby.id, alreadyCancelled: true });
  await insertRefund(tx, c, layby, context);
  const { row } = await reproject(tx, layby);
  const message = `Layby ${layby.laybyNumber} was already cancelled; another refund of ${c.refund.amountCents} cents (${c.refund.receiptNumber}) was paid out and is kept: recover it from the customer or write it off.`;
  reasons.push(message);
  await flag(tx, context, {
    kind: 'LAYBY_ALREADY_CANCELLED',
    entityId: layby.id,
    message,
    details: { laybyId: layby.id, refundId: c.refund.id, refundCents: c.refund.amountCents },
  });
  await audit(tx, context, {
    entityId: layby.id,
    action: 'layby.cancel',
    actorUserId: c.actorUserId,
    before: { totalPaidCents: layby.totalPaidCents },
    after: { totalPaidCents: row.totalPaidCents, secondRefund: c.refund },
  });
  return outcome(reasons, { laybyId: layby.id, alreadyCancelled: true });
}

async function insertRefund(
  tx: CentralTx,
  c: LaybyCancelPayload,
  layby: CustomerLaybyRow,
  context: LaybyContext,
): Promise<void> {
  if (!c.refund) return;
  await tx.insert(pay).values({
    id: c.refund.id,
    laybyId: layby.id,
    businessId: layby.businessId,
    receiptNumber: c.refund.receiptNumber,
    amountCents: c.refund.amountCents,
    currency: layby.currency,
    paymentMethod: c.refund.method,
    paymentReference: c.refund.reference,
    paymentDate: c.cancelledAt,
    processedBy: c.actorUserId,
    notes: `Cancellation refund: ${c.reason}`,
    isRefund: true,
    refundedPaymentId: null,
    originTillId: context.tillId,
    serverSeq: nextServerSeq(),
  });
}

/** The same cancellation already landed (its refund or fee row is stored). */
async function alreadyStored(tx: CentralTx, c: LaybyCancelPayload): Promise<boolean> {
  if (c.refund) {
    const [row] = await tx.select({ id: pay.id }).from(pay).where(eq(pay.id, c.refund.id));
    if (row) return true;
  }
  if (c.cancellationFeeId) {
    const f = customerLaybyFees;
    const [row] = await tx.select({ id: f.id }).from(f).where(eq(f.id, c.cancellationFeeId));
    if (row) return true;
  }
  return false;
}

async function whyUnplaceable(
  tx: CentralTx,
  c: LaybyCancelPayload,
  layby: CustomerLaybyRow | undefined,
  context: LaybyContext,
): Promise<string | null> {
  if (!layby) return `unknown layby ${c.laybyId}`;
  if (layby.businessId !== context.businessId)
    return "the layby belongs to another division than the till's";
  const [staff] = await tx.select({ id: users.id }).from(users).where(eq(users.id, c.actorUserId));
  if (!staff) return `unknown staff member ${c.actorUserId}`;
  if (c.refund) {
    const [taken] = await tx
      .select({ id: pay.id })
      .from(pay)
      .where(eq(pay.receiptNumber, c.refund.receiptNumber));
    if (taken) return `receipt number ${c.refund.receiptNumber} is already used`;
  }
  return null;
}
