import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { ORDER_PAYMENT_STATUSES, ORDER_STATUSES } from '../../../shared/domain/enums';
import { at, cents, createdAt, currency, syncColumns, updatedAt } from './columns';

// Sales (the plan's BusinessOrder) rung up at this till or pulled for its division.
export const businessOrders = sqliteTable(
  'business_orders',
  {
    id: text('id').primaryKey(),
    orderNumber: text('order_number').notNull().unique(),
    businessId: text('business_id').notNull(),
    universalCustomerId: text('universal_customer_id'),
    divisionAccountId: text('division_account_id'),

    status: text('status', { enum: ORDER_STATUSES }).notNull().default('OPEN'),
    paymentStatus: text('payment_status', { enum: ORDER_PAYMENT_STATUSES })
      .notNull()
      .default('UNPAID'),

    subtotalCents: cents('subtotal_cents').notNull().default(0),
    discountCents: cents('discount_cents').notNull().default(0),
    taxCents: cents('tax_cents').notNull().default(0),
    totalCents: cents('total_cents').notNull().default(0),
    paidCents: cents('paid_cents').notNull().default(0),
    currency: currency(),

    notes: text('notes'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: at('completed_at'),

    ...syncColumns(),
  },
  (t) => [
    index('business_orders_customer_idx').on(t.universalCustomerId, t.createdAt),
    index('business_orders_created_idx').on(t.createdAt),
  ],
);

// Name and price are copied at the time of sale, so a catalogue change never rewrites a receipt.
export const businessOrderLines = sqliteTable(
  'business_order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    businessId: text('business_id').notNull(),
    lineNumber: integer('line_number').notNull(),
    productId: text('product_id'),
    sku: text('sku'),
    description: text('description').notNull(),
    // Thousandths of a unit: 1.5 kg is 1500.
    quantityMilli: integer('quantity_milli').notNull(),
    unitPriceCents: cents('unit_price_cents').notNull(),
    discountCents: cents('discount_cents').notNull().default(0),
    lineTotalCents: cents('line_total_cents').notNull(),
    currency: currency(),
    createdAt: createdAt(),

    ...syncColumns(),
  },
  (t) => [unique('business_order_lines_order_line_key').on(t.orderId, t.lineNumber)],
);

export type BusinessOrderRow = typeof businessOrders.$inferSelect;
export type NewBusinessOrderRow = typeof businessOrders.$inferInsert;
export type BusinessOrderLineRow = typeof businessOrderLines.$inferSelect;
export type NewBusinessOrderLineRow = typeof businessOrderLines.$inferInsert;
