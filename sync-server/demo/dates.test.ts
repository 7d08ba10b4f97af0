import { describe, expect, it } from 'vitest';
import { isoDate, isoTimestamp } from './dates';

describe('isoTimestamp and isoDate', () => {
  it('write exactly what Date#toISOString writes, before and after 1970', () => {
    const samples = [0, 1, 999, 86_399_999, -1, -86_400_001, Date.UTC(1946, 1, 3, 4, 5, 6, 7)];
    for (let i = 0; i < 2_000; i += 1) samples.push(Math.floor((i * 7_919_311_373) % 4e12) - 2e12);
    for (const ms of samples) {
      expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
      expect(isoDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
    }
  });
});
