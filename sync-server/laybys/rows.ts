import { eq, sql } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import {
  customerLaybyFees,
  customerLaybyPayments,
  customerLaybys,
  type CustomerLaybyRow,
  type NewCustomerLaybyRow,
} from '../../db/central/schema';
import type { LaybyFeeKind } from '../../shared/domain/enums';
import type { Ledger } from '../../shared/domain/layby/ledger';
import { projectLayby } from '../../shared/domain/layby/projection';
import { Schedule, type Instalment } from '../../shared/domain/layby/schedule';
import { nextServerSeq, type CentralTx } from '../sync/change-sequence';

// A layby's money lives in append-only rows (payments, refunds, fees). The layby row caches
// their sums; after every money fact the cache is rebuilt from the rows themselves, never
// adjusted by a delta, so two tills' facts arriving in any order end at the same numbers.

const l = customerLaybys;
type Reader = Pick<CentralDb, 'select'>;

export async function loadLayby(tx: Reader, id: string): Promise<CustomerLaybyRow | undefined> {
  const [row] = await tx.select().from(l).where(eq(l.id, id));
  return row;
}

/** Locks the layby until the transaction ends: its money facts are applied one at a time. */
export async function lockLayby(tx: CentralTx, id: string): Promise<CustomerLaybyRow | undefined> {
  const [row] = await tx.select().from(l).where(eq(l.id, id)).for('update');
  return row;
}

/** The agreed plan; rows written before schedules were kept have none. */
export function scheduleOf(row: Pick<CustomerLaybyRow, 'schedule'>): Instalment[] {
  const parsed = Schedule.safeParse(row.schedule);
  return parsed.success ? parsed.data : [];
}

export type FeeSums = Record<LaybyFeeKind, number>;

/** The ledger as the rows say: payments less refunds, fees by kind. */
export async function ledgerOf(
  tx: Reader,
  row: Pick<CustomerLaybyRow, 'id' | 'totalAmountCents'>,
): Promise<{ ledger: Ledger; fees: FeeSums }> {
  const p = customerLaybyPayments;
  const [paid] = await tx
    .select({
      cents: sql<string>`coalesce(sum(case when ${p.isRefund} then -${p.amountCents} else ${p.amountCents} end), 0)`,
    })
    .from(p)
    .where(eq(p.laybyId, row.id));
  const f = customerLaybyFees;
  const byKind = await tx
    .select({ kind: f.kind, cents: sql<string>`sum(${f.amountCents})` })
    .from(f)
    .where(eq(f.laybyId, row.id))
    .groupBy(f.kind);
  const fees: FeeSums = { SERVICE: 0, ADMINISTRATION: 0, LATE: 0, CANCELLATION: 0 };
  for (const { kind, cents } of byKind) fees[kind] = Number(cents);
  return {
    ledger: {
      totalCents: row.totalAmountCents,
      feesCents: fees.SERVICE + fees.ADMINISTRATION + fees.LATE + fees.CANCELLATION,
      paidCents: Number(paid?.cents ?? 0),
    },
    fees,
  };
}

/**
 * Rebuilds the layby row's cached money columns from its rows (shared projectLayby), applies
 * `set` (status, dates…) and stamps the row so the division's tills pull it. Exported for
 * other server code that adds money rows (the daily late-fee job).
 */
export async function reproject(
  tx: CentralTx,
  row: CustomerLaybyRow,
  set: Partial<NewCustomerLaybyRow> = {},
): Promise<{ row: CustomerLaybyRow; ledger: Ledger }> {
  const { ledger, fees } = await ledgerOf(tx, row);
  const projection = projectLayby(ledger, scheduleOf(row), row.depositAmountCents);
  const [updated] = await tx
    .update(l)
    .set({
      ...projection,
      serviceFeeCents: fees.SERVICE,
      administrationFeeCents: fees.ADMINISTRATION,
      lateFeeCents: fees.LATE,
      ...set,
      serverSeq: nextServerSeq(),
    })
    .where(eq(l.id, row.id))
    .returning();
  if (!updated) throw new Error(`layby ${row.id} vanished while being updated`);
  return { row: updated, ledger };
}
