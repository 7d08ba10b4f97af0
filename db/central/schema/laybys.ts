import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { installmentFrequency, laybyFeeKind, laybyStatus, paymentMethod } from './enums';
import { businesses, users } from './org';
import { universalCustomers } from './customers';
import { customerDivisionAccounts } from './accounts';
import { CURRENCIES } from '../../../shared/money/money';
import { at, cents, createdAt, currency, currencyCheck, syncColumns, updatedAt } from './columns';

// The plan's CustomerLayby. A layby is never deleted, only CANCELLED, so it has no tombstone.
// Totals here are a projection of the append-only payments below.
export const customerLaybys = pgTable(
  'customer_laybys',
  {
    id: uuid('id').primaryKey(),
    laybyNumber: text('layby_number').notNull().unique(),
    universalCustomerId: uuid('universal_customer_id')
      .notNull()
      .references(() => universalCustomers.id, { onDelete: 'cascade' }),
    divisionAccountId: uuid('division_account_id')
      .notNull()
      .references(() => customerDivisionAccounts.id, { onDelete: 'cascade' }),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),

    status: laybyStatus('status').notNull().default('ACTIVE'),
    totalAmountCents: cents('total_amount_cents').notNull(),
    depositAmountCents: cents('deposit_amount_cents').notNull(),
    // The plan's Decimal(5,2) percent as integer basis points: 20 % = 2000.
    depositPercentBp: integer('deposit_percent_bp').notNull(),
    balanceRemainingCents: cents('balance_remaining_cents').notNull(),
    totalPaidCents: cents('total_paid_cents').notNull().default(0),
    currency: currency(),

    installmentAmountCents: cents('installment_amount_cents'),
    installmentFrequency: installmentFrequency('installment_frequency'),
    paymentDueDate: at('payment_due_date'),
    completionDueDate: at('completion_due_date'),
    // The agreed plan ([{ dueDate, amountCents }], shared/domain/layby/schedule) and the
    // division's rules as they stood when the customer signed: late fees and cancellation
    // follow the agreement, not later edits of the rules.
    schedule: jsonb('schedule').notNull().default([]),
    terms: jsonb('terms'),

    serviceFeeCents: cents('service_fee_cents').notNull().default(0),
    lateFeeCents: cents('late_fee_cents').notNull().default(0),
    administrationFeeCents: cents('administration_fee_cents').notNull().default(0),
    totalFeesCents: cents('total_fees_cents').notNull().default(0),

    // Line items (product, quantity, unit price in cents), validated by the shared contract.
    items: jsonb('items').notNull(),
    itemsReleased: boolean('items_released').notNull().default(false),
    itemsReleasedAt: at('items_released_at'),
    itemsReleasedBy: uuid('items_released_by').references(() => users.id),

    notes: text('notes'),
    cancellationReason: text('cancellation_reason'),
    cancellationRefundCents: cents('cancellation_refund_cents'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    completedAt: at('completed_at'),
    cancelledAt: at('cancelled_at'),

    ...syncColumns(),
  },
  (t) => [
    index('customer_laybys_customer_idx').on(t.universalCustomerId),
    index('customer_laybys_account_idx').on(t.divisionAccountId),
    index('customer_laybys_business_status_idx').on(t.businessId, t.status),
    index('customer_laybys_business_seq_idx').on(t.businessId, t.serverSeq),
    check(
      'customer_laybys_deposit_percent_bp_check',
      sql`${t.depositPercentBp} between 0 and 10000`,
    ),
    currencyCheck('customer_laybys', t.currency),
  ],
);

