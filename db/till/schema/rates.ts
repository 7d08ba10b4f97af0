import { integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { CURRENCIES } from '../../../shared/money/money';
import { createdAt, syncColumns, updatedAt } from './columns';

// Head office's rate per day, pulled. rateMicros = rate × 1,000,000 (shared/money convert()).
export const exchangeRates = sqliteTable(
  'exchange_rates',
  {
    id: text('id').primaryKey(),
    // YYYY-MM-DD
    date: text('date').notNull(),
    fromCurrency: text('from_currency', { enum: CURRENCIES }).notNull(),
    toCurrency: text('to_currency', { enum: CURRENCIES }).notNull(),
    rateMicros: integer('rate_micros').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),

    ...syncColumns(),
  },
  (t) => [unique('exchange_rates_day_pair_key').on(t.date, t.fromCurrency, t.toCurrency)],
);

export type ExchangeRateRow = typeof exchangeRates.$inferSelect;
export type NewExchangeRateRow = typeof exchangeRates.$inferInsert;
