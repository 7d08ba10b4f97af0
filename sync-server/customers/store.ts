import { eq } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import {
  universalCustomers,
  type NewUniversalCustomerRow,
  type UniversalCustomerRow,
} from '../../db/central/schema';
import { AppError } from '../../shared/contract/result';
import { nextServerSeq, type CentralTx } from '../sync/change-sequence';

// Reading and writing customer rows. Every write stamps serverSeq, so tills pull it; callers
// run inside withStampedWrites or a push transaction, which hold the change-sequence lock.

type Reader = Pick<CentralDb, 'select'>;

export async function loadCustomer(
  tx: Reader,
  id: string,
): Promise<UniversalCustomerRow | undefined> {
  const [row] = await tx.select().from(universalCustomers).where(eq(universalCustomers.id, id));
  return row;
}

/** Locks the row until the transaction ends, so two writers never interleave on one customer. */
export async function lockCustomer(
  tx: CentralTx,
  id: string,
): Promise<UniversalCustomerRow | undefined> {
  const [row] = await tx
    .select()
    .from(universalCustomers)
    .where(eq(universalCustomers.id, id))
    .for('update');
  return row;
}

/**
 * A customer head office may change: it exists, and it was not merged away (the caller is
 * told where it went instead of silently editing the survivor).
 */
export function assertWritable(
  row: UniversalCustomerRow | undefined,
  id: string,
): UniversalCustomerRow {
  if (!row) throw new AppError('NOT_FOUND', `No customer ${id}.`, 'id');
  if (row.mergedIntoId) {
    throw new AppError(
      'CONFLICT',
      `This customer was merged into ${row.mergedIntoId}; use that one.`,
      'id',
    );
  }
  if (row.deletedAt) throw new AppError('NOT_FOUND', `Customer ${id} was deleted.`, 'id');
  return row;
}

export async function updateCustomer(
  tx: CentralTx,
  id: string,
  set: Partial<NewUniversalCustomerRow>,
): Promise<UniversalCustomerRow> {
  const [row] = await tx
    .update(universalCustomers)
    .set({ ...set, serverSeq: nextServerSeq() })
    .where(eq(universalCustomers.id, id))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', `No customer ${id}.`, 'id');
  return row;
}

export async function insertCustomer(
  tx: CentralTx,
  values: NewUniversalCustomerRow,
): Promise<UniversalCustomerRow> {
  const [row] = await tx
    .insert(universalCustomers)
    .values({ ...values, serverSeq: nextServerSeq() })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
