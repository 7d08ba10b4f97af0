import { describe, expect, it } from 'vitest';
import { createPermutation } from './permute';

describe('createPermutation', () => {
  it.each([2, 10, 97, 1_000, 4_099])('maps [0, %i) onto itself one-to-one', (size) => {
    const permute = createPermutation(size, 42);
    const images = Array.from({ length: size }, (_, i) => permute(i));
    expect(new Set(images).size).toBe(size);
    expect(Math.min(...images)).toBe(0);
    expect(Math.max(...images)).toBe(size - 1);
  });

  it('scatters neighbours and depends on the key', () => {
    const a = createPermutation(10_000_000, 1);
    const b = createPermutation(10_000_000, 2);
    expect(Math.abs(a(1) - a(2))).toBeGreaterThan(1_000);
    expect(a(1)).not.toBe(b(1));
  });

  it('rejects values outside the range', () => {
    expect(() => createPermutation(10, 1)(10)).toThrow(RangeError);
    expect(() => createPermutation(10, 1)(-1)).toThrow(RangeError);
  });
});
