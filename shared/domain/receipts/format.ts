import { formatMoney, money } from '../../money/money';
import type { PaymentMethod } from '../enums';
import type { MoneyAmount } from './receipt-data';

// Slips are read in the shop, so times are shop time: the group trades in Zimbabwe (CAT,
// UTC+2, no daylight saving). Fixed here rather than taken from the till's OS, whose clock
// zone is often left at UTC by whoever installed it.
export const RECEIPT_TIME_ZONE = 'Africa/Harare';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: RECEIPT_TIME_ZONE,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: '2-digit',
  month: 'short',
  year: 'numeric',
});

/** "12 Mar 2025 14:05" in shop time. */
export function formatSlipDateTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : dateTime.format(at).replace(',', '');
}

/** "12 Mar 2025" for a calendar date ("2025-03-12"); no time zone can move it a day. */
export function formatSlipDate(isoDate: string): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? isoDate : dateOnly.format(at);
}

export function amount(value: MoneyAmount): string {
  return formatMoney(money(value.cents, value.currency));
}

/** "2", "1.5", "0.25": quantities are thousandths; no float ever divides them. */
export function formatQuantity(quantityMilli: number): string {
  const whole = Math.trunc(quantityMilli / 1000);
  const fraction = String(Math.abs(quantityMilli % 1000))
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  CASH: 'Cash',
  CARD: 'Card',
  MOBILE_MONEY: 'Mobile money',
  BANK_TRANSFER: 'Bank transfer',
  ACCOUNT_CREDIT: 'Account credit',
};

/** A rate in basis points as a percentage: 1500 → "15%", 1250 → "12.5%". */
export function formatPercent(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? `${whole}%` : `${whole}.${fraction}%`;
}
