import { mix32 } from './random';

// Unique-but-random-looking numbers: a keyed bijection on [0, size). Phone numbers and
// national ids are derived from the customer's sequence through it, so a million customers
// get a million different numbers without a lookup table, and neighbours do not look alike.

export type Permutation = (value: number) => number;

/**
 * A permutation of [0, size) under `key`: a balanced four-round Feistel network on the next
 * even power of two, with cycle-walking to stay inside the range (each step is a bijection,
 * so the walk always ends and never maps two inputs to one output).
 */
export function createPermutation(size: number, key: number): Permutation {
  if (!Number.isInteger(size) || size < 2 || size > 2 ** 40)
    throw new RangeError(`bad permutation size ${size}`);
  let halfBits = 1;
  while (2 ** (2 * halfBits) < size) halfBits += 1;
  const half = 2 ** halfBits;
  const roundKeys = [0, 1, 2, 3].map((round) => mix32(key + round));
  const feistel = (value: number): number => {
    let left = Math.floor(value / half);
    let right = value % half;
    for (const roundKey of roundKeys) {
      const nextRight = (left + (mix32(right ^ roundKey) % half)) % half;
      left = right;
      right = nextRight;
    }
    return left * half + right;
  };
  return (value) => {
    if (!Number.isInteger(value) || value < 0 || value >= size) {
      throw new RangeError(`${value} is outside [0, ${size})`);
    }
    let x = value;
    do x = feistel(x);
    while (x >= size);
    return x;
  };
}
