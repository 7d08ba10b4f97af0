import { describe, expect, it } from 'vitest';
import {
  MAX_SEQUENCE,
  NATIONAL_ID_PATTERN,
  ZIMBABWE_MOBILE_PATTERN,
  alternatePhone,
  customerNumber,
  divisionCustomerNumber,
  nationalId,
  nationalIdCheckLetter,
  primaryPhone,
} from './identifiers';

describe('human numbers', () => {
  it('zero-pads customer numbers to six digits and grows past a million', () => {
    expect(customerNumber(1)).toBe('UCST-000001');
    expect(customerNumber(1_234_567)).toBe('UCST-1234567');
    expect(divisionCustomerNumber('CLO', 1)).toBe('CLO-CUST-000001');
  });
});

describe('phone numbers', () => {
  it('are Zimbabwean mobiles in E.164 on Econet, NetOne and Telecel prefixes', () => {
    const prefixes = new Set<string>();
    for (let s = 1; s <= 5_000; s += 1) {
      const phone = primaryPhone(s);
      expect(phone).toMatch(ZIMBABWE_MOBILE_PATTERN);
      prefixes.add(phone.slice(4, 6));
    }
    expect([...prefixes].sort()).toEqual(['71', '73', '77', '78']);
  });

  it('keep alternates apart from every primary number, even at the last sequence', () => {
    expect(alternatePhone(1)).not.toBe(primaryPhone(1));
    expect(alternatePhone(MAX_SEQUENCE)).toMatch(ZIMBABWE_MOBILE_PATTERN);
    expect(() => primaryPhone(MAX_SEQUENCE + 1)).toThrow(RangeError);
    expect(() => primaryPhone(0)).toThrow(RangeError);
  });
});

describe('national ids', () => {
  it('computes the mod-23 check letter over code and serial', () => {
    // Published examples of valid ids: 50-2001148W50 and 08-2047823Q29.
    expect(nationalIdCheckLetter('50', '2001148')).toBe('W');
    expect(nationalIdCheckLetter('08', '2047823')).toBe('Q');
    // 63000000 = 23 × 2739130 + 10 → K (I is skipped).
    expect(nationalIdCheckLetter('63', '000000')).toBe('K');
  });

  it('formats NN-NNNNNN(N)LNN with a valid check letter', () => {
    for (let s = 1; s <= 2_000; s += 1) {
      const id = nationalId(s, '63', '42');
      expect(id).toMatch(NATIONAL_ID_PATTERN);
      const [, code = '', serial = '', letter = ''] =
        /^(\d{2})-(\d{6,7})([A-Z])\d{2}$/.exec(id) ?? [];
      expect(nationalIdCheckLetter(code, serial)).toBe(letter);
    }
  });

  it('writes both six- and seven-digit serials', () => {
    const lengths = new Set(
      Array.from({ length: 2_000 }, (_, i) => nationalId(i + 1, '08', '21').length),
    );
    expect([...lengths].sort()).toEqual([12, 13]);
  });
});
