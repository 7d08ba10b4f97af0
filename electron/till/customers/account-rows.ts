import type { CustomerDivisionAccountRow } from '../../../db/till/schema';
import type { AccountTotals, AccountView } from '../../../shared/contract/till/customer-views';
import type { AccountRecord } from '../../../shared/domain/customers/accounts';
import type { DivisionCode } from '../../../shared/domain/enums';

export type DivisionRef = { code: DivisionCode | null; name: string };

/** An account row as the account.open mutation carries it. */
export function toAccountRecord(row: CustomerDivisionAccountRow): AccountRecord {
  const { serverSeq: _seq, originTillId: _origin, deletedAt: _deleted, ...record } = row;
  return record;
}

export function toAccountTotals(
  row: CustomerDivisionAccountRow,
  division: DivisionRef,
): AccountTotals {
  return {
    id: row.id,
    detail: 'totals',
    division,
    divisionCustomerNumber: row.divisionCustomerNumber,
    status: row.status,
    currentBalanceCents: row.currentBalanceCents,
    totalSpentCents: row.totalSpentCents,
    loyaltyPoints: row.loyaltyPoints,
    currency: row.currency,
  };
}

export function toAccountView(row: CustomerDivisionAccountRow, division: DivisionRef): AccountView {
  return {
    ...toAccountTotals(row, division),
    detail: 'full',
    businessId: row.businessId,
    accountType: row.accountType,
    segment: row.segment,
    creditLimitCents: row.creditLimitCents,
    availableCreditCents: row.availableCreditCents,
    loyaltyTier: row.loyaltyTier,
    paymentTermsDays: row.paymentTermsDays,
    allowLayby: row.allowLayby,
    allowCredit: row.allowCredit,
    preferredPaymentMethod: row.preferredPaymentMethod,
    preferredLanguage: row.preferredLanguage,
    marketingConsent: row.marketingConsent,
    smsConsent: row.smsConsent,
    emailConsent: row.emailConsent,
    firstPurchaseDate: row.firstPurchaseDate,
    lastPurchaseDate: row.lastPurchaseDate,
    isActive: row.isActive,
    inactivationReason: row.inactivationReason,
    createdAt: row.createdAt,
  };
}
