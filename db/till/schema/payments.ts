import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PAYMENT_METHODS } from '../../../shared/domain/enums';
import type { LaybyAllocation, OrderAllocation } from '../../json-shapes';
import { at, bool, cents, currency, json, nowIso, syncColumns } from './columns';

// Payments on division accounts taken at this till or pulled for its division. Append-only.
export const customerPayments = sqliteTable(
  'customer_payments',
  {
    id: text('id').primaryKey(),
    receiptNumber: text('receipt_number').notNull().unique(),
    divisionAccountId: text('division_account_id').notNull(),
    businessId: text('business_id').notNull(),

    amountCents: cents('amount_cents').notNull(),
    currency: currency(),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(),
    paymentReference: text('payment_reference'),

    appliedToOrders: json('applied_to_orders').$type<OrderAllocation[]>(),
    appliedToLaybys: json('applied_to_laybys').$type<LaybyAllocation[]>(),
    appliedToBalanceCents: cents('applied_to_balance_cents').notNull().default(0),

    paymentDate: at('payment_date').notNull().default(nowIso),
    processedBy: text('processed_by').notNull(),
    notes: text('notes'),
    isRefund: bool('is_refund').notNull().default(false),

    ...syncColumns(),
  },
  (t) => [index('customer_payments_account_idx').on(t.divisionAccountId, t.paymentDate)],
);

export type CustomerPaymentRow = typeof customerPayments.$inferSelect;
export type NewCustomerPaymentRow = typeof customerPayments.$inferInsert;
