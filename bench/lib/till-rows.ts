import type { DemoDivisionAccount } from '../../sync-server/demo/accounts';
import type { DemoCustomer } from '../../sync-server/demo/customers';

// Raw inserts for building the benchmark till: prepared once, run a million times.

// prettier-ignore
const CUSTOMER_COLUMNS = [
  'id', 'customer_number', 'type', 'first_name', 'last_name', 'full_name', 'company_name',
  'date_of_birth', 'gender', 'primary_email', 'primary_phone', 'alternate_phone', 'address',
  'city', 'state', 'country', 'national_id', 'tax_number', 'source', 'tags', 'is_active',
  'is_blacklisted', 'blacklist_reason', 'created_at', 'updated_at',
];
// prettier-ignore
const ACCOUNT_COLUMNS = [
  'id', 'universal_customer_id', 'business_id', 'division_customer_number', 'status',
  'account_type', 'segment', 'credit_limit_cents', 'current_balance_cents',
  'available_credit_cents', 'total_spent_cents', 'currency', 'loyalty_points', 'loyalty_tier',
  'payment_terms_days', 'allow_layby', 'allow_credit', 'preferred_payment_method',
  'preferred_language', 'marketing_consent', 'sms_consent', 'email_consent',
  'first_purchase_date', 'last_purchase_date', 'is_active', 'created_at', 'updated_at',
];

const insert = (table: string, columns: string[]) =>
  `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;

export const CUSTOMER_INSERT = insert('universal_customers', CUSTOMER_COLUMNS);
export const ACCOUNT_INSERT = insert('customer_division_accounts', ACCOUNT_COLUMNS);

const flag = (value: boolean) => (value ? 1 : 0);

// prettier-ignore
export const customerParams = (c: DemoCustomer) => [
  c.id, c.customerNumber, c.type, c.firstName, c.lastName, c.fullName, c.companyName,
  c.dateOfBirth, c.gender, c.primaryEmail, c.primaryPhone, c.alternatePhone, c.address,
  c.city, c.state, c.country, c.nationalId, c.taxNumber, c.source, JSON.stringify(c.tags),
  flag(c.isActive), flag(c.isBlacklisted), c.blacklistReason, c.createdAt, c.createdAt,
];

// prettier-ignore
export const accountParams = (a: DemoDivisionAccount) => [
  a.id, a.universalCustomerId, a.businessId, a.divisionCustomerNumber, a.status, a.accountType,
  a.segment, a.creditLimitCents, a.currentBalanceCents, a.availableCreditCents,
  a.totalSpentCents, a.currency, a.loyaltyPoints, a.loyaltyTier, a.paymentTermsDays,
  flag(a.allowLayby), flag(a.allowCredit), a.preferredPaymentMethod, a.preferredLanguage,
  flag(a.marketingConsent), flag(a.smsConsent), flag(a.emailConsent), a.firstPurchaseDate,
  a.lastPurchaseDate, flag(a.isActive), a.createdAt, a.createdAt,
];
