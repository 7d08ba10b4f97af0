import { eq } from 'drizzle-orm';
import { customerLaybyPayments, users, type CustomerLaybyRow } from '../../../db/central/schema';
import { receive, statusAfterPayment } from '../../../shared/domain/layby/ledger';
import type { LaybyStatus } from '../../../shared/domain/enums';
import type { LaybyPayPayload } from '../../../shared/domain/layby/records';
import { actorMay } from '../../customers/apply/support';
import type { ApplyOutcome } from '../../sync/appliers';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import { audit, flag, outcome, type LaybyContext } from '../context';
import { moveExcessToCredit } from '../credit';
import { ledgerOf, lockLayby, reproject } from '../rows';

const p = customerLaybyPayments;

/**
 * layby.pay (and POST /api/laybys/:id/payments): money the customer handed over. A fact:
 * never refused. What the layby can take goes on it; what it cannot (it was paid up or
 * cancelled elsewhere meanwhile, two tills took the last instalment) becomes account credit
 * and is flagged. A payment that cannot be stored at all is kept in a flag with its payload.
 */
export async function recordPayment(
  tx: CentralTx,
  pay: LaybyPayPayload,
  context: LaybyContext,
): Promise<ApplyOutcome> {
  const [existing] = await tx.select().from(p).where(eq(p.id, pay.id));
  if (existing)
    return { status: 'applied', result: { laybyId: existing.laybyId, paymentId: pay.id } };
  const layby = await lockLayby(tx, pay.laybyId);
  const unplaced = await whyUnplaceable(tx, pay, layby, context);
  if (unplaced || !layby) {
    const reason = unplaced ?? `unknown layby ${pay.laybyId}`;
    await flag(tx, context, {
      kind: 'LAYBY_PAYMENT_UNPLACED',
      entityType: 'customer_layby_payment',
      entityId: pay.id,
      message: `Payment ${pay.receiptNumber} of ${pay.amountCents} cents could not be put on a layby (${reason}); it is kept here for a supervisor to place.`,
      details: { payment: pay },
    });
    return { status: 'flagged', reason, result: { paymentId: pay.id, placed: false } };
  }
  const reasons: string[] = [];
  // The money was taken either way: a staff member without the power is flagged, not refused.
  const denied = await actorMay(tx, pay.actorUserId, 'layby.take', context);
  if (denied) {
    reasons.push(denied);
    await flag(tx, context, {
      kind: 'LAYBY_NOT_PERMITTED',
      entityId: layby.id,
      message: `Payment ${pay.receiptNumber} was taken by staff who may not take layby payments: ${denied}`,
      details: { paymentId: pay.id, actorUserId: pay.actorUserId },
    });
  }

  const { ledger: before } = await ledgerOf(tx, layby);
  // A layby that was paid up or cancelled takes nothing more; otherwise up to its balance.
  const closed = layby.status === 'CANCELLED' || layby.status === 'COMPLETED';
  const { excessCents } = closed
    ? { excessCents: pay.amountCents }
    : receive(before, pay.amountCents);
  await tx.insert(p).values({
    id: pay.id,
    laybyId: layby.id,
    businessId: layby.businessId,
    receiptNumber: pay.receiptNumber,
    amountCents: pay.amountCents,
    currency: layby.currency,
    paymentMethod: pay.method,
    paymentReference: pay.reference,
    tenderedAmountCents: pay.tendered?.cents ?? null,
    tenderedCurrency: pay.tendered?.currency ?? null,
    exchangeRateMicros: pay.tendered?.rateMicros ?? null,
    paymentDate: pay.paidAt,
    processedBy: pay.actorUserId,
    originTillId: context.tillId,
    serverSeq: nextServerSeq(),
  });
  const credit =
    excessCents > 0
      ? await moveExcessToCredit(
          tx,
          context,
          layby,
          { ...pay, processedBy: pay.actorUserId },
          excessCents,
        )
      : null;
  const ledger = (await ledgerOf(tx, layby)).ledger;
  const status = statusAfterPayment(layby.status, ledger);
  const completed = status === 'COMPLETED' && layby.status !== 'COMPLETED';
  const { row } = await reproject(tx, layby, {
    status,
    ...(completed ? { completedAt: context.now.toISOString() } : {}),
  });

  await audit(tx, context, {
    entityId: layby.id,
    action: 'layby.pay',
    actorUserId: pay.actorUserId,
    before: { status: layby.status, totalPaidCents: layby.totalPaidCents },
    after: {
      status: row.status,
      totalPaidCents: row.totalPaidCents,
      payment: { id: pay.id, receiptNumber: pay.receiptNumber, amountCents: pay.amountCents },
      approvedBy: pay.approvedBy,
      excessCents,
    },
  });
  await flagPayment(tx, context, { layby, after: row.status }, pay, excessCents, credit, reasons);
  return outcome(reasons, {
    laybyId: layby.id,
    paymentId: pay.id,
    appliedCents: pay.amountCents - excessCents,
    excessCents,
    creditPaymentId: credit?.creditPaymentId ?? null,
    status: row.status,
    balanceRemainingCents: row.balanceRemainingCents,
  });
}

