import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { paymentMethod } from './enums';
import { businesses, users } from './org';
import { customerDivisionAccounts } from './accounts';
import type { LaybyAllocation, OrderAllocation } from '../../json-shapes';
import { at, cents, currency, currencyCheck, syncColumns } from './columns';

// The plan's CustomerPayment (money paid on a division account). Append-only: a refund is a
// new row with isRefund set.
export const customerPayments = pgTable(
  'customer_payments',
  {
    id: uuid('id').primaryKey(),
    receiptNumber: text('receipt_number').notNull().unique(),
    divisionAccountId: uuid('division_account_id')
      .notNull()
      .references(() => customerDivisionAccounts.id, { onDelete: 'cascade' }),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),

    amountCents: cents('amount_cents').notNull(),
    currency: currency(),
    paymentMethod: paymentMethod('payment_method').notNull(),
    paymentReference: text('payment_reference'),

    appliedToOrders: jsonb('applied_to_orders').$type<OrderAllocation[]>(),
    appliedToLaybys: jsonb('applied_to_laybys').$type<LaybyAllocation[]>(),
    appliedToBalanceCents: cents('applied_to_balance_cents').notNull().default(0),

    paymentDate: at('payment_date').notNull().defaultNow(),
    processedBy: uuid('processed_by')
      .notNull()
      .references(() => users.id),
    notes: text('notes'),
    isRefund: boolean('is_refund').notNull().default(false),

    ...syncColumns(),
  },
  (t) => [
    index('customer_payments_account_idx').on(t.divisionAccountId, t.paymentDate),
    index('customer_payments_business_seq_idx').on(t.businessId, t.serverSeq),
    currencyCheck('customer_payments', t.currency),
  ],
);

export type CustomerPaymentRow = typeof customerPayments.$inferSelect;
export type NewCustomerPaymentRow = typeof customerPayments.$inferInsert;
