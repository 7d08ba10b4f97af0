import { and, eq, isNull, max, sql } from 'drizzle-orm';
import { numberBlocks } from '../../db/central/schema';
import type { NumberSeries } from '../../shared/domain/enums';
import type { NumberBlock } from '../../shared/contract/sync/protocol';
import { uuidv7 } from '../../shared/ids';
import type { CentralTx } from './change-sequence';

// How many numbers one lease hands out. A busy till registers a few hundred customers a
// week; a block that lasts days offline is the point.
export const BLOCK_SIZE: Record<NumberSeries, number> = {
  CUSTOMER: 500,
  DIVISION_ACCOUNT: 500,
  LAYBY: 200,
  RECEIPT: 2_000,
  CREDIT_APPLICATION: 50,
  STATEMENT: 500,
  ORDER: 2_000,
};

/**
 * Leases the next unused block of a series (group-wide when businessId is null) to a till,
 * or to head office itself when tillId is null. Blocks never overlap: leases of one series
 * are serialised by an advisory lock and start after the highest end ever leased.
 */
export async function leaseNextBlock(
  tx: CentralTx,
  lease: { series: NumberSeries; businessId: string | null; tillId: string | null; size?: number },
): Promise<NumberBlock> {
  // One lock per series (a 32-bit hash, distinct in range from the other lock constants).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`unitill-lease:${lease.series}`}))`);
  const scope =
    lease.businessId === null
      ? isNull(numberBlocks.businessId)
      : eq(numberBlocks.businessId, lease.businessId);
  const [row] = await tx
    .select({ end: max(numberBlocks.rangeEnd) })
    .from(numberBlocks)
    .where(and(eq(numberBlocks.series, lease.series), scope));
  const rangeStart = Number(row?.end ?? 0) + 1;
  const block = {
    id: uuidv7(),
    series: lease.series,
    businessId: lease.businessId,
    rangeStart,
    rangeEnd: rangeStart + (lease.size ?? BLOCK_SIZE[lease.series]) - 1,
  };
  await tx.insert(numberBlocks).values({ ...block, tillId: lease.tillId });
  return block;
}
