import { add, money, subtract, type Currency } from '../../money/money';

// Two accounts of one division become one when their customers are merged: balances, spend
// and loyalty points add up (integer cents, same currency only); terms take the more
// generous of the two. Undo takes the merged account's share back out.

export type AccountTotals = {
  currency: Currency;
  currentBalanceCents: number;
  totalSpentCents: number;
  creditLimitCents: number;
  availableCreditCents: number;
  loyaltyPoints: number;
  loyaltyTier: string | null;
  allowCredit: boolean;
  paymentTermsDays: number;
  firstPurchaseDate: string | null;
  lastPurchaseDate: string | null;
  lastContactDate: string | null;
};

export const LOYALTY_TIERS = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'] as const;

export type AccountMergeResult =
  { ok: true; totals: AccountTotals } | { ok: false; field: keyof AccountTotals; message: string };

const rank = (tier: string | null) => LOYALTY_TIERS.findIndex((t) => t === tier);
const higherTier = (a: string | null, b: string | null) => (rank(b) > rank(a) ? b : a);

function edge(a: string | null, b: string | null, pick: 'first' | 'last'): string | null {
  if (a === null || b === null) return a ?? b;
  const later = Date.parse(b) > Date.parse(a);
  return (pick === 'last') === later ? b : a;
}

/** Credit left: never below zero, even when the balance is over the limit. */
export const availableCredit = (limitCents: number, balanceCents: number) =>
  Math.max(0, limitCents - balanceCents);

export function combineAccounts(
  survivor: AccountTotals,
  merged: AccountTotals,
): AccountMergeResult {
  if (survivor.currency !== merged.currency) {
    return {
      ok: false,
      field: 'currency',
      message: `the accounts are in ${survivor.currency} and ${merged.currency}; settle one first`,
    };
  }
  const sum = (key: 'currentBalanceCents' | 'totalSpentCents') =>
    add(money(survivor[key], survivor.currency), money(merged[key], merged.currency)).cents;
  const currentBalanceCents = sum('currentBalanceCents');
  const creditLimitCents = Math.max(survivor.creditLimitCents, merged.creditLimitCents);
  return {
    ok: true,
    totals: {
      currency: survivor.currency,
      currentBalanceCents,
      totalSpentCents: sum('totalSpentCents'),
      creditLimitCents,
      availableCreditCents: availableCredit(creditLimitCents, currentBalanceCents),
      loyaltyPoints: survivor.loyaltyPoints + merged.loyaltyPoints,
      loyaltyTier: higherTier(survivor.loyaltyTier, merged.loyaltyTier),
      allowCredit: survivor.allowCredit || merged.allowCredit,
      paymentTermsDays: Math.max(survivor.paymentTermsDays, merged.paymentTermsDays),
      firstPurchaseDate: edge(survivor.firstPurchaseDate, merged.firstPurchaseDate, 'first'),
      lastPurchaseDate: edge(survivor.lastPurchaseDate, merged.lastPurchaseDate, 'last'),
      lastContactDate: edge(survivor.lastContactDate, merged.lastContactDate, 'last'),
    },
  };
}

const TERMS = [
  'creditLimitCents',
  'loyaltyTier',
  'allowCredit',
  'paymentTermsDays',
  'firstPurchaseDate',
  'lastPurchaseDate',
  'lastContactDate',
] as const;

/**
 * The survivor's account after an undo: the merged account's money and points at the time of
 * the merge come back out (activity since stays with the survivor); a term nobody changed
 * since the merge goes back to what it was, one changed since is kept.
 */
export function separateAccounts(
  current: AccountTotals,
  survivorBefore: AccountTotals,
  mergedBefore: AccountTotals,
  combined: AccountTotals,
): AccountMergeResult {
  const loyaltyPoints = current.loyaltyPoints - mergedBefore.loyaltyPoints;
  if (loyaltyPoints < 0) {
    return {
      ok: false,
      field: 'loyaltyPoints',
      message: 'points from the merged account were spent since the merge',
    };
  }
  const back = (key: 'currentBalanceCents' | 'totalSpentCents') =>
    subtract(money(current[key], current.currency), money(mergedBefore[key], current.currency))
      .cents;
  const totals: AccountTotals = { ...current, loyaltyPoints };
  totals.currentBalanceCents = back('currentBalanceCents');
  totals.totalSpentCents = back('totalSpentCents');
  for (const key of TERMS) {
    if (current[key] === combined[key]) Object.assign(totals, { [key]: survivorBefore[key] });
  }
  totals.availableCreditCents = availableCredit(
    totals.creditLimitCents,
    totals.currentBalanceCents,
  );
  return { ok: true, totals };
}
