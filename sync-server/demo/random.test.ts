import { describe, expect, it } from 'vitest';
import { createRng, rngFor } from './random';

const draw = (seed: number) => {
  const rng = createRng(seed);
  return Array.from({ length: 20 }, () => rng.next());
};

describe('Rng', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('gives each (seed, sequence) its own reproducible stream', () => {
    expect(rngFor(1, 5).next()).toBe(rngFor(1, 5).next());
    expect(rngFor(1, 5).next()).not.toBe(rngFor(1, 6).next());
    expect(rngFor(1, 5).next()).not.toBe(rngFor(2, 5).next());
  });

  it('keeps int() inside both bounds and reaches each of them', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i += 1) seen.add(rng.int(-2, 2));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
  });

  it('never picks a zero-weight entry and follows the weights roughly', () => {
    const rng = createRng(11);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i += 1) {
      counts[
        rng.weighted([
          ['a', 3],
          ['never', 0],
          ['b', 1],
        ] as const)
      ] += 1;
    }
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });

  it('refuses an empty pick', () => {
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });
});
