import { boolean, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { businesses } from './org';
import {
  cents,
  createdAt,
  currency,
  currencyCheck,
  deletedAt,
  syncColumns,
  updatedAt,
} from './columns';

// Each division's catalogue, kept at head office and pulled by that division's tills.
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    priceCents: cents('price_cents').notNull(),
    currency: currency(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),

    ...syncColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [
    unique('products_business_sku_key').on(t.businessId, t.sku),
    index('products_business_seq_idx').on(t.businessId, t.serverSeq),
    currencyCheck('products', t.currency),
  ],
);

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;
