import type { CustomerDivisionAccountRow, UniversalCustomerRow } from '../../db/central/schema';
import type {
  Customer,
  CustomerSummary,
  DivisionAccount,
} from '../../shared/contract/head-office/customers';
import type { CustomerFields } from '../../shared/domain/customers/validate';
import type { Divisions } from './divisions';

// Rows as the API shows them: the plan's field names, instants as ISO-8601 UTC (PostgreSQL
// hands timestamptz back as text in its own format), no sync bookkeeping.

export const iso = (value: string) => new Date(value).toISOString();
export const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

export function toCustomer(row: UniversalCustomerRow): Customer {
  return {
    ...toCustomerFields(row),
    id: row.id,
    customerNumber: row.customerNumber,
    isActive: row.isActive,
    isBlacklisted: row.isBlacklisted,
    blacklistReason: row.blacklistReason,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    createdBy: row.createdBy,
    mergedIntoId: row.mergedIntoId,
  };
}

export type SummaryRow = Pick<
  UniversalCustomerRow,
  | 'id'
  | 'customerNumber'
  | 'type'
  | 'fullName'
  | 'primaryPhone'
  | 'primaryEmail'
  | 'nationalId'
  | 'city'
  | 'isActive'
  | 'isBlacklisted'
  | 'createdAt'
>;

export const toSummary = (row: SummaryRow): CustomerSummary => ({
  ...row,
  createdAt: iso(row.createdAt),
});

/** The identity fields the shared rules work on. */
export function toCustomerFields(row: UniversalCustomerRow): CustomerFields {
  return {
    type: row.type,
    firstName: row.firstName,
    lastName: row.lastName,
    fullName: row.fullName,
    companyName: row.companyName,
    dateOfBirth: row.dateOfBirth,
    gender: row.gender,
    primaryEmail: row.primaryEmail,
    primaryPhone: row.primaryPhone,
    alternatePhone: row.alternatePhone,
    address: row.address,
    city: row.city,
    state: row.state,
    country: row.country,
    postalCode: row.postalCode,
    nationalId: row.nationalId,
    passportNumber: row.passportNumber,
    taxNumber: row.taxNumber,
    linkedUserId: row.linkedUserId,
    linkedEmployeeId: row.linkedEmployeeId,
    source: row.source,
    referredBy: row.referredBy,
    tags: row.tags,
  };
}

export function toAccount(row: CustomerDivisionAccountRow, divisions: Divisions): DivisionAccount {
  return {
    id: row.id,
    universalCustomerId: row.universalCustomerId,
    businessId: row.businessId,
    divisionCode: divisions.byId.get(row.businessId)?.code ?? '?',
    divisionCustomerNumber: row.divisionCustomerNumber,
    status: row.status,
    accountType: row.accountType,
    segment: row.segment,
    creditLimitCents: row.creditLimitCents,
    currentBalanceCents: row.currentBalanceCents,
    availableCreditCents: row.availableCreditCents,
    totalSpentCents: row.totalSpentCents,
    currency: row.currency,
    loyaltyPoints: row.loyaltyPoints,
    loyaltyTier: row.loyaltyTier,
    paymentTermsDays: row.paymentTermsDays,
    allowLayby: row.allowLayby,
    allowCredit: row.allowCredit,
    preferredPaymentMethod: row.preferredPaymentMethod,
    preferredLanguage: row.preferredLanguage,
    marketingConsent: row.marketingConsent,
    smsConsent: row.smsConsent,
    emailConsent: row.emailConsent,
    firstPurchaseDate: isoOrNull(row.firstPurchaseDate),
    lastPurchaseDate: isoOrNull(row.lastPurchaseDate),
    lastContactDate: isoOrNull(row.lastContactDate),
    isActive: row.isActive,
    inactivatedAt: isoOrNull(row.inactivatedAt),
    inactivationReason: row.inactivationReason,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
