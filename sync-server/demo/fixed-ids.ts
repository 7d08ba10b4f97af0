// Stable ids for the demo's organisation records (businesses, staff, products), so a till
// enrolled against one demo database still recognises them after the database is re-seeded.
// They are valid UUIDv7s (version 7, RFC variant) with a fixed 2024 timestamp; the third group
// names the kind of record and the last group numbers it.

export const FIXED_ID_KINDS = {
  business: 0x001,
  user: 0x002,
  employee: 0x003,
  product: 0x004,
} as const;
export type FixedIdKind = keyof typeof FIXED_ID_KINDS;

export function fixedId(kind: FixedIdKind, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 2 ** 48)
    throw new RangeError(`fixed id number out of range: ${n}`);
  const kindHex = FIXED_ID_KINDS[kind].toString(16).padStart(3, '0');
  return `018f4d2a-6c00-7${kindHex}-8000-${n.toString(16).padStart(12, '0')}`;
}
