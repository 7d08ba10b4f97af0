import { formatMoney, money, type Currency } from '../../../../shared/money/money';

/** Cents from the till as the cashier reads them ("US$12.50"). */
export const formatCents = (cents: number, currency: Currency) =>
  formatMoney(money(cents, currency));

/** +263772123456 → "+263 77 212 3456": read out in groups, as Zimbabwe writes mobiles. */
export function formatPhone(e164: string): string {
  const zw = /^\+263(\d{2})(\d{3})(\d{3,4})$/.exec(e164);
  return zw ? `+263 ${zw[1]} ${zw[2]} ${zw[3]}` : e164;
}

/** "till:CLO" → "a CLO till"; anything else as stored. */
export function formatSource(source: string | null): string | null {
  if (!source) return null;
  return source.startsWith('till:') ? `At a ${source.slice(5)} till` : source;
}
