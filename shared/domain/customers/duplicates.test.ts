import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateReasons, findLikelyDuplicates, levenshtein, nameSimilarity } from './duplicates';

const tendai = {
  fullName: 'Tendai Moyo',
  primaryPhone: '+263772123456',
  primaryEmail: 'tendai@example.com',
  nationalId: '63-123456A78',
  dateOfBirth: '1990-07-14',
};

describe('duplicateReasons', () => {
  it.each([
    [{ fullName: 'X', primaryPhone: '0772 123 456' }, ['SAME_PHONE']],
    [{ fullName: 'X', alternatePhone: '772123456' }, ['SAME_PHONE']],
    [{ fullName: 'X', primaryEmail: ' TENDAI@example.com' }, ['SAME_EMAIL']],
    [{ fullName: 'X', nationalId: '63123456A78' }, ['SAME_NATIONAL_ID']],
    [{ fullName: 'Moyo  Tendai', dateOfBirth: '1990-07-14' }, ['SIMILAR_NAME_SAME_BIRTH_DATE']],
    [{ fullName: 'Tendai Moyoo', dateOfBirth: '1990-07-14' }, ['SIMILAR_NAME_SAME_BIRTH_DATE']],
    [{ fullName: 'Tendai Moyo', dateOfBirth: '1991-07-14' }, []],
    [{ fullName: 'Chipo Ncube', dateOfBirth: '1990-07-14' }, []],
    [{ fullName: 'Tendai Moyo' }, []],
    [{ fullName: 'X', primaryPhone: '0772 999 999' }, []],
    [
      { ...tendai },
      ['SAME_PHONE', 'SAME_EMAIL', 'SAME_NATIONAL_ID', 'SIMILAR_NAME_SAME_BIRTH_DATE'],
    ],
  ])('%j → %j', (probe, reasons) => {
    expect(duplicateReasons(probe, tendai)).toEqual(reasons);
  });

  it('ignores empty and malformed values rather than matching them', () => {
    const blank = { fullName: 'X', primaryEmail: '', nationalId: 'garbage', primaryPhone: 'abc' };
    expect(duplicateReasons(blank, { ...blank })).toEqual([]);
  });

  it('puts the strongest evidence first', () => {
    const matches = findLikelyDuplicates({ ...tendai, fullName: 'Someone' }, [
      { fullName: 'A', primaryPhone: '0772123456' },
      { fullName: 'B', primaryPhone: '0772123456', nationalId: '63 123456 A 78' },
      { fullName: 'C' },
    ]);
    expect(matches.map((m) => m.candidate.fullName)).toEqual(['B', 'A']);
  });
});

describe('nameSimilarity', () => {
  it.each([
    ['Tendai Moyo', 'tendai moyo', 1],
    ['Tendai Moyo', 'Moyo Tendai', 1],
    ['Zoë Banda', 'Zoe Banda', 1],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBe(expected);
  });

  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBe(nameSimilarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('levenshtein is a distance', () => {
    expect(levenshtein('moyo', 'moya')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(levenshtein(a, c)).toBeLessThanOrEqual(levenshtein(a, b) + levenshtein(b, c));
      }),
    );
  });
});
