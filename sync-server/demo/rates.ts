import { and, eq, inArray } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { businesses, exchangeRates } from '../../db/central/schema';
import { addDays, shopDate } from '../../shared/domain/layby/dates';
import type { Currency } from '../../shared/money/money';
import { uuidv7 } from '../../shared/ids';
import { lockChangeSequence, nextServerSeq, type CentralTx } from '../sync/change-sequence';
import { DEMO_UMBRELLA } from './divisions';

// Head office's rates of the day, so a demo till can take ZiG on a US-dollar layby (and the
// other way round). Micro-units: 1 USD = 26.7512 ZWG. ZWG→USD is the inverse, rounded.
export const DEMO_USD_TO_ZWG_MICROS = 26_751_200;
export const DEMO_ZWG_TO_USD_MICROS = Math.round(1e12 / DEMO_USD_TO_ZWG_MICROS);

/** Today and the 7 days before it, in shop time. */
export const DEMO_RATE_DAYS = 8;

type Pair = { fromCurrency: Currency; toCurrency: Currency; rateMicros: number };
const PAIRS: Pair[] = [
  { fromCurrency: 'USD', toCurrency: 'ZWG', rateMicros: DEMO_USD_TO_ZWG_MICROS },
  { fromCurrency: 'ZWG', toCurrency: 'USD', rateMicros: DEMO_ZWG_TO_USD_MICROS },
];

function demoRateRows(now: number) {
  const today = shopDate(new Date(now));
  return Array.from({ length: DEMO_RATE_DAYS }, (_, i) => addDays(today, -i)).flatMap((date) =>
    PAIRS.map((pair) => ({ date, ...pair })),
  );
}

type Row = ReturnType<typeof demoRateRows>[number];
const keyOf = (r: Pick<Row, 'date' | 'fromCurrency' | 'toCurrency'>) =>
  `${r.date}:${r.fromCurrency}:${r.toCurrency}`;

async function missingRates(db: Pick<CentralDb, 'select'>, now: number): Promise<Row[]> {
  const wanted = demoRateRows(now);
  const held = await db
    .select({
      date: exchangeRates.date,
      fromCurrency: exchangeRates.fromCurrency,
      toCurrency: exchangeRates.toCurrency,
    })
    .from(exchangeRates)
    .where(inArray(exchangeRates.date, [...new Set(wanted.map((r) => r.date))]));
  const have = new Set(held.map(keyOf));
  return wanted.filter((r) => !have.has(keyOf(r)));
}

/**
 * Inserts the demo rates a day lacks (a day head office already rated is left alone), each
 * stamped so every till pulls it. The caller holds the change-sequence lock.
 */
export async function insertDemoRates(tx: CentralTx, now: number): Promise<void> {
  const rows = await missingRates(tx, now);
  if (rows.length === 0) return;
  await tx
    .insert(exchangeRates)
    .values(rows.map((r) => ({ id: uuidv7(now), ...r, serverSeq: nextServerSeq() })));
}

/**
 * A demo server left running for days still needs today's rate: tops the demo group's rates
 * up. Only the demo's own umbrella qualifies, so a real group's rates are never invented; and
 * with nothing missing nothing is written (no stamp drawn), so a restart changes nothing.
 */
export async function topUpDemoRates(db: CentralDb, now: number): Promise<void> {
  const [demo] = await db
    .select({ id: businesses.id })
    .from(businesses)
    .where(and(eq(businesses.id, DEMO_UMBRELLA.id), eq(businesses.kind, 'UMBRELLA')));
  if (!demo || (await missingRates(db, now)).length === 0) return;
  await db.transaction(async (tx) => {
    await lockChangeSequence(tx);
    await insertDemoRates(tx, now);
  });
}
