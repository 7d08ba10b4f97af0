import { eq } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import {
  customerLaybyFees,
  customerLaybyPayments,
  customerLaybys,
  type CustomerLaybyRow,
} from '../../../db/till/schema';
import type { CancellationQuoteView, LaybyDetail } from '../../../shared/contract/till/layby-views';
import { AppError } from '../../../shared/contract/result';
import type { PaymentMethod } from '../../../shared/domain/enums';
import { allows, cancel, quoteCancellation } from '../../../shared/domain/layby/ledger';
import { projectLayby } from '../../../shared/domain/layby/projection';
import type { CancelInitiator } from '../../../shared/domain/layby/rules';
import { receiptNumber } from '../../../shared/domain/numbering/numbers';
import { uuidv7 } from '../../../shared/ids';
import type { TillTx } from '../db-types';
import { AUDIT_ENTITIES, recordAudit } from '../customers/audit';
import type { Actor } from '../customers/scope';
import { takeNumber } from '../sync/number-blocks';
import { appendMutation } from '../sync/outbox';
import { rulesOfLayby } from './rules';
import { cancellationSlip, queueSlip, slipHeader } from './slips';
import { ledgerOf, loadLayby, readCustomerBit, scheduleOf, toDetail } from './views';

type Reader = Pick<TillTx, 'select'>;

function quoteFor(tx: Reader, actor: Actor, layby: CustomerLaybyRow, initiator: CancelInitiator) {
  const open = allows(layby.status, 'cancel');
  if (!open.ok) throw new AppError('CONFLICT', `laybyId: ${open.message}`, 'laybyId');
  const rules = rulesOfLayby(tx, actor.scope, layby.terms);
  return quoteCancellation(rules, initiator, ledgerOf(layby));
}

/** What cancelling would cost and refund, shown to the supervisor before they confirm. */
export function cancellationQuote(
  db: TillDb,
  input: { laybyId: string; initiator: CancelInitiator },
  actor: Actor,
): CancellationQuoteView {
  const layby = loadLayby(db, actor.scope, input.laybyId);
  const quote = quoteFor(db, actor, layby, input.initiator);
  return { ...quote, currency: layby.currency, totalPaidCents: layby.totalPaidCents };
}

export type CancelInput = {
  laybyId: string;
  initiator: CancelInitiator;
  reason: string;
  refundMethod: PaymentMethod;
  refundReference: string | null;
};

/**
 * Cancels a layby (supervisor): the fee and refund worked out by the agreement's rules, the
 * refund recorded as a refund payment, the cancellation slip queued — one transaction.
 */
export function cancelLayby(db: TillDb, input: CancelInput, actor: Actor): LaybyDetail {
  const header = slipHeader(db, actor);
  return db.transaction((tx) => {
    const { scope } = actor;
    const layby = loadLayby(tx, scope, input.laybyId);
    const quote = quoteFor(tx, actor, layby, input.initiator);
    const at = actor.now.toISOString();
    const feeId = quote.cancellationFeeCents > 0 ? uuidv7(actor.now.getTime()) : null;
    if (feeId) {
      tx.insert(customerLaybyFees)
        .values({
          id: feeId,
          laybyId: layby.id,
          businessId: layby.businessId,
          kind: 'CANCELLATION',
          amountCents: quote.cancellationFeeCents,
          currency: layby.currency,
          chargedAt: at,
          chargedBy: actor.staff.id,
          originTillId: scope.tillId,
        })
        .run();
    }
    const refund =
      quote.refundCents > 0
        ? {
            id: uuidv7(actor.now.getTime()),
            receiptNumber: receiptNumber(
              scope.divisionCode,
              takeNumber(tx, { series: 'RECEIPT', businessId: scope.businessId }),
            ),
            amountCents: quote.refundCents,
            method: input.refundMethod,
            reference: input.refundReference,
          }
        : null;
    if (refund) {
      tx.insert(customerLaybyPayments)
        .values({
          id: refund.id,
          laybyId: layby.id,
          businessId: layby.businessId,
          receiptNumber: refund.receiptNumber,
          amountCents: refund.amountCents,
          currency: layby.currency,
          paymentMethod: refund.method,
          paymentReference: refund.reference,
          paymentDate: at,
          processedBy: actor.staff.id,
          notes: input.reason,
          isRefund: true,
          originTillId: scope.tillId,
        })
        .run();
    }
    const ledger = cancel(ledgerOf(layby), quote);
    const updated = tx
      .update(customerLaybys)
      .set({
        ...projectLayby(ledger, scheduleOf(layby), layby.depositAmountCents),
        // Nothing falls due on a cancelled layby.
        paymentDueDate: null,
        status: 'CANCELLED',
        cancelledAt: at,
        cancellationReason: input.reason,
        cancellationRefundCents: quote.refundCents,
        updatedAt: at,
      })
      .where(eq(customerLaybys.id, layby.id))
      .returning()
      .get();
    recordAudit(tx, actor, {
      entityType: AUDIT_ENTITIES.layby,
      entityId: layby.id,
      action: 'layby.cancel',
      before: { status: layby.status, totalPaidCents: layby.totalPaidCents },
      after: { status: 'CANCELLED', ...quote, reason: input.reason },
    });
    appendMutation(
      tx,
      'layby.cancel',
      {
        laybyId: layby.id,
        initiator: input.initiator,
        reason: input.reason,
        cancellationFeeCents: quote.cancellationFeeCents,
        cancellationFeeId: feeId,
        keptFeesCents: quote.keptFeesCents,
        refund,
        actorUserId: actor.staff.id,
        cancelledAt: at,
      },
      actor.now,
    );
    queueSlip(
      tx,
      actor,
      layby.universalCustomerId,
      cancellationSlip(
        { ...header, receiptNumber: refund?.receiptNumber ?? `${layby.laybyNumber}-X` },
        updated,
        readCustomerBit(tx, layby.universalCustomerId),
        {
          reason: input.reason,
          paidBeforeCents: layby.totalPaidCents,
          // The slip adds up: paid − (fees kept + cancellation fee) = refund.
          feeCents: quote.keptFeesCents + quote.cancellationFeeCents,
          refundCents: quote.refundCents,
        },
        refund && {
          method: refund.method,
          reference: refund.reference,
          amountCents: refund.amountCents,
          currency: layby.currency,
          tendered: null,
        },
      ),
    );
    return toDetail(tx, scope, updated, actor.now);
  });
}
