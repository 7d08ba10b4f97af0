import { asc, eq } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import {
  customerLaybyFees,
  customerLaybyPayments,
  universalCustomers,
  type CustomerLaybyPaymentRow,
  type CustomerLaybyRow,
} from '../../db/central/schema';
import type { DivisionCode } from '../../shared/domain/enums';
import { shopDate } from '../../shared/domain/layby/dates';
import { minimumPayment, progressOf } from '../../shared/domain/layby/progress';
import { lineAmountCents, LaybyItem } from '../../shared/domain/layby/records';
import { iso, isoOrNull } from '../customers/dto';
import type { Divisions } from '../customers/divisions';
import type { LaybyDetail, LaybyPaymentView, LaybySummary } from './contract';
import { scheduleOf } from './rows';
import { agreedRules } from './rules-store';

// Layby rows as the API shows them: instants as ISO-8601 UTC, due dates as shop days
// (YYYY-MM-DD), money as integer cents in the layby's currency.

type Reader = Pick<CentralDb, 'select'>;
const dayOf = (at: string | null) => (at === null ? null : shopDate(new Date(at)));

function codeOf(divisions: Divisions, businessId: string): DivisionCode {
  const code = divisions.byId.get(businessId)?.code;
  if (!code) throw new Error(`layby of business ${businessId}, which is not a division`);
  return code;
}

/** An instalment is overdue once its due day is past and it is still not paid. */
export const isOverdue = (row: CustomerLaybyRow, today: string) =>
  (row.status === 'ACTIVE' || row.status === 'DEFAULTED') &&
  row.paymentDueDate !== null &&
  (dayOf(row.paymentDueDate) ?? today) < today;

export function toSummary(
  row: CustomerLaybyRow,
  customer: { fullName: string; customerNumber: string },
  divisions: Divisions,
  today: string,
): LaybySummary {
  return {
    id: row.id,
    laybyNumber: row.laybyNumber,
    status: row.status,
    customerId: row.universalCustomerId,
    customerName: customer.fullName,
    customerNumber: customer.customerNumber,
    divisionId: row.businessId,
    divisionCode: codeOf(divisions, row.businessId),
    currency: row.currency,
    totalAmountCents: row.totalAmountCents,
    totalFeesCents: row.totalFeesCents,
    totalPaidCents: row.totalPaidCents,
    balanceRemainingCents: row.balanceRemainingCents,
    nextDueDate: dayOf(row.paymentDueDate),
    overdue: isOverdue(row, today),
    itemsReleased: row.itemsReleased,
    createdAt: iso(row.createdAt),
  };
}

export function toPayment(row: CustomerLaybyPaymentRow): LaybyPaymentView {
  return {
    id: row.id,
    receiptNumber: row.receiptNumber,
    amountCents: row.amountCents,
    currency: row.currency,
    method: row.paymentMethod,
    reference: row.paymentReference,
    tenderedCents: row.tenderedAmountCents,
    tenderedCurrency: row.tenderedCurrency,
    exchangeRateMicros: row.exchangeRateMicros,
    isRefund: row.isRefund,
    refundedPaymentId: row.refundedPaymentId,
    notes: row.notes,
    paidAt: iso(row.paymentDate),
    processedBy: row.processedBy,
    // Everything head office shows is on the server already.
    pending: false,
  };
}

export async function loadPayments(tx: Reader, laybyId: string): Promise<LaybyPaymentView[]> {
  const p = customerLaybyPayments;
  const rows = await tx
    .select()
    .from(p)
    .where(eq(p.laybyId, laybyId))
    // Same instant (a payment and its credit): the order the server took them in.
    .orderBy(asc(p.paymentDate), asc(p.serverSeq), asc(p.id));
  return rows.map(toPayment);
}

/** The full picture: items, the schedule against what was paid today, payments and fees. */
export async function toDetail(
  tx: Reader,
  row: CustomerLaybyRow,
  divisions: Divisions,
  now: Date,
): Promise<LaybyDetail> {
  const [customer] = await tx
    .select({
      fullName: universalCustomers.fullName,
      customerNumber: universalCustomers.customerNumber,
    })
    .from(universalCustomers)
    .where(eq(universalCustomers.id, row.universalCustomerId));
  const today = shopDate(now);
  const rules = await agreedRules(tx, row);
  const progress = progressOf(
    scheduleOf(row),
    row.depositAmountCents,
    row.totalPaidCents,
    today,
    rules.lateFeeGraceDays,
  );
  const f = customerLaybyFees;
  const fees = await tx.select().from(f).where(eq(f.laybyId, row.id)).orderBy(asc(f.chargedAt));
  const items = LaybyItem.array().safeParse(row.items);
  return {
    ...toSummary(row, customer ?? { fullName: '', customerNumber: '' }, divisions, today),
    divisionAccountId: row.divisionAccountId,
    depositAmountCents: row.depositAmountCents,
    installmentFrequency: row.installmentFrequency,
    completionDueDate: dayOf(row.completionDueDate),
    items: (items.success ? items.data : []).map((item) => ({
      description: item.description,
      sku: item.sku,
      quantityMilli: item.quantityMilli,
      unitPriceCents: item.unitPriceCents,
      amountCents: lineAmountCents(item),
    })),
    schedule: progress.instalments.map(({ dueDate, amountCents, paidCents, state }) => ({
      dueDate,
      amountCents,
      paidCents,
      state,
    })),
    payments: await loadPayments(tx, row.id),
    fees: fees.map((fee) => ({
      id: fee.id,
      kind: fee.kind,
      amountCents: fee.amountCents,
      instalmentDueDate: fee.instalmentDueDate,
      chargedAt: iso(fee.chargedAt),
    })),
    minimumPaymentCents:
      row.status === 'ACTIVE' ? minimumPayment(progress, row.balanceRemainingCents) : 0,
    arrearsCents: progress.arrearsCents,
    itemsReleasedAt: isoOrNull(row.itemsReleasedAt),
    itemsReleasedBy: row.itemsReleasedBy,
    cancellationReason: row.cancellationReason,
    cancellationRefundCents: row.cancellationRefundCents,
    notes: row.notes,
    releaseBy: rules.releaseBy,
    completedAt: isoOrNull(row.completedAt),
    cancelledAt: isoOrNull(row.cancelledAt),
  };
}
