import { and, desc, eq, lte } from 'drizzle-orm';
import { exchangeRates } from '../../../db/till/schema';
import type { TenderInput } from '../../../shared/contract/till/layby-methods';
import { AppError } from '../../../shared/contract/result';
import type { Tendered } from '../../../shared/domain/layby/records';
import { divideRounded, type Currency } from '../../../shared/money/money';
import type { TillTx } from '../db-types';

type Reader = Pick<TillTx, 'select'>;

export type TenderInLayby = {
  /** What the tender is worth in the layby's currency. */
  amountCents: number;
  /** Set when the customer paid in the other currency. */
  tendered: Tendered | null;
};

function latestRate(tx: Reader, from: Currency, to: Currency, today: string) {
  return tx
    .select({ date: exchangeRates.date, rateMicros: exchangeRates.rateMicros })
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.fromCurrency, from),
        eq(exchangeRates.toCurrency, to),
        lte(exchangeRates.date, today),
      ),
    )
    .orderBy(desc(exchangeRates.date))
    .get();
}

/** ZiG per US dollar (× 10⁶), head office's latest on or before today: the USD→ZWG row, else the inverse of ZWG→USD. */
function zigPerDollar(tx: Reader, today: string): { date: string; rateMicros: number } | null {
  const direct = latestRate(tx, 'USD', 'ZWG', today);
  if (direct) return direct;
  const inverse = latestRate(tx, 'ZWG', 'USD', today);
  return inverse
    ? { date: inverse.date, rateMicros: divideRounded(1_000_000_000_000, inverse.rateMicros) }
    : null;
}

/**
 * A tender in the layby's currency, or converted at head office's rate of the day (ZiG
 * against a US-dollar layby, or the other way). No rate: a clear refusal naming the field.
 */
export function tenderInLayby(
  tx: Reader,
  tender: TenderInput,
  laybyCurrency: Currency,
  today: string,
): TenderInLayby {
  if (tender.currency === laybyCurrency) return { amountCents: tender.amountCents, tendered: null };
  const rate = zigPerDollar(tx, today);
  if (!rate || rate.rateMicros <= 0) {
    throw new AppError(
      'INVALID_INPUT',
      `tender.currency: there is no ${tender.currency} to ${laybyCurrency} rate from head office yet. Take ${laybyCurrency}, or sync to get today's rate.`,
      'tender.currency',
    );
  }
  const amountCents =
    tender.currency === 'ZWG'
      ? divideRounded(tender.amountCents * 1_000_000, rate.rateMicros)
      : divideRounded(tender.amountCents * rate.rateMicros, 1_000_000);
  if (amountCents <= 0)
    throw new AppError(
      'INVALID_INPUT',
      'tender.amountCents: is too small to convert',
      'tender.amountCents',
    );
  return {
    amountCents,
    tendered: {
      cents: tender.amountCents,
      currency: tender.currency,
      rateMicros: rate.rateMicros,
      rateDate: rate.date,
    },
  };
}

const NEEDS_REFERENCE = new Set(['CARD', 'MOBILE_MONEY', 'BANK_TRANSFER']);

/** Card, mobile money and bank payments must carry the approval code or transaction id. */
export function checkReference(tender: TenderInput, field = 'tender.reference'): void {
  if (NEEDS_REFERENCE.has(tender.method) && !tender.reference?.trim()) {
    throw new AppError('INVALID_INPUT', `${field}: is required for this payment method`, field);
  }
  if (tender.method === 'ACCOUNT_CREDIT')
    throw new AppError(
      'INVALID_INPUT',
      'tender.method: account credit is not taken at the till yet',
      'tender.method',
    );
}
