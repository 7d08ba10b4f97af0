import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { numberBlocks } from '../../../db/till/schema';
import { AppError } from '../../../shared/contract/result';
import type { NumberSeries } from '../../../shared/domain/enums';
import type { TillTx } from '../db-types';

type Scope = { series: NumberSeries; businessId: string | null };

const scopeFilter = ({ series, businessId }: Scope) =>
  and(
    eq(numberBlocks.series, series),
    businessId === null ? isNull(numberBlocks.businessId) : eq(numberBlocks.businessId, businessId),
  );

/**
 * Hands out the next number of a series from the blocks this till leased, inside the
 * caller's transaction: if the sale rolls back, so does the number. Never asks the server.
 */
export function takeNumber(tx: TillTx, scope: Scope): number {
  const block = tx
    .select()
    .from(numberBlocks)
    .where(and(scopeFilter(scope), lte(numberBlocks.nextValue, numberBlocks.rangeEnd)))
    .orderBy(asc(numberBlocks.rangeStart))
    .get();
  if (!block) {
    throw new AppError(
      'UNAVAILABLE',
      `This till has no ${scope.series.toLowerCase().replace('_', ' ')} numbers left. Connect it to head office to get more.`,
    );
  }
  tx.update(numberBlocks)
    .set({ nextValue: block.nextValue + 1 })
    .where(eq(numberBlocks.id, block.id))
    .run();
  return block.nextValue;
}

/** Numbers still unused, to decide when to lease another block. */
export function numbersLeft(tx: Pick<TillTx, 'select'>, scope: Scope): number {
  const row = tx
    .select({
      left: sql<number>`coalesce(sum(${numberBlocks.rangeEnd} - ${numberBlocks.nextValue} + 1), 0)`,
    })
    .from(numberBlocks)
    .where(scopeFilter(scope))
    .get();
  return Number(row?.left ?? 0);
}
