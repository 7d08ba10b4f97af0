import { z } from 'zod';
import { Id } from '../common';
import { CURRENCIES } from '../../money/money';
import {
  CUSTOMER_ACCOUNT_STATUSES,
  DIVISION_CODES,
  PAYMENT_METHODS,
  UNIVERSAL_CUSTOMER_TYPES,
} from '../../domain/enums';
import { AccountOpenFields } from '../../domain/customers/accounts';
import { Reason } from '../../domain/customers/fields';
import { CustomerChanges } from '../../domain/customers/validate';
import { checkRange, DateOrInstant, pageOf, PageQuery } from './paging';

// The head-office REST API for customers (the plan's appendix, "Customer Management"). Bodies
// reuse the shared field rules in shared/domain/customers, so a field is valid here exactly
// when it is valid at a till. Field names are the plan's; money is *Cents with a currency.

const text = z.string().nullable();

export const Customer = z.object({
  id: Id,
  customerNumber: z.string(),
  type: z.enum(UNIVERSAL_CUSTOMER_TYPES),
  firstName: text,
  lastName: text,
  fullName: z.string(),
  companyName: text,
  dateOfBirth: text.describe('calendar date, YYYY-MM-DD'),
  gender: text,
  primaryEmail: text,
  primaryPhone: z.string().describe('E.164, e.g. +263772123456'),
  alternatePhone: text,
  address: text,
  city: text,
  state: text,
  country: z.string(),
  postalCode: text,
  nationalId: text.describe('canonical form, e.g. 63-123456A78'),
  passportNumber: text,
  taxNumber: text,
  linkedUserId: Id.nullable(),
  linkedEmployeeId: Id.nullable(),
  source: text,
  referredBy: text,
  tags: z.array(z.string()),
  isActive: z.boolean(),
  isBlacklisted: z.boolean(),
  blacklistReason: text,
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: Id.nullable(),
  mergedIntoId: Id.nullable().describe('set when this record was merged into a survivor'),
});
export type Customer = z.infer<typeof Customer>;

export const DivisionAccount = z.object({
  id: Id,
  universalCustomerId: Id,
  businessId: Id,
  divisionCode: z.string(),
  divisionCustomerNumber: z.string(),
  status: z.enum(CUSTOMER_ACCOUNT_STATUSES),
  accountType: text,
  segment: text,
  creditLimitCents: z.number().int(),
  currentBalanceCents: z.number().int(),
  availableCreditCents: z.number().int(),
  totalSpentCents: z.number().int(),
  currency: z.enum(CURRENCIES),
  loyaltyPoints: z.number().int(),
  loyaltyTier: text,
  paymentTermsDays: z.number().int(),
  allowLayby: z.boolean(),
  allowCredit: z.boolean(),
  preferredPaymentMethod: z.enum(PAYMENT_METHODS).nullable(),
  preferredLanguage: z.string(),
  marketingConsent: z.boolean(),
  smsConsent: z.boolean(),
  emailConsent: z.boolean(),
  firstPurchaseDate: text,
  lastPurchaseDate: text,
  lastContactDate: text,
  isActive: z.boolean(),
  inactivatedAt: text,
  inactivationReason: text,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DivisionAccount = z.infer<typeof DivisionAccount>;

export const CustomerDetail = Customer.extend({ divisionAccounts: z.array(DivisionAccount) });
export type CustomerDetail = z.infer<typeof CustomerDetail>;

/** What lists and search answer per customer: enough to pick the right person. */
export const CustomerSummary = Customer.pick({
  id: true,
  customerNumber: true,
  type: true,
  fullName: true,
  primaryPhone: true,
  primaryEmail: true,
  nationalId: true,
  city: true,
  isActive: true,
  isBlacklisted: true,
  createdAt: true,
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const CUSTOMER_STATES = ['ACTIVE', 'INACTIVE', 'BLACKLISTED'] as const;

export const CustomerListQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100, { message: 'must be at most 100 characters' })
    .optional()
    .describe('anything GET /api/customers/search takes (its first 200 matches), with the filters'),
  division: z.enum(DIVISION_CODES).optional().describe('customers with an account there'),
  type: z.enum(UNIVERSAL_CUSTOMER_TYPES).optional(),
  status: z.enum(CUSTOMER_STATES).optional(),
  accountStatus: z.enum(CUSTOMER_ACCOUNT_STATUSES).optional(),
  tag: z.string().trim().toLowerCase().min(1).max(30).optional(),
  tier: z.string().trim().toUpperCase().min(1).max(20).optional().describe('loyalty tier'),
  createdFrom: DateOrInstant.optional(),
  createdTo: DateOrInstant.optional().describe('a bare date includes that day'),
}).superRefine((q, ctx) => checkRange({ from: q.createdFrom, to: q.createdTo }, ctx, 'createdTo'));
export type CustomerListQuery = z.output<typeof CustomerListQuery>;

export const CustomerPage = pageOf(Customer);

/** PUT: only the fields sent change; links have their own endpoints. */
export const CustomerUpdateBody = CustomerChanges.strict().refine(
  (changes) => Object.keys(changes).length > 0,
  { message: 'must change at least one field' },
);

export const DeleteCustomerBody = z.object({ reason: Reason });
export const LinkUserBody = z.object({ userId: Id.nullable() });
export const LinkEmployeeBody = z.object({ employeeId: Id.nullable() });

export const OpenAccountBody = AccountOpenFields.extend({
  divisionId: Id,
  currency: z.enum(CURRENCIES).optional().describe("defaults to the division's currency"),
}).strict();

export const CustomerIdParams = z.object({ id: Id });
