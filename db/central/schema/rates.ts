import { sql } from 'drizzle-orm';
import { bigint, check, date, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { CURRENCIES } from '../../../shared/money/money';
import { users } from './org';
import { createdAt, currencyCheck, syncColumns, updatedAt } from './columns';

// Head office's exchange rate per day. rateMicros = rate × 1,000,000 (shared/money convert()),
// so 26.7512 ZWG per USD is stored exactly as 26751200. bigint: a ZWL-era rate in the
// thousands would overflow a 32-bit integer of micro-units.
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    id: uuid('id').primaryKey(),
    date: date('date', { mode: 'string' }).notNull(),
    fromCurrency: text('from_currency', { enum: CURRENCIES }).notNull(),
    toCurrency: text('to_currency', { enum: CURRENCIES }).notNull(),
    rateMicros: bigint('rate_micros', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),

    ...syncColumns(),
  },
  (t) => [
    unique('exchange_rates_day_pair_key').on(t.date, t.fromCurrency, t.toCurrency),
    check('exchange_rates_rate_check', sql`${t.rateMicros} > 0`),
    check('exchange_rates_pair_check', sql`${t.fromCurrency} <> ${t.toCurrency}`),
    currencyCheck('exchange_rates', t.fromCurrency),
    currencyCheck('exchange_rates', t.toCurrency),
  ],
);

export type ExchangeRateRow = typeof exchangeRates.$inferSelect;
export type NewExchangeRateRow = typeof exchangeRates.$inferInsert;
