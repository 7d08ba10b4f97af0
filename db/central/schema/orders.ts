import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { orderPaymentStatus, orderStatus } from './enums';
import { businesses, users } from './org';
import { universalCustomers } from './customers';
import { customerDivisionAccounts } from './accounts';
import { products } from './catalogue';
import { at, cents, createdAt, currency, currencyCheck, syncColumns, updatedAt } from './columns';

// The plan's BusinessOrder (a sale), linked to the universal customer when one is known.
// Orders are voided or refunded through their status, never deleted.
export const businessOrders = pgTable(
  'business_orders',
  {
    id: uuid('id').primaryKey(),
    orderNumber: text('order_number').notNull().unique(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    // Null for a walk-in sale.
    universalCustomerId: uuid('universal_customer_id').references(() => universalCustomers.id),
    divisionAccountId: uuid('division_account_id').references(() => customerDivisionAccounts.id),

    status: orderStatus('status').notNull().default('OPEN'),
    paymentStatus: orderPaymentStatus('payment_status').notNull().default('UNPAID'),

    subtotalCents: cents('subtotal_cents').notNull().default(0),
    discountCents: cents('discount_cents').notNull().default(0),
    taxCents: cents('tax_cents').notNull().default(0),
    totalCents: cents('total_cents').notNull().default(0),
    paidCents: cents('paid_cents').notNull().default(0),
    currency: currency(),

    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: at('completed_at'),

    ...syncColumns(),
  },
  (t) => [
    index('business_orders_customer_idx').on(t.universalCustomerId, t.createdAt),
    index('business_orders_account_idx').on(t.divisionAccountId),
    index('business_orders_business_seq_idx').on(t.businessId, t.serverSeq),
    currencyCheck('business_orders', t.currency),
  ],
);

// One line of an order. Name and price are copied from the product at the time of sale, so a
// later catalogue change never rewrites a printed receipt.
export const businessOrderLines = pgTable(
  'business_order_lines',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => businessOrders.id, { onDelete: 'cascade' }),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    lineNumber: integer('line_number').notNull(),
    productId: uuid('product_id').references(() => products.id),
    sku: text('sku'),
    description: text('description').notNull(),
    // Thousandths of a unit, so 1.5 kg of sugar or 2.25 m of chain stay exact integers.
    quantityMilli: integer('quantity_milli').notNull(),
    unitPriceCents: cents('unit_price_cents').notNull(),
    discountCents: cents('discount_cents').notNull().default(0),
    lineTotalCents: cents('line_total_cents').notNull(),
    currency: currency(),
    createdAt: createdAt(),

    ...syncColumns(),
  },
  (t) => [
    unique('business_order_lines_order_line_key').on(t.orderId, t.lineNumber),
    index('business_order_lines_business_seq_idx').on(t.businessId, t.serverSeq),
    check('business_order_lines_quantity_check', sql`${t.quantityMilli} <> 0`),
    currencyCheck('business_order_lines', t.currency),
  ],
);

export type BusinessOrderRow = typeof businessOrders.$inferSelect;
export type NewBusinessOrderRow = typeof businessOrders.$inferInsert;
export type BusinessOrderLineRow = typeof businessOrderLines.$inferSelect;
export type NewBusinessOrderLineRow = typeof businessOrderLines.$inferInsert;
