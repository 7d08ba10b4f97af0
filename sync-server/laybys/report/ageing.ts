import { sql, type SQL } from 'drizzle-orm';
import type { LaybyStatus } from '../../../shared/domain/enums';

// Overdue laybys by how many days have passed since their next (first unpaid) instalment
// fell due. Open laybys only: ON_HOLD is paused by a supervisor and owes nothing on time;
// COMPLETED and CANCELLED owe nothing at all.

export const AGEING_STATUSES: readonly LaybyStatus[] = ['ACTIVE', 'DEFAULTED'];

export const AGEING_BUCKETS = [
  { label: '1-7', fromDays: 1, toDays: 7 },
  { label: '8-30', fromDays: 8, toDays: 30 },
  { label: '31-60', fromDays: 31, toDays: 60 },
  { label: '61-90', fromDays: 61, toDays: 90 },
  { label: '90+', fromDays: 91, toDays: null },
] as const;

/** The bucket index of a days-overdue expression, from the one list above. */
export function bucketOf(days: SQL): SQL {
  const whens = AGEING_BUCKETS.flatMap((bucket, i) =>
    bucket.toDays === null
      ? []
      : [sql`when ${days} <= ${sql.raw(String(bucket.toDays))} then ${sql.raw(String(i))}`],
  );
  return sql`case ${sql.join(whens, sql` `)} else ${sql.raw(String(AGEING_BUCKETS.length - 1))} end`;
}
