import { asc, eq } from 'drizzle-orm';
import {
  customerLaybyFees,
  customerLaybyPayments,
  customerLaybys,
  universalCustomers,
  users,
  type CustomerLaybyRow,
} from '../../../db/till/schema';
import { AppError } from '../../../shared/contract/result';
import type { LaybyDetail, LaybySummary } from '../../../shared/contract/till/layby-views';
import { shopDate } from '../../../shared/domain/layby/dates';
import { balanceOf, type Ledger } from '../../../shared/domain/layby/ledger';
import { minimumPayment, progressOf } from '../../../shared/domain/layby/progress';
import { LaybyItem, lineAmountCents } from '../../../shared/domain/layby/records';
import { Schedule } from '../../../shared/domain/layby/schedule';
import type { TillTx } from '../db-types';
import type { TillScope } from '../customers/scope';
import { rulesOfLayby } from './rules';

type Reader = Pick<TillTx, 'select'>;

/** The layby's money as the ledger functions see it, from the row's cached sums. */
export const ledgerOf = (row: CustomerLaybyRow): Ledger => ({
  totalCents: row.totalAmountCents,
  feesCents: row.totalFeesCents,
  paidCents: row.totalPaidCents,
});

export const scheduleOf = (row: CustomerLaybyRow) => Schedule.parse(row.schedule ?? []);
export const itemsOf = (row: CustomerLaybyRow) => LaybyItem.array().parse(row.items ?? []);

/** "Overdue": an active layby whose next instalment's day has passed. */
export const isOverdue = (row: CustomerLaybyRow, today: string) =>
  row.status === 'ACTIVE' &&
  row.paymentDueDate !== null &&
  shopDate(new Date(row.paymentDueDate)) < today;

type CustomerBit = { fullName: string; customerNumber: string };

export function toSummary(
  row: CustomerLaybyRow,
  customer: CustomerBit,
  today: string,
): LaybySummary {
  return {
    id: row.id,
    laybyNumber: row.laybyNumber,
    status: row.status,
    customerId: row.universalCustomerId,
    customerName: customer.fullName,
    customerNumber: customer.customerNumber,
    currency: row.currency,
    totalAmountCents: row.totalAmountCents,
    totalFeesCents: row.totalFeesCents,
    totalPaidCents: row.totalPaidCents,
    balanceRemainingCents: row.balanceRemainingCents,
    nextDueDate: row.paymentDueDate ? shopDate(new Date(row.paymentDueDate)) : null,
    overdue: isOverdue(row, today),
    itemsReleased: row.itemsReleased,
    createdAt: row.createdAt,
  };
}

export function readCustomerBit(tx: Reader, id: string): CustomerBit {
  return (
    tx
      .select({
        fullName: universalCustomers.fullName,
        customerNumber: universalCustomers.customerNumber,
      })
      .from(universalCustomers)
      .where(eq(universalCustomers.id, id))
      .get() ?? { fullName: 'Unknown customer', customerNumber: '—' }
  );
}

export function toDetail(
  tx: Reader,
  scope: TillScope,
  row: CustomerLaybyRow,
  now: Date,
): LaybyDetail {
  const today = shopDate(now);
  const rules = rulesOfLayby(tx, scope, row.terms);
  const schedule = scheduleOf(row);
  const ledger = ledgerOf(row);
  const progress = progressOf(
    schedule,
    row.depositAmountCents,
    ledger.paidCents,
    today,
    rules.lateFeeGraceDays,
  );
  const payments = tx
    .select({ payment: customerLaybyPayments, staff: users.fullName })
    .from(customerLaybyPayments)
    .leftJoin(users, eq(users.id, customerLaybyPayments.processedBy))
    .where(eq(customerLaybyPayments.laybyId, row.id))
    .orderBy(asc(customerLaybyPayments.paymentDate), asc(customerLaybyPayments.id))
    .all();
  const fees = tx
    .select()
    .from(customerLaybyFees)
    .where(eq(customerLaybyFees.laybyId, row.id))
    .orderBy(asc(customerLaybyFees.chargedAt))
    .all();
  const releasedBy = row.itemsReleasedBy
    ? tx.select({ name: users.fullName }).from(users).where(eq(users.id, row.itemsReleasedBy)).get()
    : undefined;
  return {
    ...toSummary(row, readCustomerBit(tx, row.universalCustomerId), today),
    divisionAccountId: row.divisionAccountId,
    depositAmountCents: row.depositAmountCents,
    installmentFrequency: row.installmentFrequency,
    completionDueDate: row.completionDueDate ? shopDate(new Date(row.completionDueDate)) : null,
    items: itemsOf(row).map((item) => ({
      description: item.description,
      sku: item.sku,
      quantityMilli: item.quantityMilli,
      unitPriceCents: item.unitPriceCents,
      amountCents: lineAmountCents(item),
    })),
    schedule: progress.instalments,
    payments: payments.map(({ payment: p, staff }) => ({
      id: p.id,
      receiptNumber: p.receiptNumber,
      amountCents: p.amountCents,
      currency: p.currency,
      method: p.paymentMethod,
      reference: p.paymentReference,
      tenderedCents: p.tenderedAmountCents,
      tenderedCurrency: p.tenderedCurrency,
      exchangeRateMicros: p.exchangeRateMicros,
      isRefund: p.isRefund,
      paidAt: p.paymentDate,
      processedBy: staff ?? 'Head office',
      // Head office stamps every row it accepts and the till pulls it back at the end of the
      // same sync round; until then it is waiting. (Cheaper than reading the outbox, which
      // can hold days of mutations on a till that was offline.)
      pending: p.serverSeq === null,
    })),
    fees: fees.map((f) => ({
      id: f.id,
      kind: f.kind,
      amountCents: f.amountCents,
      instalmentDueDate: f.instalmentDueDate,
      chargedAt: f.chargedAt,
    })),
    minimumPaymentCents: row.status === 'ACTIVE' ? minimumPayment(progress, balanceOf(ledger)) : 0,
    arrearsCents: progress.arrearsCents,
    itemsReleasedAt: row.itemsReleasedAt,
    itemsReleasedBy: releasedBy?.name ?? null,
    cancellationReason: row.cancellationReason,
    cancellationRefundCents: row.cancellationRefundCents,
    notes: row.notes,
    releaseBy: rules.releaseBy,
  };
}

/** A layby of this till's division, or a NOT_FOUND naming the field. */
export function loadLayby(tx: Reader, scope: TillScope, id: string): CustomerLaybyRow {
  const row = tx.select().from(customerLaybys).where(eq(customerLaybys.id, id)).get();
  if (!row || row.businessId !== scope.businessId)
    throw new AppError('NOT_FOUND', 'laybyId: no such layby on this till', 'laybyId');
  return row;
}
