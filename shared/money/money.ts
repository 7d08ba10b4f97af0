// Money is an integer number of minor units (cents) with a currency code. The Cents type is
// branded so a float or a bare number cannot be passed where money is expected; the only
// ways in are the checked constructors below. Rounding lives here and nowhere else.

export const CURRENCIES = ['USD', 'ZWG'] as const;
export type Currency = (typeof CURRENCIES)[number];

declare const centsBrand: unique symbol;
export type Cents = number & { readonly [centsBrand]: true };

export type Money = { readonly cents: Cents; readonly currency: Currency };

// Beyond 2^51 integer arithmetic on doubles stops being exact in sums; no till total gets near.
const MAX_SAFE_CENTS = 2 ** 51 - 1;

export class MoneyError extends Error {
  override name = 'MoneyError';
}

export function cents(value: number): Cents {
  if (!Number.isInteger(value)) throw new MoneyError(`cents must be an integer, got ${value}`);
  if (Math.abs(value) > MAX_SAFE_CENTS) throw new MoneyError(`cents out of range: ${value}`);
  return value as Cents;
}

export function money(value: number, currency: Currency): Money {
  return { cents: cents(value), currency };
}

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

/** Parses "12.34", "-0.5", "1,234.50" into cents without ever multiplying a float. */
export function parseMoney(text: string, currency: Currency): Money {
  const trimmed = text.trim().replace(/,/g, '');
  const match = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(trimmed);
  if (!match) throw new MoneyError(`not an amount: "${text}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return money(sign ? -value : value, currency);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.cents + b.cents, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.cents - b.cents, a.currency);
}

export function sum(items: readonly Money[], currency: Currency): Money {
  return items.reduce((total, item) => add(total, item), money(0, currency));
}

export function isZero(m: Money): boolean {
  return m.cents === 0;
}

export function compare(a: Money, b: Money): number {
  assertSameCurrency(a, b);
  return a.cents - b.cents;
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError(`currency mismatch: ${a.currency} and ${b.currency}`);
  }
}

/**
 * Divides an integer by a positive integer, rounding half away from zero. The one rounding
 * rule of the app: every percentage, rate and conversion goes through it.
 */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0) {
    throw new MoneyError(`divideRounded needs integers and a positive divisor`);
  }
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const quotient = Math.floor(abs / denominator);
  const remainder = abs - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}

/** Applies a rate in basis points (1 % = 100 bp) to an amount. */
export function percentOf(m: Money, basisPoints: number): Money {
  return money(divideRounded(m.cents * basisPoints, 10_000), m.currency);
}

/**
 * Converts with a rate given as an integer number of micro-units (rate × 1,000,000), so a
 * rate like 26.7512 ZWG per USD stays exact.
 */
export function convert(m: Money, to: Currency, rateMicros: number): Money {
  if (!Number.isInteger(rateMicros) || rateMicros <= 0) {
    throw new MoneyError(`rate must be a positive integer of micro-units`);
  }
  return money(divideRounded(m.cents * rateMicros, 1_000_000), to);
}

/**
 * Splits a total into parts in proportion to weights so the parts add back exactly; leftover
 * cents go to the earliest parts (largest-remainder would reorder receipts).
 */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new MoneyError('allocate needs at least one weight');
  if (weights.some((w) => !Number.isInteger(w) || w < 0)) {
    throw new MoneyError('weights must be non-negative integers');
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) throw new MoneyError('weights must not all be zero');
  const sign = total.cents < 0 ? -1 : 1;
  const abs = Math.abs(total.cents);
  const parts = weights.map((w) => Math.floor((abs * w) / weightSum));
  let leftover = abs - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; leftover > 0; i = (i + 1) % parts.length) {
    if (weights[i] === 0) continue;
    parts[i] = (parts[i] ?? 0) + 1;
    leftover -= 1;
  }
  // p === 0 stays +0: -0 would print as "-US$0.00" on a slip.
  return parts.map((p) => money(p === 0 ? 0 : sign * p, total.currency));
}

const SYMBOLS: Record<Currency, string> = { USD: 'US$', ZWG: 'ZiG ' };

/** "US$1,234.50" / "-ZiG 12.00": for screens and slips. */
export function formatMoney(m: Money): string {
  const abs = Math.abs(m.cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100).toString().padStart(2, '0');
  return `${m.cents < 0 ? '-' : ''}${SYMBOLS[m.currency]}${whole}.${fraction}`;
}
