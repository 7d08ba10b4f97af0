import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CentralDb } from '../../../db/central/connect';
import { DIVISION_CODES, LAYBY_STATUSES } from '../../../shared/domain/enums';
import { startOfShopDay, type ShopDate } from '../../../shared/domain/layby/dates';
import { CURRENCIES, type Currency } from '../../../shared/money/money';
import { rowsOf } from '../daily-job/sql-rows';
import { AGEING_BUCKETS, AGEING_STATUSES, bucketOf } from './ageing';

// Where the laybys stand, for head office and division managers: counts and money by
// division, status and currency (money in two currencies is never added together), and the
// ageing of what is overdue. Two aggregate statements over customer_laybys, whatever its size.

export const LaybyReportQuery = z.object({ division: z.enum(DIVISION_CODES).optional() });

const Cents = z.number().int();
const Money = {
  count: z.number().int(),
  totalCents: Cents,
  paidCents: Cents,
  balanceCents: Cents,
  feesCents: Cents,
};
const StatusRow = z.object({
  division: z.string(),
  status: z.enum(LAYBY_STATUSES),
  currency: z.enum(CURRENCIES),
  ...Money,
});
const TotalRow = z.object({
  status: z.enum(LAYBY_STATUSES),
  currency: z.enum(CURRENCIES),
  ...Money,
});
const Bucket = z.object({
  label: z.string(),
  fromDays: z.number().int(),
  toDays: z.number().int().nullable(),
  count: z.number().int(),
  balanceCents: Cents,
});
export const LaybyReport = z.object({
  /** The shop day the ageing is counted to. */
  asOf: z.string(),
  division: z.string().nullable(),
  byStatus: z.array(StatusRow),
  /** byStatus summed over the divisions. */
  totals: z.array(TotalRow),
  ageingStatuses: z.array(z.enum(LAYBY_STATUSES)),
  ageing: z.array(
    z.object({ division: z.string(), currency: z.enum(CURRENCIES), buckets: z.array(Bucket) }),
  ),
});
export type LaybyReport = z.infer<typeof LaybyReport>;
type StatusRow = z.infer<typeof StatusRow>;

// Sums of bigint are numeric; as text they reach JS exactly, then fit a number (< 2^53).
type RawStatus = Omit<StatusRow, keyof typeof Money> & Record<keyof typeof Money, string>;
type RawAgeing = {
  division: string;
  currency: Currency;
  bucket: number;
  count: string;
  balance: string;
};

export async function laybyReport(
  db: CentralDb,
  scope: { businessId: string | null; division: string | null },
  today: ShopDate,
): Promise<LaybyReport> {
  const inScope: SQL = scope.businessId ? sql`l.business_id = ${scope.businessId}` : sql`true`;
  const [statusResult, ageingResult] = await Promise.all([
    db.execute(sql`
      select b.code as division, l.status, l.currency, count(*)::text as count,
             sum(l.total_amount_cents)::text as "totalCents",
             sum(l.total_paid_cents)::text as "paidCents",
             sum(l.balance_remaining_cents)::text as "balanceCents",
             sum(l.total_fees_cents)::text as "feesCents"
        from customer_laybys l join businesses b on b.id = l.business_id
       where ${inScope}
       group by b.code, l.status, l.currency
       order by b.code, l.status, l.currency`),
    db.execute(sql`
      select b.code as division, o.currency, o.bucket, count(*)::text as count,
             sum(o.balance_remaining_cents)::text as balance
        from (select l.business_id, l.currency, l.balance_remaining_cents,
                     ${bucketOf(sql`(${today}::date - ((l.payment_due_date at time zone 'UTC') + interval '2 hours')::date)`)} as bucket
                from customer_laybys l
               where l.status in (${sql.join(
                 AGEING_STATUSES.map((s) => sql`${s}::layby_status`),
                 sql`, `,
               )})
                 and l.payment_due_date < ${startOfShopDay(today)}::timestamptz
                 and ${inScope}) o
        join businesses b on b.id = o.business_id
       group by b.code, o.currency, o.bucket
       order by b.code, o.currency, o.bucket`),
  ]);
  const byStatus = rowsOf<RawStatus>(statusResult).map((row): StatusRow => ({
    ...row,
    count: Number(row.count),
    totalCents: Number(row.totalCents),
    paidCents: Number(row.paidCents),
    balanceCents: Number(row.balanceCents),
    feesCents: Number(row.feesCents),
  }));
  return {
    asOf: today,
    division: scope.division,
    byStatus,
    totals: totalsOf(byStatus),
    ageingStatuses: [...AGEING_STATUSES],
    ageing: ageingOf(rowsOf<RawAgeing>(ageingResult)),
  };
}

function totalsOf(rows: readonly StatusRow[]): LaybyReport['totals'] {
  const byKey = new Map<string, LaybyReport['totals'][number]>();
  for (const { division: _division, ...row } of rows) {
    const key = `${row.status}:${row.currency}`;
    const total = byKey.get(key);
    if (!total) {
      byKey.set(key, { ...row });
      continue;
    }
    total.count += row.count;
    total.totalCents += row.totalCents;
    total.paidCents += row.paidCents;
    total.balanceCents += row.balanceCents;
    total.feesCents += row.feesCents;
  }
  return [...byKey.values()];
}

/** Every bucket for each division and currency that has anything overdue, empty ones as zeros. */
function ageingOf(rows: readonly RawAgeing[]): LaybyReport['ageing'] {
  const groups = new Map<string, LaybyReport['ageing'][number]>();
  for (const row of rows) {
    const key = `${row.division}:${row.currency}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        division: row.division,
        currency: row.currency,
        buckets: AGEING_BUCKETS.map((b) => ({ ...b, count: 0, balanceCents: 0 })),
      };
      groups.set(key, group);
    }
    const bucket = group.buckets[Number(row.bucket)];
    if (bucket) {
      bucket.count = Number(row.count);
      bucket.balanceCents = Number(row.balance);
    }
  }
  return [...groups.values()];
}
