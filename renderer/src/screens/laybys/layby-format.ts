import { formatMoney, money, parseMoney, type Currency } from '../../../../shared/money/money';

// Money, quantities and shop days as a cashier types and reads them.

export const CURRENCY_NAMES: Record<Currency, string> = { USD: 'US dollars', ZWG: 'ZiG' };

export const formatCents = (cents: number, currency: Currency): string =>
  formatMoney(money(cents, currency));

/** 1250 → "12.50": what an amount box shows, without a symbol or thousands separators. */
export const centsToInput = (cents: number): string =>
  `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** What the cashier typed, in cents; null when it is not an amount (empty, letters, 3 decimals). */
export function inputToCents(text: string, currency: Currency): number | null {
  if (text.trim() === '') return null;
  try {
    const cents = parseMoney(text, currency).cents;
    return cents >= 0 ? cents : null;
  } catch {
    return null;
  }
}

/** "1.5" → 1500 thousandths; null for anything else (quantities are never negative). */
export function quantityToMilli(text: string): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{0,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
}

/** 1500 → "1.5", 2000 → "2". */
export function milliToQuantity(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const rest = milli % 1000;
  return rest === 0
    ? String(whole)
    : `${whole}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** '2026-07-14' → "Tue 14 Jul 2026". Shop days are calendar days, so no zone shifts them. */
export function formatDay(day: string | null): string {
  if (day === null) return '—';
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? day : dayFormat.format(at);
}

const instantFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const thisYearFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "3 Mar, 14:32" this year, "3 Mar 2025, 14:32" before. */
export function formatInstant(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.getFullYear() === now.getFullYear()
    ? thisYearFormat.format(at)
    : instantFormat.format(at);
}

/**
 * The layby rules speak in cents ("must be at least 1500 cents"); a cashier reads money.
 * Rewrites every "N cents" in a message as an amount in the layby's currency.
 */
export function readableMoney(message: string, currency: Currency): string {
  return message.replace(/(-?\d+) cents\b/g, (_, n: string) => formatCents(Number(n), currency));
}
