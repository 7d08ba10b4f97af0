import { describe, expect, it } from 'vitest';
import { UNIVERSAL_CUSTOMER_TYPES } from '../../shared/domain/enums';
import { generateCustomer, sourceDivision, type DemoCustomer } from './customers';
import { DEMO_REFERENCE_TIME, YEAR_MS } from './dates';
import { NATIONAL_ID_PATTERN, ZIMBABWE_MOBILE_PATTERN, nationalIdCheckLetter } from './identifiers';
import { rngFor } from './random';

function counterIds(): () => string {
  let n = 0;
  return () => `id-${(n += 1)}`;
}

function generate(seed: number, from: number, count: number): DemoCustomer[] {
  const newId = counterIds();
  return Array.from({ length: count }, (_, i) =>
    generateCustomer(rngFor(seed, from + i), from + i, { newId }),
  );
}

describe('generateCustomer', () => {
  it('gives the same customers for the same seed, and other customers for another seed', () => {
    expect(generate(7, 1, 500)).toEqual(generate(7, 1, 500));
    const other = generate(8, 1, 500);
    expect(other.map((c) => c.fullName)).not.toEqual(generate(7, 1, 500).map((c) => c.fullName));
  });

  it('gives a customer the same data whether generated alone or in a long run', () => {
    expect(generate(3, 250, 1)[0]).toEqual({ ...generate(3, 1, 300)[249], id: 'id-1' });
  });

  it('uses a UUIDv7 id when no id generator is given', () => {
    const customer = generateCustomer(rngFor(1, 1), 1);
    expect(customer.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  // 200,000 customers: every number the plan marks unique must be unique at that scale.
  describe('over 200,000 customers', () => {
    const customers = generate(2026, 1, 200_000);

    it('never repeats a customer number, phone number, national id or email', () => {
      const unique = (values: (string | null)[]) => {
        const present = values.filter((v): v is string => v !== null);
        return new Set(present).size === present.length;
      };
      expect(unique(customers.map((c) => c.customerNumber))).toBe(true);
      expect(unique(customers.map((c) => c.nationalId))).toBe(true);
      expect(unique(customers.map((c) => c.primaryEmail))).toBe(true);
      // Alternates are drawn apart from primaries, so one set of all numbers must not repeat.
      expect(
        unique([
          ...customers.map((c) => c.primaryPhone),
          ...customers.map((c) => c.alternatePhone),
        ]),
      ).toBe(true);
    });

    it('writes phones in E.164 and national ids in the Zimbabwean format with a valid check letter', () => {
      // Filter first and compare once: 200,000 expect() calls would dominate the run time.
      const badPhones = customers.filter(
        (c) =>
          !ZIMBABWE_MOBILE_PATTERN.test(c.primaryPhone) ||
          (c.alternatePhone !== null && !ZIMBABWE_MOBILE_PATTERN.test(c.alternatePhone)),
      );
      const badIds = customers.filter((c) => {
        if (c.nationalId === null) return false;
        const letter = nationalIdCheckLetter(c.nationalId.slice(0, 2), c.nationalId.slice(3, -3));
        return (
          !NATIONAL_ID_PATTERN.test(c.nationalId) ||
          c.nationalId[c.nationalId.length - 3] !== letter
        );
      });
      expect(badPhones).toEqual([]);
      expect(badIds).toEqual([]);
    });

    it('has mostly individuals, some of every other type, and about 40 % with an email', () => {
      const share = (predicate: (c: DemoCustomer) => boolean) =>
        customers.filter(predicate).length / customers.length;
      expect(share((c) => c.type === 'INDIVIDUAL')).toBeGreaterThan(0.8);
      for (const type of UNIVERSAL_CUSTOMER_TYPES.filter((t) => t !== 'USER')) {
        expect(share((c) => c.type === type)).toBeGreaterThan(0.01);
      }
      expect(share((c) => c.primaryEmail !== null)).toBeGreaterThan(0.35);
      expect(share((c) => c.primaryEmail !== null)).toBeLessThan(0.45);
    });
  });

  it('makes people adults with names and organisations companies without a birthday', () => {
    for (const c of generate(5, 1, 3_000)) {
      expect(c.country).toBe('Zimbabwe');
      if (c.type === 'INDIVIDUAL' || c.type === 'EMPLOYEE') {
        expect(c.fullName).toBe(`${c.firstName} ${c.lastName}`);
        expect(c.companyName).toBeNull();
        const age = (DEMO_REFERENCE_TIME - Date.parse(c.dateOfBirth ?? '')) / YEAR_MS;
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThan(82);
      } else {
        expect(c.companyName).toBe(c.fullName);
        expect(c.dateOfBirth).toBeNull();
        expect(c.nationalId).toBeNull();
      }
      if (c.primaryEmail !== null)
        expect(c.primaryEmail).toMatch(/^[a-z0-9.]+@[a-z0-9.]+\.[a-z]{2,}$/);
      expect(Date.parse(c.createdAt)).toBeLessThanOrEqual(DEMO_REFERENCE_TIME);
    }
  });

  it('reads the registering division out of the source', () => {
    expect(sourceDivision({ source: 'till:CLO' })).toBe('CLO');
    expect(sourceDivision({ source: 'head-office' })).toBeNull();
  });
});
