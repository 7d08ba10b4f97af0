import { z } from 'zod';
import { Id } from '../../contract/common';
import { CURRENCIES } from '../../money/money';
import { CUSTOMER_ACCOUNT_STATUSES, PAYMENT_METHODS, type CustomerAccountStatus } from '../enums';
import { nullable, Reason, text } from './fields';

// A customer's account with one division (CLO-CUST-000001): opening it and moving its status.

export const AccountStatus = z.enum(CUSTOMER_ACCOUNT_STATUSES, {
  message: `must be one of ${CUSTOMER_ACCOUNT_STATUSES.join(', ')}`,
});

/** What the cashier chooses when opening an account; money terms start at the division's defaults. */
export const AccountOpenFields = z.object({
  accountType: nullable(text(30)).default(null),
  segment: nullable(text(60)).default(null),
  preferredPaymentMethod: nullable(z.enum(PAYMENT_METHODS)).default(null),
  preferredLanguage: text(10).default('en'),
  marketingConsent: z.boolean().default(false),
  smsConsent: z.boolean().default(false),
  emailConsent: z.boolean().default(false),
});
export type AccountOpenFields = z.output<typeof AccountOpenFields>;

export const DIVISION_CUSTOMER_NUMBER = /^(GRO|RST|CLO|HWR|CON)-CUST-\d{6,}$/;

const Cents = z.number().int({ message: 'must be a whole number of cents' });
const Instant = z.string().nullable();

/** A stored division account row, as the till writes it and the server receives it. */
export const AccountRecord = AccountOpenFields.extend({
  id: Id,
  universalCustomerId: Id,
  businessId: Id,
  divisionCustomerNumber: z
    .string()
    .regex(DIVISION_CUSTOMER_NUMBER, { message: 'must look like CLO-CUST-000001' }),
  status: AccountStatus,
  creditLimitCents: Cents,
  currentBalanceCents: Cents,
  availableCreditCents: Cents,
  totalSpentCents: Cents,
  currency: z.enum(CURRENCIES),
  loyaltyPoints: z.number().int(),
  loyaltyTier: z.string().nullable(),
  paymentTermsDays: z.number().int().min(0),
  allowLayby: z.boolean(),
  allowCredit: z.boolean(),
  preferences: z.unknown().nullable(),
  customFields: z.unknown().nullable(),
  firstPurchaseDate: Instant,
  lastPurchaseDate: Instant,
  lastContactDate: Instant,
  isActive: z.boolean(),
  inactivatedAt: Instant,
  inactivatedBy: Id.nullable(),
  inactivationReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: Id.nullable(),
});
export type AccountRecord = z.output<typeof AccountRecord>;

/** Statuses in which the account may not take new laybys or credit. */
export const BLOCKING_STATUSES: readonly CustomerAccountStatus[] = [
  'SUSPENDED',
  'CLOSED',
  'BLACKLISTED',
  'INACTIVE',
];

export type StatusChange = {
  status: CustomerAccountStatus;
  isActive: boolean;
  reason: string;
};

/** Checks a status change and gives the row's new isActive. A reason is always required. */
export function changeAccountStatus(
  current: CustomerAccountStatus,
  next: CustomerAccountStatus,
  reason: string,
): { ok: true; change: StatusChange } | { ok: false; field: string; message: string } {
  if (current === next) return { ok: false, field: 'status', message: `is already ${next}` };
  const parsed = Reason.safeParse(reason);
  if (!parsed.success) return { ok: false, field: 'reason', message: 'is required (say why)' };
  const isActive = next === 'ACTIVE' || next === 'PENDING_APPROVAL';
  return { ok: true, change: { status: next, isActive, reason: parsed.data } };
}
