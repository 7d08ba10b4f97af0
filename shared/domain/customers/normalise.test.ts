import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanName,
  compactNationalId,
  foldText,
  fullNameOf,
  normaliseEmail,
  normaliseNationalId,
  normalisePhone,
  phoneDigits,
  searchTokens,
} from './normalise';

describe('normalisePhone', () => {
  it.each([
    ['0772 123 456', '+263772123456'],
    ['0772123456', '+263772123456'],
    ['+263772123456', '+263772123456'],
    ['+263 77 212 3456', '+263772123456'],
    ['772123456', '+263772123456'],
    ['263772123456', '+263772123456'],
    ['00263 772-123-456', '+263772123456'],
    ['(0772) 123-456', '+263772123456'],
    ['0242 123456', '+263242123456'],
    ['+27 82 123 4567', '+27821234567'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'is required'],
    ['07721234', 'must be a Zimbabwe number'],
    ['077212345678', 'must be a Zimbabwe number'],
    ['0772 12a 456', 'may hold only digits'],
    ['+0 123', 'is not a valid international number'],
    ['+263 0772 123 456', 'must be a Zimbabwe number'],
  ])('rejects %j with a clear message', (input, message) => {
    const result = normalisePhone(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  const mobile = fc
    .tuple(fc.constantFrom('71', '73', '77', '78'), fc.integer({ min: 0, max: 9_999_999 }))
    .map(([block, n]) => `${block}${String(n).padStart(7, '0')}`);
  const separator = fc.constantFrom('', ' ', '-', '  ');

  it('every written form of a mobile number gives the same E.164', () => {
    fc.assert(
      fc.property(
        mobile,
        fc.constantFrom('0', '+263', '263', '', '00263'),
        separator,
        (national, prefix, sep) => {
          const written = `${prefix}${sep}${national.slice(0, 3)}${sep}${national.slice(3, 6)}${sep}${national.slice(6)}`;
          expect(normalisePhone(written)).toEqual({ ok: true, value: `+263${national}` });
        },
      ),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(mobile, (national) => {
        const once = normalisePhone(`0${national}`);
        expect(once.ok && normalisePhone(once.value)).toEqual(once);
      }),
    );
  });

  it('phoneDigits keeps only the digits', () => {
    expect(phoneDigits('+263772123456')).toBe('263772123456');
  });
});

describe('normaliseNationalId', () => {
  it.each([
    ['63-123456A78', '63-123456A78', '63123456A78'],
    ['63123456A78', '63-123456A78', '63123456A78'],
    ['63 123456 a 78', '63-123456A78', '63123456A78'],
    ['08-1234567-Z-42', '08-1234567Z42', '081234567Z42'],
  ])('%s → %s', (input, canonical, compact) => {
    expect(normaliseNationalId(input)).toEqual({ ok: true, value: { canonical, compact } });
  });

  it.each(['63-12345A78', '63-123456-78', 'AB-123456A78', '63-12345678A7', ''])(
    'rejects %j naming the expected shape',
    (input) => {
      const result = normaliseNationalId(input);
      expect(result.ok).toBe(false);
      if (!result.ok && input !== '') expect(result.message).toContain('63-123456A78');
    },
  );

  it('any spacing of an id gives the same compact form', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{2}$/),
        fc.stringMatching(/^\d{6,7}$/),
        fc.constantFrom(...'ABCDEFGHJKLMNPQRSTVWXYZ'),
        fc.stringMatching(/^\d{2}$/),
        fc.constantFrom('', '-', ' ', ' - '),
        (district, serial, letter, origin, sep) => {
          const written = `${district}${sep}${serial}${sep}${letter.toLowerCase()}${sep}${origin}`;
          expect(compactNationalId(written)).toBe(`${district}${serial}${letter}${origin}`);
        },
      ),
    );
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Tendai.Moyo@Example.CO.ZW ')).toEqual({
      ok: true,
      value: 'tendai.moyo@example.co.zw',
    });
  });
  it.each(['tendai', 'tendai@', 'tendai@example', 'ten dai@example.com', '@example.com'])(
    'rejects %j',
    (input) => {
      expect(normaliseEmail(input)).toEqual({
        ok: false,
        message: 'must be an email such as name@example.com',
      });
    },
  );
});

describe('names', () => {
  it('cleans spacing and builds the full name', () => {
    expect(cleanName('  Tendai   Moyo ')).toBe('Tendai Moyo');
    expect(fullNameOf(' Tendai ', 'Moyo')).toBe('Tendai Moyo');
    expect(fullNameOf(null, 'Moyo')).toBe('Moyo');
  });
  it('folds case and accents for search', () => {
    expect(foldText('ZOË Ñandú')).toBe('zoe nandu');
    expect(searchTokens("  Chipo  O'Brien-Moyo ")).toEqual(['chipo', 'o', 'brien', 'moyo']);
    expect(searchTokens('  ')).toEqual([]);
  });
});
