// A small seedable PRNG, so `npm run gen -- --seed 7` and the demo seed give the same people
// every time. mulberry32: 32 bits of state, fast, good enough for test data (not for secrets).
// A class rather than a closure bag: the generator makes one per customer, a million times.

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min <= max`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weights: [['INDIVIDUAL', 86], ['BUSINESS', 7], …]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    if (entries.length === 0 || total <= 0)
      throw new RangeError('weighted needs a positive total weight');
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }
}

export function createRng(seed: number): Rng {
  return new Rng(seed);
}

/** A 32-bit integer hash (the murmur3 finaliser): a bijection that spreads nearby inputs apart. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The generator for one record: the same (seed, sequence) always gives the same record, so a
 * run that continues after existing customers, or is split into batches, stays reproducible.
 * Distinct sequences get distinct states (every step is a bijection on 32 bits).
 */
export function rngFor(seed: number, sequence: number): Rng {
  return new Rng(mix32(mix32(seed) ^ Math.imul(sequence, 0x9e3779b1)));
}