/** Why the payment cannot be stored against its layby at all, or null. */
async function whyUnplaceable(
  tx: CentralTx,
  pay: LaybyPayPayload,
  layby: CustomerLaybyRow | undefined,
  context: LaybyContext,
): Promise<string | null> {
  if (!layby) return `unknown layby ${pay.laybyId}`;
  if (layby.businessId !== context.businessId)
    return "the layby belongs to another division than the till's";
  if (pay.currency !== layby.currency)
    return `the payment is in ${pay.currency}, the layby in ${layby.currency}`;
  const [staff] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.id, pay.actorUserId));
  if (!staff) return `unknown staff member ${pay.actorUserId}`;
  const [receipt] = await tx
    .select({ id: p.id })
    .from(p)
    .where(eq(p.receiptNumber, pay.receiptNumber));
  if (receipt) return `receipt number ${pay.receiptNumber} is already used`;
  return null;
}

/** Adds to `reasons` (and flags) what a supervisor must look at about this payment. */
async function flagPayment(
  tx: CentralTx,
  context: LaybyContext,
  { layby, after }: { layby: CustomerLaybyRow; after: LaybyStatus },
  pay: LaybyPayPayload,
  excessCents: number,
  credit: Awaited<ReturnType<typeof moveExcessToCredit>> | null,
  reasons: string[],
): Promise<void> {
  const details = { laybyId: layby.id, paymentId: pay.id, excessCents, ...credit };
  const unconverted =
    credit && !credit.balanceAdjusted
      ? ' (the account keeps another currency: convert it by hand)'
      : '';
  if (layby.status === 'CANCELLED') {
    const reason = `layby ${layby.laybyNumber} was already cancelled: the ${excessCents} cents went to account credit${unconverted}`;
    reasons.push(reason);
    await flag(tx, context, {
      kind: 'LAYBY_ALREADY_CANCELLED',
      entityId: layby.id,
      message: reason,
      details,
    });
  } else if (excessCents > 0) {
    const reason = `layby ${layby.laybyNumber} was overpaid by ${excessCents} cents, moved to account credit${unconverted}`;
    reasons.push(reason);
    await flag(tx, context, {
      kind: 'LAYBY_OVERPAID',
      entityId: layby.id,
      message: reason,
      details,
    });
  } else if (layby.status === 'ON_HOLD' || layby.status === 'DEFAULTED') {
    const was = layby.status === 'ON_HOLD' ? 'on hold' : 'defaulted';
    const reason =
      after === 'COMPLETED'
        ? `layby ${layby.laybyNumber} was ${was}: the payment paid it up, so it is complete`
        : `layby ${layby.laybyNumber} is ${was}: the payment was put on it; resume it to carry on`;
    reasons.push(reason);
    await flag(tx, context, {
      kind: 'LAYBY_PAID_NOT_ACTIVE',
      entityId: layby.id,
      message: reason,
      details,
    });
  }
}
