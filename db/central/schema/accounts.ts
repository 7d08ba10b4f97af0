import { boolean, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { customerAccountStatus, paymentMethod } from './enums';
import { businesses, users } from './org';
import { universalCustomers } from './customers';
import {
  at,
  cents,
  createdAt,
  currency,
  currencyCheck,
  deletedAt,
  syncColumns,
  updatedAt,
} from './columns';

// The plan's CustomerDivisionAccount: a customer's account with one division.
// The balance columns are a cached projection: money itself lives in append-only payment,
// layby and order rows, and the server recomputes these from them (two tills never
// overwrite each other's money).
export const customerDivisionAccounts = pgTable(
  'customer_division_accounts',
  {
    id: uuid('id').primaryKey(),
    universalCustomerId: uuid('universal_customer_id')
      .notNull()
      .references(() => universalCustomers.id, { onDelete: 'cascade' }),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    divisionCustomerNumber: text('division_customer_number').notNull(),

    status: customerAccountStatus('status').notNull().default('ACTIVE'),
    accountType: text('account_type'),
    segment: text('segment'),

    creditLimitCents: cents('credit_limit_cents').notNull().default(0),
    currentBalanceCents: cents('current_balance_cents').notNull().default(0),
    availableCreditCents: cents('available_credit_cents').notNull().default(0),
    totalSpentCents: cents('total_spent_cents').notNull().default(0),
    currency: currency(),

    loyaltyPoints: integer('loyalty_points').notNull().default(0),
    loyaltyTier: text('loyalty_tier'),

    paymentTermsDays: integer('payment_terms_days').notNull().default(0),
    allowLayby: boolean('allow_layby').notNull().default(true),
    allowCredit: boolean('allow_credit').notNull().default(false),

    preferredPaymentMethod: paymentMethod('preferred_payment_method'),
    preferredLanguage: text('preferred_language').notNull().default('en'),
    marketingConsent: boolean('marketing_consent').notNull().default(false),
    smsConsent: boolean('sms_consent').notNull().default(false),
    emailConsent: boolean('email_consent').notNull().default(false),

    preferences: jsonb('preferences'),
    customFields: jsonb('custom_fields'),

    firstPurchaseDate: at('first_purchase_date'),
    lastPurchaseDate: at('last_purchase_date'),
    lastContactDate: at('last_contact_date'),
    isActive: boolean('is_active').notNull().default(true),
    inactivatedAt: at('inactivated_at'),
    inactivatedBy: uuid('inactivated_by').references(() => users.id),
    inactivationReason: text('inactivation_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid('created_by').references(() => users.id),

    ...syncColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [
    unique('customer_division_accounts_customer_business_key').on(
      t.universalCustomerId,
      t.businessId,
    ),
    unique('customer_division_accounts_business_number_key').on(
      t.businessId,
      t.divisionCustomerNumber,
    ),
    index('customer_division_accounts_business_seq_idx').on(t.businessId, t.serverSeq),
    currencyCheck('customer_division_accounts', t.currency),
  ],
);

export type CustomerDivisionAccountRow = typeof customerDivisionAccounts.$inferSelect;
export type NewCustomerDivisionAccountRow = typeof customerDivisionAccounts.$inferInsert;
