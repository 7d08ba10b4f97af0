import { sql } from 'drizzle-orm';
import type { LaybyFeeKind } from '../../../shared/domain/enums';
import type { ShopDate } from '../../../shared/domain/layby/dates';
import type { CentralTx } from '../../sync/change-sequence';
import { jsonbParam, rowsOf } from './sql-rows';

// A batch's money as its append-only rows say, two set-based reads for the whole batch. The
// job rebuilds each layby's cached columns from these (as every applier does, sync-server/
// laybys/rows.ts), never by adding to the cache, so a stale cache is healed, not carried on.

export type FeeSums = Record<LaybyFeeKind, number>;

export type LaybyMoney = {
  /** Payments less refunds, the deposit included. */
  paidCents: number;
  fees: FeeSums;
  /** The instalments already charged a late fee. */
  lateDates: Set<ShopDate>;
};

export const noMoney = (): LaybyMoney => ({
  paidCents: 0,
  fees: { SERVICE: 0, ADMINISTRATION: 0, LATE: 0, CANCELLATION: 0 },
  lateDates: new Set(),
});

export async function moneyOf(
  tx: CentralTx,
  ids: readonly string[],
): Promise<Map<string, LaybyMoney>> {
  const byLayby = new Map<string, LaybyMoney>();
  if (ids.length === 0) return byLayby;
  const entry = (id: string) => {
    let money = byLayby.get(id);
    if (!money) byLayby.set(id, (money = noMoney()));
    return money;
  };
  // Per id through the layby_id indexes (a lateral lookup each): a plain `layby_id in (…)`
  // over a batch is planned as a scan of the whole payments table, once per batch.
  const batch = sql`jsonb_array_elements_text(${jsonbParam(ids)}) as b(id)`;
  const payments = rowsOf<{ laybyId: string; cents: string | null }>(
    await tx.execute(sql`
      select b.id as "laybyId",
             (select sum(case when p.is_refund then -p.amount_cents else p.amount_cents end)
                from customer_layby_payments p where p.layby_id = b.id::uuid)::text as cents
        from ${batch}`),
  );
  const fees = rowsOf<{
    laybyId: string;
    kind: LaybyFeeKind;
    cents: string;
    dueDate: string | null;
  }>(
    await tx.execute(sql`
      select f.layby_id::text as "laybyId", f.kind, f.amount_cents::text as cents,
             f.instalment_due_date::text as "dueDate"
        from ${batch}
        cross join lateral (select * from customer_layby_fees f where f.layby_id = b.id::uuid) f`),
  );
  for (const row of payments) entry(row.laybyId).paidCents = Number(row.cents ?? 0);
  for (const row of fees) {
    const money = entry(row.laybyId);
    money.fees[row.kind] += Number(row.cents);
    if (row.kind === 'LATE' && row.dueDate !== null) money.lateDates.add(row.dueDate);
  }
  return byLayby;
}
