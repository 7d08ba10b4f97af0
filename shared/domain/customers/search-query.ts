import { DIVISION_CODES, type DivisionCode } from '../enums';
import { normaliseEmail, normaliseNationalId, normalisePhone, searchTokens } from './normalise';

// What did the cashier type (or scan)? Each kind has its own indexed lookup at the till and
// on the server, so classifying first is what keeps lookup instant at a million customers.

export type SearchQuery =
  | { kind: 'empty' }
  /** UCST-000123; a scanned loyalty card carries the same number. */
  | { kind: 'customerNumber'; customerNumber: string }
  | { kind: 'divisionNumber'; division: DivisionCode; divisionCustomerNumber: string }
  | { kind: 'phone'; e164: string }
  /** Digits of a number still being typed, in international form: 2637721 for "07721". */
  | { kind: 'phonePrefix'; digitsPrefix: string }
  | { kind: 'nationalId'; canonical: string; compact: string }
  | { kind: 'email'; email: string }
  | { kind: 'name'; tokens: string[] };

export type SearchKind = SearchQuery['kind'];

const CUSTOMER_NUMBER = /^UCST[\s-]?(\d{1,9})$/;
const DIVISION_NUMBER = new RegExp(`^(${DIVISION_CODES.join('|')})[\\s-]?CUST[\\s-]?(\\d{1,9})$`);
const PHONE_CHARS = /^\+?[\d\s\-().]+$/;
/** Fewer digits than this could be anything; a prefix lookup would match half the register. */
export const MIN_PHONE_PREFIX_DIGITS = 4;

const pad = (digits: string) => digits.replace(/^0+(?=\d)/, '').padStart(6, '0');

export function classifySearch(raw: string): SearchQuery {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const upper = text.toUpperCase();

  const customer = CUSTOMER_NUMBER.exec(upper);
  if (customer?.[1]) return { kind: 'customerNumber', customerNumber: `UCST-${pad(customer[1])}` };

  const division = DIVISION_NUMBER.exec(upper);
  const code = DIVISION_CODES.find((c) => c === division?.[1]);
  if (code && division?.[2]) {
    return {
      kind: 'divisionNumber',
      division: code,
      divisionCustomerNumber: `${code}-CUST-${pad(division[2])}`,
    };
  }

  if (text.includes('@')) {
    const email = normaliseEmail(text);
    if (email.ok) return { kind: 'email', email: email.value };
  }

  const id = normaliseNationalId(text);
  if (id.ok) return { kind: 'nationalId', ...id.value };

  if (PHONE_CHARS.test(text)) return classifyPhone(text);

  const tokens = searchTokens(text);
  return tokens.length === 0 ? { kind: 'empty' } : { kind: 'name', tokens };
}

function classifyPhone(text: string): SearchQuery {
  const phone = normalisePhone(text);
  if (phone.ok) return { kind: 'phone', e164: phone.value };
  const digits = text.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_PREFIX_DIGITS) return { kind: 'empty' };
  if (text.trim().startsWith('+') || digits.startsWith('00') || digits.startsWith('263'))
    return { kind: 'phonePrefix', digitsPrefix: digits.replace(/^00/, '') };
  // A Zimbabwe number being typed in local form: "0772 1" and "772 1" are both +2637721….
  const national = digits.startsWith('0') ? digits.slice(1) : digits;
  return { kind: 'phonePrefix', digitsPrefix: `263${national}` };
}

/** The E.164 range [from, to) holding every number that starts with the digits typed. */
export function phonePrefixRange(digitsPrefix: string): { from: string; to: string } {
  const last = digitsPrefix.slice(-1);
  const head = digitsPrefix.slice(0, -1);
  // '9' has no next digit, so the upper bound moves to the next character after digits.
  const next = last === '9' ? ':' : String(Number(last) + 1);
  return { from: `+${digitsPrefix}`, to: `+${head}${next}` };
}
