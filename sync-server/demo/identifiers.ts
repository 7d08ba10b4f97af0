import { createPermutation } from './permute';

// Numbers that must be unique per customer (phone, national id, customer number) are derived
// from the customer's sequence, not drawn at random, so uniqueness holds by construction at any
// scale up to MAX_SEQUENCE and needs no "seen" set while generating a million rows.

/** The national-id serial has 10^7 values; every derived number is unique below this. */
export const MAX_SEQUENCE = 9_999_999;

// The one formatting of human numbers lives in shared/domain/numbering.
export { customerNumber, divisionCustomerNumber } from '../../shared/domain/numbering/numbers';

// Mobile number space after +2637: Econet 77 and 78, NetOne 71, and a fifth of Telecel's 73,
// so the operator mix comes out near the real one (Econet ~60 %, NetOne ~30 %, Telecel ~6 %).
const MOBILE_BLOCKS = ['77', '78', '71', '73'] as const;
const BLOCK_SIZE = 10_000_000;
const MOBILE_SPACE = 3 * BLOCK_SIZE + 2_000_000;
const permuteMobile = createPermutation(MOBILE_SPACE, 0x5eed_0263);
const permuteSerial = createPermutation(MAX_SEQUENCE + 1, 0x1d_2637);

function mobileNumber(index: number): string {
  const n = permuteMobile(index);
  const block = MOBILE_BLOCKS[Math.floor(n / BLOCK_SIZE)] ?? '73';
  return `+263${block}${String(n % BLOCK_SIZE).padStart(7, '0')}`;
}

/** The customer's own mobile number, in E.164. */
export function primaryPhone(sequence: number): string {
  assertSequence(sequence);
  return mobileNumber(sequence);
}

/**
 * A second number. Drawn from the top of the same permutation while primary numbers come from
 * the bottom, so no alternate number is ever another customer's primary one.
 */
export function alternatePhone(sequence: number): string {
  assertSequence(sequence);
  return mobileNumber(MOBILE_SPACE - 1 - sequence);
}

// Remainder → letter of the Zimbabwean id check letter (I, O and U are not used).
const CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRSTVWXY';

/** The mod-23 check letter over the registration code and serial written side by side. */
export function nationalIdCheckLetter(registrationCode: string, serial: string): string {
  return CHECK_LETTERS[Number(`${registrationCode}${serial}`) % 23] ?? 'Z';
}

/**
 * A national id like 63-123456A78: registration office, a 6- or 7-digit serial, the check
 * letter, and the district of origin. The serial is a permutation of the sequence, so ids are
 * unique whatever the two codes are.
 */
export function nationalId(
  sequence: number,
  registrationCode: string,
  districtCode: string,
): string {
  assertSequence(sequence);
  const n = permuteSerial(sequence);
  // Serials below a million are written with six digits, the rest with seven; the two sets of
  // strings cannot overlap, so the mapping stays one-to-one.
  const serial = n < 1_000_000 ? String(n).padStart(6, '0') : String(n);
  return `${registrationCode}-${serial}${nationalIdCheckLetter(registrationCode, serial)}${districtCode}`;
}

export const NATIONAL_ID_PATTERN = /^\d{2}-\d{6,7}[A-HJ-NP-TV-Z]\d{2}$/;
export const ZIMBABWE_MOBILE_PATTERN = /^\+2637[1378]\d{7}$/;

function assertSequence(sequence: number): void {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`customer sequence must be 1..${MAX_SEQUENCE}, got ${sequence}`);
  }
}
