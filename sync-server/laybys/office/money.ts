import type { z } from 'zod';
import type { CustomerLaybyRow } from '../../../db/central/schema';
import { AppError } from '../../../shared/contract/result';
import { allows, pay, quoteCancellation } from '../../../shared/domain/layby/ledger';
import {
  LaybyCancelPayload,
  LaybyPayPayload,
  LaybyReleasePayload,
} from '../../../shared/domain/layby/records';
import { can } from '../../../shared/domain/staff/permissions';
import { convert, money } from '../../../shared/money/money';
import { uuidv7 } from '../../../shared/ids';
import type { StaffPrincipal } from '../../auth/principal';
import type { Divisions } from '../../customers/divisions';
import type { CentralTx } from '../../sync/change-sequence';
import type { CancelBody, CompleteBody, PaymentBody } from '../contract';
import { nextReceiptNumber } from '../numbers';
import { cancelLayby } from '../operations/cancel';
import { recordPayment } from '../operations/pay';
import { releaseLayby } from '../operations/release';
import { ledgerOf } from '../rows';
import { agreedRules } from '../rules-store';
import { divisionOf, officeContext, orThrow } from './support';

// Payments, cancellation and release from head office: the till's checks first (as 400/409),
// then the payload a till would push, run through the same operation.

export async function payFromOffice(
  tx: CentralTx,
  layby: CustomerLaybyRow,
  body: z.output<typeof PaymentBody>,
  staff: StaffPrincipal,
  divisions: Divisions,
  now: Date,
): Promise<{ paymentId: string; flagged: string | null }> {
  const allowed = allows(layby.status, 'pay');
  if (!allowed.ok)
    throw new AppError('CONFLICT', `The layby takes no payments: ${allowed.message}.`);
  const paid = pay((await ledgerOf(tx, layby)).ledger, body.amountCents);
  if (!paid.ok) throw new AppError('INVALID_INPUT', `amountCents: ${paid.message}`, 'amountCents');
  const t = body.tendered;
  if (t?.currency === layby.currency)
    throw new AppError(
      'INVALID_INPUT',
      `tendered.currency: is the layby's own currency (${layby.currency}); leave tendered out`,
      'tendered.currency',
    );
  if (t) {
    const converted = convert(money(t.cents, t.currency), layby.currency, t.rateMicros).cents;
    if (converted !== body.amountCents)
      throw new AppError(
        'INVALID_INPUT',
        `tendered.cents: ${t.cents} ${t.currency} cents at that rate is ${converted} ${layby.currency} cents, not ${body.amountCents}`,
        'tendered.cents',
      );
  }
  const division = divisionOf(divisions, layby);
  const payload = LaybyPayPayload.parse({
    id: uuidv7(now.getTime()),
    laybyId: layby.id,
    receiptNumber: await nextReceiptNumber(tx, division),
    amountCents: body.amountCents,
    currency: layby.currency,
    method: body.method,
    reference: body.reference,
    tendered: t,
    approvedBy: null,
    actorUserId: staff.userId,
    paidAt: now.toISOString(),
  });
  const outcome = orThrow(await recordPayment(tx, payload, officeContext(layby.businessId, now)));
  return { paymentId: payload.id, flagged: outcome.status === 'flagged' ? outcome.reason : null };
}

export async function cancelFromOffice(
  tx: CentralTx,
  layby: CustomerLaybyRow,
  body: z.output<typeof CancelBody>,
  staff: StaffPrincipal,
  divisions: Divisions,
  now: Date,
): Promise<void> {
  const allowed = allows(layby.status, 'cancel');
  if (!allowed.ok)
    throw new AppError('CONFLICT', `The layby cannot be cancelled: ${allowed.message}.`);
  const quote = quoteCancellation(
    await agreedRules(tx, layby),
    body.initiator,
    (await ledgerOf(tx, layby)).ledger,
  );
  const division = divisionOf(divisions, layby);
  const payload = LaybyCancelPayload.parse({
    laybyId: layby.id,
    initiator: body.initiator,
    reason: body.reason,
    cancellationFeeCents: quote.cancellationFeeCents,
    cancellationFeeId: quote.cancellationFeeCents > 0 ? uuidv7(now.getTime()) : null,
    keptFeesCents: quote.keptFeesCents,
    refund:
      quote.refundCents > 0
        ? {
            id: uuidv7(now.getTime()),
            receiptNumber: await nextReceiptNumber(tx, division),
            amountCents: quote.refundCents,
            method: body.refundMethod,
            reference: body.refundReference,
          }
        : null,
    actorUserId: staff.userId,
    cancelledAt: now.toISOString(),
  });
  orThrow(await cancelLayby(tx, payload, officeContext(layby.businessId, now)));
}

export async function releaseFromOffice(
  tx: CentralTx,
  layby: CustomerLaybyRow,
  body: z.output<typeof CompleteBody>,
  staff: StaffPrincipal,
  now: Date,
): Promise<void> {
  // The operation checks this too; here it is a 403 rather than a 409.
  if (
    (await agreedRules(tx, layby)).releaseBy === 'SUPERVISOR' &&
    !can(staff.role, 'layby.supervise')
  )
    throw new AppError(
      'FORBIDDEN',
      'Your role may not do this (layby.supervise): this division releases laybys by supervisor only.',
    );
  const payload = LaybyReleasePayload.parse({
    laybyId: layby.id,
    collectedBy: body.collectedBy,
    collectorIdNumber: body.collectorIdNumber,
    actorUserId: staff.userId,
    releasedAt: now.toISOString(),
  });
  orThrow(await releaseLayby(tx, payload, officeContext(layby.businessId, now)));
}
