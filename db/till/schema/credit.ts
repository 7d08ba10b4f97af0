import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CREDIT_STATUSES } from '../../../shared/domain/enums';
import { at, cents, createdAt, currency, syncColumns, updatedAt } from './columns';

// Read-only copy of the division's credit applications and lines: decided at head office,
// shown at the till so a cashier knows whether a customer may buy on account.
export const customerCredits = sqliteTable(
  'customer_credits',
  {
    id: text('id').primaryKey(),
    applicationNumber: text('application_number').notNull().unique(),
    universalCustomerId: text('universal_customer_id').notNull(),
    businessId: text('business_id').notNull(),

    requestedAmountCents: cents('requested_amount_cents').notNull(),
    approvedAmountCents: cents('approved_amount_cents'),
    currency: currency(),
    status: text('status', { enum: CREDIT_STATUSES }).notNull().default('PENDING'),

    paymentTermsDays: integer('payment_terms_days').notNull(),
    interestRateBp: integer('interest_rate_bp').notNull().default(0),
    creditLimitDuration: integer('credit_limit_duration'),

    employerName: text('employer_name'),
    employerContact: text('employer_contact'),
    reference1Name: text('reference1_name'),
    reference1Contact: text('reference1_contact'),
    reference2Name: text('reference2_name'),
    reference2Contact: text('reference2_contact'),

    monthlyIncomeCents: cents('monthly_income_cents'),
    otherIncomeCents: cents('other_income_cents'),

    reviewedBy: text('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    reviewNotes: text('review_notes'),
    rejectionReason: text('rejection_reason'),

    createdAt: createdAt(),
    updatedAt: updatedAt(),
    appliedBy: text('applied_by').notNull(),

    ...syncColumns(),
  },
  (t) => [index('customer_credits_customer_idx').on(t.universalCustomerId)],
);

export type CustomerCreditRow = typeof customerCredits.$inferSelect;
