import { integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { CUSTOMER_ACCOUNT_STATUSES, PAYMENT_METHODS } from '../../../shared/domain/enums';
import {
  at,
  bool,
  cents,
  createdAt,
  currency,
  deletedAt,
  json,
  syncColumns,
  updatedAt,
} from './columns';

// Division accounts of this till's division (the server sends only those). The balance
// columns are a cached projection of the append-only money rows, as on the server.
export const customerDivisionAccounts = sqliteTable(
  'customer_division_accounts',
  {
    id: text('id').primaryKey(),
    universalCustomerId: text('universal_customer_id').notNull(),
    businessId: text('business_id').notNull(),
    divisionCustomerNumber: text('division_customer_number').notNull(),

    status: text('status', { enum: CUSTOMER_ACCOUNT_STATUSES }).notNull().default('ACTIVE'),
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
    allowLayby: bool('allow_layby').notNull().default(true),
    allowCredit: bool('allow_credit').notNull().default(false),

    preferredPaymentMethod: text('preferred_payment_method', { enum: PAYMENT_METHODS }),
    preferredLanguage: text('preferred_language').notNull().default('en'),
    marketingConsent: bool('marketing_consent').notNull().default(false),
    smsConsent: bool('sms_consent').notNull().default(false),
    emailConsent: bool('email_consent').notNull().default(false),

    preferences: json('preferences'),
    customFields: json('custom_fields'),

    firstPurchaseDate: at('first_purchase_date'),
    lastPurchaseDate: at('last_purchase_date'),
    lastContactDate: at('last_contact_date'),
    isActive: bool('is_active').notNull().default(true),
    inactivatedAt: at('inactivated_at'),
    inactivatedBy: text('inactivated_by'),
    inactivationReason: text('inactivation_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: text('created_by'),

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
  ],
);

export type CustomerDivisionAccountRow = typeof customerDivisionAccounts.$inferSelect;
export type NewCustomerDivisionAccountRow = typeof customerDivisionAccounts.$inferInsert;
