import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  INSTALLMENT_FREQUENCIES,
  LAYBY_FEE_KINDS,
  LAYBY_STATUSES,
  PAYMENT_METHODS,
} from '../../../shared/domain/enums';
import { CURRENCIES } from '../../../shared/money/money';
import {
  at,
  bool,
  cents,
  createdAt,
  currency,
  json,
  nowIso,
  syncColumns,
  updatedAt,
} from './columns';

// Laybys of this till's division. Never deleted, only CANCELLED.
export const customerLaybys = sqliteTable(
  'customer_laybys',
  {
    id: text('id').primaryKey(),
    laybyNumber: text('layby_number').notNull().unique(),
    universalCustomerId: text('universal_customer_id').notNull(),
    divisionAccountId: text('division_account_id').notNull(),
    businessId: text('business_id').notNull(),

    status: text('status', { enum: LAYBY_STATUSES }).notNull().default('ACTIVE'),
    totalAmountCents: cents('total_amount_cents').notNull(),
    depositAmountCents: cents('deposit_amount_cents').notNull(),
    depositPercentBp: integer('deposit_percent_bp').notNull(),
    balanceRemainingCents: cents('balance_remaining_cents').notNull(),
    totalPaidCents: cents('total_paid_cents').notNull().default(0),
    currency: currency(),

    installmentAmountCents: cents('installment_amount_cents'),
    installmentFrequency: text('installment_frequency', { enum: INSTALLMENT_FREQUENCIES }),
    paymentDueDate: at('payment_due_date'),
    completionDueDate: at('completion_due_date'),
    schedule: json('schedule').notNull().default([]),
    terms: json('terms'),

    serviceFeeCents: cents('service_fee_cents').notNull().default(0),
    lateFeeCents: cents('late_fee_cents').notNull().default(0),
    administrationFeeCents: cents('administration_fee_cents').notNull().default(0),
    totalFeesCents: cents('total_fees_cents').notNull().default(0),

    items: json('items').notNull(),
    itemsReleased: bool('items_released').notNull().default(false),
    itemsReleasedAt: at('items_released_at'),
    itemsReleasedBy: text('items_released_by'),

    notes: text('notes'),
    cancellationReason: text('cancellation_reason'),
    cancellationRefundCents: cents('cancellation_refund_cents'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: text('created_by').notNull(),
    completedAt: at('completed_at'),
    cancelledAt: at('cancelled_at'),

    ...syncColumns(),
  },
  (t) => [
    index('customer_laybys_customer_idx').on(t.universalCustomerId),
    index('customer_laybys_account_idx').on(t.divisionAccountId),
    index('customer_laybys_status_idx').on(t.status, t.paymentDueDate),
  ],
);

// Append-only: a refund is a new row pointing at the payment it refunds.
export const customerLaybyPayments = sqliteTable(
  'customer_layby_payments',
  {
    id: text('id').primaryKey(),
    laybyId: text('layby_id').notNull(),
    businessId: text('business_id').notNull(),
    receiptNumber: text('receipt_number').notNull().unique(),

    amountCents: cents('amount_cents').notNull(),
    currency: currency(),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(),
    paymentReference: text('payment_reference'),
    tenderedAmountCents: cents('tendered_amount_cents'),
    tenderedCurrency: text('tendered_currency', { enum: CURRENCIES }),
    exchangeRateMicros: integer('exchange_rate_micros'),

    paymentDate: at('payment_date').notNull().default(nowIso),
    processedBy: text('processed_by').notNull(),
    notes: text('notes'),
    isRefund: bool('is_refund').notNull().default(false),
    refundedPaymentId: text('refunded_payment_id'),

    ...syncColumns(),
  },
  (t) => [
    index('customer_layby_payments_layby_idx').on(t.laybyId),
    index('customer_layby_payments_refunded_idx').on(t.refundedPaymentId),
  ],
);

// The division's layby fees, as head office holds them (db/central/schema/laybys.ts).
export const customerLaybyFees = sqliteTable(
  'customer_layby_fees',
  {
    id: text('id').primaryKey(),
    laybyId: text('layby_id').notNull(),
    businessId: text('business_id').notNull(),
    kind: text('kind', { enum: LAYBY_FEE_KINDS }).notNull(),
    amountCents: cents('amount_cents').notNull(),
    currency: currency(),
    instalmentDueDate: text('instalment_due_date'),
    chargedAt: at('charged_at').notNull().default(nowIso),
    chargedBy: text('charged_by'),

    ...syncColumns(),
  },
  (t) => [
    index('customer_layby_fees_layby_idx').on(t.laybyId),
    uniqueIndex('customer_layby_fees_late_once')
      .on(t.laybyId, t.instalmentDueDate)
      .where(sql`${t.kind} = 'LATE'`),
  ],
);

// The division's layby rules as head office saved them; absent means the defaults.
export const laybyRules = sqliteTable('layby_rules', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().unique(),
  rules: json('rules').notNull(),
  updatedAt: updatedAt(),
  updatedBy: text('updated_by'),

  ...syncColumns(),
});

export type CustomerLaybyRow = typeof customerLaybys.$inferSelect;
export type NewCustomerLaybyRow = typeof customerLaybys.$inferInsert;
export type CustomerLaybyPaymentRow = typeof customerLaybyPayments.$inferSelect;
export type NewCustomerLaybyPaymentRow = typeof customerLaybyPayments.$inferInsert;
export type CustomerLaybyFeeRow = typeof customerLaybyFees.$inferSelect;
export type LaybyRulesRow = typeof laybyRules.$inferSelect;
