import { z } from 'zod';
import { CURRENCIES } from '../../money/money';
import {
  CUSTOMER_ACCOUNT_STATUSES,
  CUSTOMER_NOTE_TYPES,
  DIVISION_CODES,
  NOTE_PRIORITIES,
  PAYMENT_METHODS,
  UNIVERSAL_CUSTOMER_TYPES,
} from '../../domain/enums';
import { DUPLICATE_REASONS } from '../../domain/customers/duplicates';
import { Division } from '../common';

// What the till answers about customers. Plain shapes, not the normalising input schemas: a
// row pulled from an old import must still display, even if today's rules would reject it.

const str = z.string().nullable();

export const CustomerView = z.object({
  id: z.string(),
  customerNumber: z.string(),
  type: z.enum(UNIVERSAL_CUSTOMER_TYPES),
  firstName: str,
  lastName: str,
  fullName: z.string(),
  companyName: str,
  dateOfBirth: str,
  gender: str,
  primaryEmail: str,
  primaryPhone: z.string(),
  alternatePhone: str,
  address: str,
  city: str,
  state: str,
  country: z.string(),
  postalCode: str,
  nationalId: str,
  passportNumber: str,
  taxNumber: str,
  linkedUserId: str,
  linkedEmployeeId: str,
  source: str,
  referredBy: str,
  tags: z.array(z.string()),
  isActive: z.boolean(),
  isBlacklisted: z.boolean(),
  blacklistReason: str,
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: str,
});
export type CustomerView = z.infer<typeof CustomerView>;

export const MATCH_KINDS = [
  'customerNumber',
  'divisionNumber',
  'phone',
  'nationalId',
  'email',
  'name',
] as const;

/** One line of the lookup list: enough to pick the right person at a glance. */
export const CustomerHit = CustomerView.pick({
  id: true,
  customerNumber: true,
  type: true,
  fullName: true,
  companyName: true,
  primaryPhone: true,
  primaryEmail: true,
  nationalId: true,
  dateOfBirth: true,
  city: true,
  isActive: true,
  isBlacklisted: true,
}).extend({
  /** This till's division account, if the customer has one. */
  divisionCustomerNumber: str,
  accountStatus: z.enum(CUSTOMER_ACCOUNT_STATUSES).nullable(),
  matchedBy: z.enum(MATCH_KINDS),
});
export type CustomerHit = z.infer<typeof CustomerHit>;

export const DuplicateMatchView = z.object({
  customer: CustomerHit,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateMatchView = z.infer<typeof DuplicateMatchView>;

const money = { currency: z.enum(CURRENCIES) };
const DivisionRef = z.object({ code: z.enum(DIVISION_CODES).nullable(), name: z.string() });

/** Every division sees another division's totals; only its own account (or head office) in full. */
export const AccountTotals = z.object({
  id: z.string(),
  detail: z.literal('totals'),
  division: DivisionRef,
  divisionCustomerNumber: z.string(),
  status: z.enum(CUSTOMER_ACCOUNT_STATUSES),
  currentBalanceCents: z.number().int(),
  totalSpentCents: z.number().int(),
  loyaltyPoints: z.number().int(),
  ...money,
});

export const AccountView = AccountTotals.extend({
  detail: z.literal('full'),
  businessId: z.string(),
  accountType: str,
  segment: str,
  creditLimitCents: z.number().int(),
  availableCreditCents: z.number().int(),
  loyaltyTier: str,
  paymentTermsDays: z.number().int(),
  allowLayby: z.boolean(),
  allowCredit: z.boolean(),
  preferredPaymentMethod: z.enum(PAYMENT_METHODS).nullable(),
  preferredLanguage: z.string(),
  marketingConsent: z.boolean(),
  smsConsent: z.boolean(),
  emailConsent: z.boolean(),
  firstPurchaseDate: str,
  lastPurchaseDate: str,
  isActive: z.boolean(),
  inactivationReason: str,
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof AccountView>;
export type AccountTotals = z.infer<typeof AccountTotals>;

export const NoteView = z.object({
  id: z.string(),
  noteType: z.enum(CUSTOMER_NOTE_TYPES),
  subject: str,
  content: z.string(),
  priority: z.enum(NOTE_PRIORITIES),
  isPrivate: z.boolean(),
  isAlert: z.boolean(),
  createdBy: z.string(),
  createdByName: str,
  createdAt: z.string(),
  division: DivisionRef.nullable(),
});
export type NoteView = z.infer<typeof NoteView>;

export { Division };
