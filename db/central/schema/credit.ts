import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { creditStatus } from './enums';
import { businesses, users } from './org';
import { universalCustomers } from './customers';
import { at, cents, createdAt, currency, currencyCheck, syncColumns, updatedAt } from './columns';

// The plan's CustomerCredit: a credit application and, once approved, the line of credit.
// Decided at head office by a credit controller; tills hold a read-only copy.
export const customerCredits = pgTable(
  'customer_credits',
  {
    id: uuid('id').primaryKey(),
    applicationNumber: text('application_number').notNull().unique(),
    universalCustomerId: uuid('universal_customer_id')
      .notNull()
      .references(() => universalCustomers.id, { onDelete: 'cascade' }),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),

    requestedAmountCents: cents('requested_amount_cents').notNull(),
    approvedAmountCents: cents('approved_amount_cents'),
    currency: currency(),
    status: creditStatus('status').notNull().default('PENDING'),

    paymentTermsDays: integer('payment_terms_days').notNull(),
    // The plan's Decimal(5,2) percent as integer basis points: 2.5 % = 250.
    interestRateBp: integer('interest_rate_bp').notNull().default(0),
    // Months the approved limit stands before it must be reviewed again.
    creditLimitDuration: integer('credit_limit_duration'),

    employerName: text('employer_name'),
    employerContact: text('employer_contact'),
    reference1Name: text('reference1_name'),
    reference1Contact: text('reference1_contact'),
    reference2Name: text('reference2_name'),
    reference2Contact: text('reference2_contact'),

    monthlyIncomeCents: cents('monthly_income_cents'),
    otherIncomeCents: cents('other_income_cents'),

    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: at('reviewed_at'),
    reviewNotes: text('review_notes'),
    rejectionReason: text('rejection_reason'),

    createdAt: createdAt(),
    updatedAt: updatedAt(),
    appliedBy: uuid('applied_by')
      .notNull()
      .references(() => users.id),

    ...syncColumns(),
  },
  (t) => [
    index('customer_credits_customer_idx').on(t.universalCustomerId),
    index('customer_credits_business_status_idx').on(t.businessId, t.status),
    index('customer_credits_business_seq_idx').on(t.businessId, t.serverSeq),
    currencyCheck('customer_credits', t.currency),
  ],
);

export type CustomerCreditRow = typeof customerCredits.$inferSelect;
export type NewCustomerCreditRow = typeof customerCredits.$inferInsert;
