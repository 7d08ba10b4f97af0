import type { TillDb } from '../../../db/till/connect';
import { numberBlocks } from '../../../db/till/schema';
import type { NumberSeries } from '../../../shared/domain/enums';
import { uuidv7 } from '../../../shared/ids';

// Tests only: puts number blocks straight into the till, as if head office had leased them,
// so customer and account numbering can be tested without a sync server.

export type SeedBlock = {
  series: NumberSeries;
  businessId: string | null;
  rangeStart: number;
  rangeEnd: number;
};

export function seedNumberBlocks(db: TillDb, blocks: readonly SeedBlock[]): void {
  for (const block of blocks) {
    db.insert(numberBlocks)
      .values({ id: uuidv7(), ...block, nextValue: block.rangeStart })
      .run();
  }
}

/** Blocks for customer numbers (UCST) and this division's account numbers (CLO-CUST). */
export function seedCustomerNumberBlocks(
  db: TillDb,
  businessId: string,
  size = 1_000,
  start = 1,
): void {
  const rangeEnd = start + size - 1;
  seedNumberBlocks(db, [
    { series: 'CUSTOMER', businessId: null, rangeStart: start, rangeEnd },
    { series: 'DIVISION_ACCOUNT', businessId, rangeStart: start, rangeEnd },
  ]);
}
