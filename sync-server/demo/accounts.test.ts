import { describe, expect, it } from 'vitest';
import { DIVISION_CODES } from '../../shared/domain/enums';
import {
  chooseDivisions,
  generateDivisionAccount,
  loyaltyTier,
  type DemoDivisionAccount,
} from './accounts';
import { generateCustomer, type DemoCustomer } from './customers';
import { demoDivision } from './divisions';
import { rngFor } from './random';

type Pair = { customer: DemoCustomer; account: DemoDivisionAccount };

function pairsFor(seed: number, count: number): Pair[] {
  const pairs: Pair[] = [];
  let n = 0;
  const newId = () => `id-${(n += 1)}`;
  for (let s = 1; s <= count; s += 1) {
    const rng = rngFor(seed, s);
    const customer = generateCustomer(rng, s, { newId });
    for (const code of chooseDivisions(rng, customer)) {
      pairs.push({
        customer,
        account: generateDivisionAccount(rng, customer, demoDivision(code), s, { newId }),
      });
    }
  }
  return pairs;
}

describe('generateDivisionAccount', () => {
  const pairs = pairsFor(9, 5_000);
  const accounts = pairs.map((p) => p.account);

  it('is reproducible for the same seed', () => {
    expect(pairsFor(9, 200)).toEqual(pairsFor(9, 200));
  });

  it('belongs to its customer and opens no earlier than the customer was registered', () => {
    for (const { customer, account } of pairs.slice(0, 500)) {
      expect(account.universalCustomerId).toBe(customer.id);
      expect(Date.parse(account.createdAt)).toBeGreaterThanOrEqual(Date.parse(customer.createdAt));
      if (customer.isBlacklisted) expect(account.status).toBe('BLACKLISTED');
    }
  });

  it('numbers accounts per division and keeps money in integer cents of USD', () => {
    for (const a of accounts) {
      expect(a.divisionCustomerNumber).toMatch(/^(GRO|RST|CLO|HWR|CON)-CUST-\d{6}$/);
      expect(a.currency).toBe('USD');
      for (const cents of [
        a.totalSpentCents,
        a.creditLimitCents,
        a.currentBalanceCents,
        a.availableCreditCents,
      ]) {
        expect(Number.isSafeInteger(cents)).toBe(true);
        expect(cents).toBeGreaterThanOrEqual(0);
      }
      expect(a.availableCreditCents).toBe(a.creditLimitCents - a.currentBalanceCents);
      expect(Number.isInteger(a.loyaltyPoints)).toBe(true);
    }
  });

  it('follows the feature matrix: no loyalty in construction, laybys only where offered', () => {
    const byCode = (code: string) =>
      accounts.filter((a) => a.divisionCustomerNumber.startsWith(code));
    expect(byCode('CON').every((a) => a.loyaltyPoints === 0 && a.loyaltyTier === null)).toBe(true);
    expect(byCode('GRO').some((a) => a.allowLayby)).toBe(false);
    expect(byCode('CLO').filter((a) => a.allowLayby).length).toBeGreaterThan(
      byCode('CLO').length * 0.9,
    );
    expect(byCode('RST').some((a) => a.allowCredit)).toBe(true);
  });

  it('records email consent only for customers with an email, and marketing only with a channel', () => {
    expect(pairs.filter((p) => p.account.emailConsent).length).toBeGreaterThan(0);
    expect(pairs.filter((p) => p.account.emailConsent && p.customer.primaryEmail === null)).toEqual(
      [],
    );
    expect(accounts.filter((a) => a.marketingConsent && !a.smsConsent && !a.emailConsent)).toEqual(
      [],
    );
  });

  it('grades tiers by lifetime spend', () => {
    expect(loyaltyTier(0)).toBe('BRONZE');
    expect(loyaltyTier(25_000)).toBe('SILVER');
    expect(loyaltyTier(100_000)).toBe('GOLD');
    expect(loyaltyTier(500_000)).toBe('PLATINUM');
  });
});

describe('chooseDivisions', () => {
  it('opens one to three distinct divisions, starting where the customer registered', () => {
    for (let s = 1; s <= 2_000; s += 1) {
      const rng = rngFor(4, s);
      const customer = generateCustomer(rng, s);
      const codes = chooseDivisions(rng, customer);
      expect(codes.length).toBeGreaterThanOrEqual(1);
      expect(codes.length).toBeLessThanOrEqual(3);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.every((c) => (DIVISION_CODES as readonly string[]).includes(c))).toBe(true);
      if (customer.source.startsWith('till:')) expect(`till:${codes[0]}`).toBe(customer.source);
    }
  });
});
