import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineAccounts, separateAccounts, type AccountTotals } from './merge-accounts';

const account = (overrides: Partial<AccountTotals> = {}): AccountTotals => ({
  currency: 'USD',
  currentBalanceCents: 0,
  totalSpentCents: 0,
  creditLimitCents: 0,
  availableCreditCents: 0,
  loyaltyPoints: 0,
  loyaltyTier: null,
  allowCredit: false,
  paymentTermsDays: 0,
  firstPurchaseDate: null,
  lastPurchaseDate: null,
  lastContactDate: null,
  ...overrides,
});

describe('combineAccounts', () => {
  it('adds money and points, keeps the better terms and the wider purchase dates', () => {
    const result = combineAccounts(
      account({
        currentBalanceCents: 1_000,
        totalSpentCents: 50_000,
        loyaltyPoints: 10,
        loyaltyTier: 'SILVER',
        creditLimitCents: 20_000,
        firstPurchaseDate: '2024-05-01T00:00:00Z',
        lastPurchaseDate: '2025-01-01T00:00:00Z',
      }),
      account({
        currentBalanceCents: 250,
        totalSpentCents: 7_005,
        loyaltyPoints: 5,
        loyaltyTier: 'GOLD',
        allowCredit: true,
        paymentTermsDays: 30,
        firstPurchaseDate: '2023-02-01T00:00:00Z',
        lastPurchaseDate: '2024-01-01T00:00:00Z',
      }),
    );
    expect(result).toEqual({
      ok: true,
      totals: account({
        currentBalanceCents: 1_250,
        totalSpentCents: 57_005,
        loyaltyPoints: 15,
        loyaltyTier: 'GOLD',
        creditLimitCents: 20_000,
        availableCreditCents: 18_750,
        allowCredit: true,
        paymentTermsDays: 30,
        firstPurchaseDate: '2023-02-01T00:00:00Z',
        lastPurchaseDate: '2025-01-01T00:00:00Z',
      }),
    });
  });

  it('refuses accounts in different currencies', () => {
    expect(combineAccounts(account(), account({ currency: 'ZWG' }))).toMatchObject({
      ok: false,
      field: 'currency',
    });
  });

  it('gives back exactly what it added when a merge is undone with nothing since', () => {
    const money = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
    fc.assert(
      fc.property(
        money,
        money,
        money,
        money,
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        (b1, b2, s1, s2, p1, p2) => {
          const survivor = account({
            currentBalanceCents: b1,
            totalSpentCents: s1,
            loyaltyPoints: p1,
          });
          const merged = account({
            currentBalanceCents: b2,
            totalSpentCents: s2,
            loyaltyPoints: p2,
          });
          const combined = combineAccounts(survivor, merged);
          if (!combined.ok) return false;
          const split = separateAccounts(combined.totals, survivor, merged, combined.totals);
          return (
            split.ok &&
            split.totals.currentBalanceCents === b1 &&
            split.totals.totalSpentCents === s1 &&
            split.totals.loyaltyPoints === p1
          );
        },
      ),
    );
  });

  it('keeps activity since the merge on the survivor, and refuses an undo once merged points were spent', () => {
    const survivor = account({ currentBalanceCents: 100, loyaltyPoints: 10 });
    const merged = account({ currentBalanceCents: 50, loyaltyPoints: 20 });
    const combined = combineAccounts(survivor, merged);
    if (!combined.ok) throw new Error('combine failed');
    const later = { ...combined.totals, currentBalanceCents: 400, loyaltyPoints: 35 };
    expect(separateAccounts(later, survivor, merged, combined.totals)).toMatchObject({
      ok: true,
      totals: { currentBalanceCents: 350, loyaltyPoints: 15 },
    });
    const spent = { ...combined.totals, loyaltyPoints: 12 };
    expect(separateAccounts(spent, survivor, merged, combined.totals)).toMatchObject({
      ok: false,
      field: 'loyaltyPoints',
    });
  });
});
