import type { CustomerLaybyRow } from '../../../db/till/schema';
import type { ReceiptDataInput, Tender } from '../../../shared/domain/receipts/receipt-data';
import type { TillDb } from '../../../db/till/connect';
import { receiptHeader, type ReceiptHeader } from '../printing/receipt-header';
import { enqueuePrint } from '../printing/enqueue';
import type { TillTx } from '../db-types';
import type { Actor } from '../customers/scope';
import {
  lineAmountCents,
  type LaybyItem,
  type Tendered,
} from '../../../shared/domain/layby/records';
import type { LaybyRules } from '../../../shared/domain/layby/rules';
import type { Instalment } from '../../../shared/domain/layby/schedule';
import { agreementTerms, cancellationTerms } from '../../../shared/domain/layby/terms-text';
import type { PaymentMethod } from '../../../shared/domain/enums';
import type { Currency } from '../../../shared/money/money';

// The slips of a layby's money events, as ReceiptData for enqueuePrint(). Built from the
// rows just written, inside the same transaction.

type Customer = { customerNumber: string; fullName: string };

/** The top of this action's slips (store, till, cashier, time); each slip adds its number. */
export const slipHeader = (db: TillDb, actor: Actor): ReceiptHeader =>
  receiptHeader(db, { cashierName: actor.staff.fullName, receiptNumber: '-', now: actor.now });

/** Queues a slip of this customer's layby in the money event's own transaction. */
export const queueSlip = (
  tx: TillTx,
  actor: Actor,
  customerId: string,
  receipt: ReceiptDataInput,
): string => enqueuePrint(tx, { receipt, customerId, createdBy: actor.staff.id, now: actor.now });
const party = (c: Customer) => ({ number: c.customerNumber, name: c.fullName });
const amount = (cents: number, currency: Currency) => ({ cents, currency });

export type SlipTender = {
  method: PaymentMethod;
  reference: string | null;
  amountCents: number;
  currency: Currency;
  tendered: Tendered | null;
};

/** The tender as printed: what was handed over, in the currency it was handed over in. */
function tenderLine(t: SlipTender): Tender {
  const paid = t.tendered
    ? amount(t.tendered.cents, t.tendered.currency)
    : amount(t.amountCents, t.currency);
  const exchange = t.tendered && {
    from: 'USD' as const,
    to: 'ZWG' as const,
    rateMicros: t.tendered.rateMicros,
    converted: amount(t.amountCents, t.currency),
  };
  return {
    method: t.method,
    amount: paid,
    reference: t.reference,
    provider: null,
    tendered: null,
    change: null,
    exchange,
  };
}

const receiptItems = (items: readonly LaybyItem[], currency: Currency) =>
  items.map((item) => ({
    description: item.description,
    sku: item.sku,
    quantityMilli: item.quantityMilli,
    unitPrice: amount(item.unitPriceCents, currency),
    amount: amount(lineAmountCents(item), currency),
  }));

export function agreementSlip(
  header: ReceiptHeader,
  layby: CustomerLaybyRow,
  customer: Customer,
  items: readonly LaybyItem[],
  schedule: readonly Instalment[],
  rules: LaybyRules,
): ReceiptDataInput {
  const c = layby.currency;
  return {
    kind: 'LAYBY_AGREEMENT',
    ...header,
    customer: party(customer),
    laybyNumber: layby.laybyNumber,
    items: receiptItems(items, c),
    total: amount(layby.totalAmountCents + layby.totalFeesCents, c),
    depositRequired: amount(layby.depositAmountCents, c),
    depositPercentBp: layby.depositPercentBp,
    schedule: schedule.map((i) => ({ date: i.dueDate, amount: amount(i.amountCents, c) })),
    finalDueDate: schedule[schedule.length - 1]?.dueDate ?? header.issuedAt.slice(0, 10),
    terms: agreementTerms(rules, c),
    cancellationPolicy: cancellationTerms(rules, c),
  };
}

export function paymentSlip(
  header: ReceiptHeader,
  layby: CustomerLaybyRow,
  customer: Customer,
  tender: SlipTender,
  paymentType: 'DEPOSIT' | 'INSTALMENT' | 'FINAL',
  nextDue: { dueDate: string; amountCents: number } | null,
): ReceiptDataInput {
  const c = layby.currency;
  return {
    kind: 'LAYBY_PAYMENT',
    ...header,
    paymentType,
    customer: party(customer),
    laybyNumber: layby.laybyNumber,
    tenders: [tenderLine(tender)],
    amountPaid: amount(tender.amountCents, c),
    laybyTotal: amount(layby.totalAmountCents + layby.totalFeesCents, c),
    totalPaid: amount(layby.totalPaidCents, c),
    balance: amount(layby.balanceRemainingCents, c),
    nextDue: nextDue ? { date: nextDue.dueDate, amount: amount(nextDue.amountCents, c) } : null,
  };
}

export function cancellationSlip(
  header: ReceiptHeader,
  layby: CustomerLaybyRow,
  customer: Customer,
  figures: { reason: string; paidBeforeCents: number; feeCents: number; refundCents: number },
  refund: SlipTender | null,
): ReceiptDataInput {
  const c = layby.currency;
  return {
    kind: 'LAYBY_CANCELLATION',
    ...header,
    customer: party(customer),
    laybyNumber: layby.laybyNumber,
    reason: figures.reason,
    laybyTotal: amount(layby.totalAmountCents, c),
    totalPaid: amount(figures.paidBeforeCents, c),
    cancellationFee: amount(figures.feeCents, c),
    refundDue: amount(figures.refundCents, c),
    refundTenders: refund ? [tenderLine(refund)] : [],
  };
}

export function collectionSlip(
  header: ReceiptHeader,
  layby: CustomerLaybyRow,
  customer: Customer,
  items: readonly LaybyItem[],
  collector: { collectedBy: string | null; collectorIdNumber: string | null },
): ReceiptDataInput {
  const c = layby.currency;
  return {
    kind: 'LAYBY_COLLECTION',
    ...header,
    customer: party(customer),
    laybyNumber: layby.laybyNumber,
    items: receiptItems(items, c),
    laybyTotal: amount(layby.totalAmountCents + layby.totalFeesCents, c),
    totalPaid: amount(layby.totalPaidCents, c),
    ...collector,
  };
}