// The plan's CustomerLaybyPayment: append-only. A refund is a new row pointing at the payment
// it refunds, never an edit. businessId is added (the plan reaches it through the layby) so a
// till's pull of its own division's payments is one index range.
export const customerLaybyPayments = pgTable(
  'customer_layby_payments',
  {
    id: uuid('id').primaryKey(),
    laybyId: uuid('layby_id')
      .notNull()
      .references(() => customerLaybys.id, { onDelete: 'cascade' }),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    receiptNumber: text('receipt_number').notNull().unique(),

    amountCents: cents('amount_cents').notNull(),
    currency: currency(),
    paymentMethod: paymentMethod('payment_method').notNull(),
    paymentReference: text('payment_reference'),
    // Paid in the other currency (ZiG against a US-dollar layby): what was handed over and
    // head office's rate of the day (micro-units, shared/money convert()).
    tenderedAmountCents: cents('tendered_amount_cents'),
    tenderedCurrency: text('tendered_currency', { enum: CURRENCIES }),
    exchangeRateMicros: bigint('exchange_rate_micros', { mode: 'number' }),

    paymentDate: at('payment_date').notNull().defaultNow(),
    processedBy: uuid('processed_by')
      .notNull()
      .references(() => users.id),
    notes: text('notes'),
    isRefund: boolean('is_refund').notNull().default(false),
    refundedPaymentId: uuid('refunded_payment_id').references(
      (): AnyPgColumn => customerLaybyPayments.id,
    ),

    ...syncColumns(),
  },
  (t) => [
    index('customer_layby_payments_layby_idx').on(t.laybyId),
    index('customer_layby_payments_refunded_idx').on(t.refundedPaymentId),
    index('customer_layby_payments_business_seq_idx').on(t.businessId, t.serverSeq),
    currencyCheck('customer_layby_payments', t.currency),
  ],
);

// Every fee a layby is charged, one row each, append-only. The layby row's fee columns are
// sums of these. A late fee names the instalment it is for, once (the partial unique index).
export const customerLaybyFees = pgTable(
  'customer_layby_fees',
  {
    id: uuid('id').primaryKey(),
    laybyId: uuid('layby_id')
      .notNull()
      .references(() => customerLaybys.id, { onDelete: 'cascade' }),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    kind: laybyFeeKind('kind').notNull(),
    amountCents: cents('amount_cents').notNull(),
    currency: currency(),
    instalmentDueDate: date('instalment_due_date', { mode: 'string' }),
    chargedAt: at('charged_at').notNull().defaultNow(),
    // Null when the daily job charged it.
    chargedBy: uuid('charged_by').references(() => users.id),

    ...syncColumns(),
  },
  (t) => [
    index('customer_layby_fees_layby_idx').on(t.laybyId),
    index('customer_layby_fees_business_seq_idx').on(t.businessId, t.serverSeq),
    uniqueIndex('customer_layby_fees_late_once')
      .on(t.laybyId, t.instalmentDueDate)
      .where(sql`${t.kind} = 'LATE'`),
    check('customer_layby_fees_amount_check', sql`${t.amountCents} >= 0`),
    currencyCheck('customer_layby_fees', t.currency),
  ],
);

// Each division's layby rules (shared/domain/layby/rules), edited at head office and pulled
// by the division's tills. No row: the division runs on the defaults.
export const laybyRules = pgTable(
  'layby_rules',
  {
    id: uuid('id').primaryKey(),
    businessId: uuid('business_id')
      .notNull()
      .unique()
      .references(() => businesses.id),
    rules: jsonb('rules').notNull(),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by').references(() => users.id),

    ...syncColumns(),
  },
  (t) => [index('layby_rules_business_seq_idx').on(t.businessId, t.serverSeq)],
);

// One row per shop day the late-fee job has finished, so a restarted server knows whether
// today's run is still owed.
export const laybyJobRuns = pgTable('layby_job_runs', {
  day: date('day', { mode: 'string' }).primaryKey(),
  startedAt: at('started_at').notNull().defaultNow(),
  finishedAt: at('finished_at'),
  laybysChecked: integer('laybys_checked').notNull().default(0),
  feesCharged: integer('fees_charged').notNull().default(0),
  defaulted: integer('defaulted').notNull().default(0),
});

export type CustomerLaybyRow = typeof customerLaybys.$inferSelect;
export type NewCustomerLaybyRow = typeof customerLaybys.$inferInsert;
export type CustomerLaybyPaymentRow = typeof customerLaybyPayments.$inferSelect;
export type NewCustomerLaybyPaymentRow = typeof customerLaybyPayments.$inferInsert;
export type CustomerLaybyFeeRow = typeof customerLaybyFees.$inferSelect;
export type NewCustomerLaybyFeeRow = typeof customerLaybyFees.$inferInsert;
export type LaybyRulesRow = typeof laybyRules.$inferSelect;
