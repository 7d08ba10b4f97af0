import { sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { bool, cents, createdAt, currency, deletedAt, syncColumns, updatedAt } from './columns';

// This division's catalogue, pulled from head office.
export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    priceCents: cents('price_cents').notNull(),
    currency: currency(),
    isActive: bool('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),

    ...syncColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [unique('products_business_sku_key').on(t.businessId, t.sku)],
);

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;
