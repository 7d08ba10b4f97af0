import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  cents,
  convert,
  divideRounded,
  formatMoney,
  money,
  MoneyError,
  parseMoney,
  percentOf,
} from './money';

describe('money', () => {
  it.each([
    ['12.34', 1234],
    ['0.5', 50],
    ['1,234.5', 123450],
    ['-0.07', -7],
    ['100', 10000],
  ])('parses %s as %i cents without floats', (text, expected) => {
    expect(parseMoney(text, 'USD').cents).toBe(expected);
  });

  it.each(['1.234', 'abc', '', '1e3', '0.1.2'])('refuses %j', (text) => {
    expect(() => parseMoney(text, 'USD')).toThrow(MoneyError);
  });

  it('refuses non-integer cents', () => {
    expect(() => cents(0.1 + 0.2)).toThrow(MoneyError);
  });

  it('rounds half away from zero in one place', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(4, 3)).toBe(1);
    expect(percentOf(money(1999, 'USD'), 2000).cents).toBe(400); // 20 % of 19.99 = 3.998
  });

  it('converts with a micro-unit rate', () => {
    // 10.00 USD at 26.7512 ZWG per USD
    expect(convert(money(1000, 'USD'), 'ZWG', 26_751_200)).toEqual(money(26751, 'ZWG'));
  });

  it('formats for slips and screens', () => {
    expect(formatMoney(money(123450, 'USD'))).toBe('US$1,234.50');
    expect(formatMoney(money(-5, 'ZWG'))).toBe('-ZiG 0.05');
  });

  it('allocate: parts always add back to the total exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 24 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(money(total, 'USD'), weights);
          expect(parts.reduce((a, p) => a + p.cents, 0)).toBe(total);
          weights.forEach((w, i) => {
            if (w === 0) expect(parts[i]?.cents).toBe(0);
          });
        },
      ),
    );
  });

  it('parse and format round-trip for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (value) => {
        const text = formatMoney(money(value, 'USD')).replace('US$', '');
        expect(parseMoney(text, 'USD').cents).toBe(value);
      }),
    );
  });
});
