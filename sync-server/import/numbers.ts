import { and, eq, gte, isNotNull, lte } from 'drizzle-orm';
import { numberBlocks } from '../../db/central/schema';
import type { CentralTx } from '../sync/change-sequence';
import { leaseNextBlock } from '../sync/number-leases';
import type { DivisionRef } from '../customers/divisions';

// Old numbers are kept as division numbers. One written like a till's (CLO-CUST-000123) could
// one day be handed out by a till, so it is reserved: if no block covers it yet, head office
// leases up to it; if a till's block covers it, the row conflicts. Other forms (CLO-CUST-001,
// C0042) can never collide with a till's numbers.

const inTillBlock = async (tx: CentralTx, division: DivisionRef, n: number) => {
  const [block] = await tx
    .select({ tillId: numberBlocks.tillId })
    .from(numberBlocks)
    .where(
      and(
        eq(numberBlocks.series, 'DIVISION_ACCOUNT'),
        eq(numberBlocks.businessId, division.id),
        lte(numberBlocks.rangeStart, n),
        gte(numberBlocks.rangeEnd, n),
        isNotNull(numberBlocks.tillId),
      ),
    )
    .limit(1);
  return block !== undefined;
};

/** Null when the number is safe to keep, else why not. */
export async function reserveLegacyNumber(
  tx: CentralTx,
  number: string,
  division: DivisionRef,
): Promise<string | null> {
  const match = new RegExp(`^${division.code}-CUST-(\\d{6,})$`).exec(number);
  if (!match) return null;
  const n = Number(match[1]);
  const taken = `number ${number} lies in a block leased to a till; renumber it in the file`;
  if (await inTillBlock(tx, division, n)) return taken;
  // Leasing takes the series lock to the end of this transaction, so the check after it holds.
  const probe = await leaseNextBlock(tx, {
    series: 'DIVISION_ACCOUNT',
    businessId: division.id,
    tillId: null,
    size: 1,
  });
  if (probe.rangeStart < n) {
    await leaseNextBlock(tx, {
      series: 'DIVISION_ACCOUNT',
      businessId: division.id,
      tillId: null,
      size: n - probe.rangeStart,
    });
  }
  return (await inTillBlock(tx, division, n)) ? taken : null;
}
