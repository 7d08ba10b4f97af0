import { z } from 'zod';

// Layby due dates are calendar days in the shop (Zimbabwe: CAT, UTC+2, no daylight saving,
// the same zone the slips print in). They are kept as 'YYYY-MM-DD' strings and computed with
// UTC arithmetic on those days, so a till whose OS zone is wrong still agrees with head office.

export const ShopDate = z.iso.date();
export type ShopDate = string;

const SHOP_OFFSET_MS = 2 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The shop's calendar day at an instant. */
export function shopDate(at: Date): ShopDate {
  return new Date(at.getTime() + SHOP_OFFSET_MS).toISOString().slice(0, 10);
}

const toUtc = (date: ShopDate): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): ShopDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: ShopDate, days: number): ShopDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: ShopDate, b: ShopDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/**
 * The same day of the month `months` later, clamped to the month's end: a plan started on
 * 31 January falls due on 28 (or 29) February, then 31 March.
 */
export function addMonths(date: ShopDate, months: number): ShopDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m, Math.min(day, lastDay)));
}

/** The shop day's end as an instant (23:59:59.999 CAT), for "due by" timestamps. */
export function endOfShopDay(date: ShopDate): string {
  return new Date(toUtc(date) + DAY_MS - 1 - SHOP_OFFSET_MS).toISOString();
}

/** The shop day's first instant, as stored in the layby's due-date columns. */
export function startOfShopDay(date: ShopDate): string {
  return new Date(toUtc(date) - SHOP_OFFSET_MS).toISOString();
}
