import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { businesses } from './org';
import { customerDivisionAccounts } from './accounts';
import { at, cents, currency, currencyCheck, syncColumns } from './columns';

// The plan's CustomerStatement: generated at head office from the account's money events.
// `transactions` is the frozen list of statement lines as printed.
export const customerStatements = pgTable(
  'customer_statements',
  {
    id: uuid('id').primaryKey(),
    statementNumber: text('statement_number').notNull().unique(),
    divisionAccountId: uuid('division_account_id')
      .notNull()
      .references(() => customerDivisionAccounts.id, { onDelete: 'cascade' }),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),

    statementDate: at('statement_date').notNull(),
    periodStartDate: at('period_start_date').notNull(),
    periodEndDate: at('period_end_date').notNull(),

    openingBalanceCents: cents('opening_balance_cents').notNull(),
    closingBalanceCents: cents('closing_balance_cents').notNull(),
    totalChargesCents: cents('total_charges_cents').notNull(),
    totalPaymentsCents: cents('total_payments_cents').notNull(),
    totalInterestCents: cents('total_interest_cents').notNull().default(0),
    currency: currency(),

    transactions: jsonb('transactions').notNull(),

    dueDate: at('due_date'),
    isPaid: boolean('is_paid').notNull().default(false),
    paidAt: at('paid_at'),
    generatedAt: at('generated_at').notNull().defaultNow(),
    sentToCustomer: boolean('sent_to_customer').notNull().default(false),
    sentAt: at('sent_at'),

    ...syncColumns(),
  },
  (t) => [
    index('customer_statements_account_idx').on(t.divisionAccountId, t.statementDate),
    index('customer_statements_business_seq_idx').on(t.businessId, t.serverSeq),
    currencyCheck('customer_statements', t.currency),
  ],
);

export type CustomerStatementRow = typeof customerStatements.$inferSelect;
export type NewCustomerStatementRow = typeof customerStatements.$inferInsert;
