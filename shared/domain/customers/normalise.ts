// Canonical forms of what cashiers type, so the same person typed three ways is one value to
// store, index and compare. Pure: the till, the server and the legacy import all call these.

export type Normalised<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Normalised<T> => ({ ok: true, value });
const fail = <T>(message: string): Normalised<T> => ({ ok: false, message });

export const ZIMBABWE_CALLING_CODE = '263';

// Zimbabwe's national significant numbers are 9 digits for mobiles (77 123 4567) and 8 or 9
// for fixed lines; anything else is a typo. Other countries: E.164 allows up to 15 digits.
const ZW_NATIONAL_LENGTHS = [8, 9];
const PHONE_SEPARATORS = /[\s\-().]/g;

/** A phone number in E.164 (+263772123456), Zimbabwe the default country. */
export function normalisePhone(input: string): Normalised<string> {
  const compact = input.trim().replace(PHONE_SEPARATORS, '');
  if (compact === '') return fail('is required');
  const international = compact.startsWith('+') || compact.startsWith('00');
  const digits = compact.replace(/^(\+|00)/, '');
  if (!/^\d+$/.test(digits)) return fail('may hold only digits, spaces, dashes and a leading +');
  if (international) {
    if (digits.startsWith(ZIMBABWE_CALLING_CODE)) return zimbabwe(digits.slice(3));
    if (digits.length < 8 || digits.length > 15 || digits.startsWith('0'))
      return fail('is not a valid international number');
    return ok(`+${digits}`);
  }
  if (digits.startsWith('0')) return zimbabwe(digits.slice(1));
  if (digits.startsWith(ZIMBABWE_CALLING_CODE) && digits.length >= 11)
    return zimbabwe(digits.slice(3));
  return zimbabwe(digits);
}

function zimbabwe(national: string): Normalised<string> {
  if (national.startsWith('0') || !ZW_NATIONAL_LENGTHS.includes(national.length))
    return fail('must be a Zimbabwe number such as 0772 123 456 or +263 772 123 456');
  return ok(`+${ZIMBABWE_CALLING_CODE}${national}`);
}

/** The digits of an E.164 number (263772123456): the indexed form for exact and prefix lookup. */
export const phoneDigits = (e164: string) => e164.replace(/\D/g, '');

const NATIONAL_ID = /^(\d{2})(\d{6,7})([A-Z])(\d{2})$/;

export type NationalId = { canonical: string; compact: string };

/** A Zimbabwe national id: canonical 63-123456A78, compact 63123456A78 for matching. */
export function normaliseNationalId(input: string): Normalised<NationalId> {
  const compact = input.toUpperCase().replace(/[\s\-/]/g, '');
  if (compact === '') return fail('is required');
  const match = NATIONAL_ID.exec(compact);
  if (!match)
    return fail('must look like 63-123456A78 (district, 6 or 7 digits, letter, 2 digits)');
  const [, district, serial, letter, origin] = match;
  return ok({ canonical: `${district}-${serial}${letter}${origin}`, compact });
}

/** The compact form of a stored or typed id, or null when it is not an id at all. */
export const compactNationalId = (input: string): string | null => {
  const result = normaliseNationalId(input);
  return result.ok ? result.value.compact : null;
};

// Deliberately loose: one @, no spaces, a dot in the domain. Real validation is a mail that
// arrives; rejecting unusual but valid addresses at the till costs a sale.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseEmail(input: string): Normalised<string> {
  const value = input.trim().toLowerCase();
  if (value === '') return fail('is required');
  if (value.length > 254 || !EMAIL.test(value))
    return fail('must be an email such as name@example.com');
  return ok(value);
}

/** Trims and collapses runs of spaces: "  Tendai   Moyo " → "Tendai Moyo". */
export const cleanName = (input: string) => input.trim().replace(/\s+/g, ' ');

/** "Tendai" + "Moyo" → "Tendai Moyo"; either part may be missing. */
export const fullNameOf = (firstName?: string | null, lastName?: string | null) =>
  cleanName([firstName ?? '', lastName ?? ''].join(' '));

/** Lower case with accents folded (Chipo == CHIPO, Zoë == zoe): how names are compared. */
export const foldText = (input: string) =>
  input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Search tokens of a name or query: folded, split on anything that is not a letter or digit. */
export const searchTokens = (input: string): string[] =>
  foldText(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
