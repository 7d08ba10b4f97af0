import type { CentralDb } from '../../db/central/connect';
import { withStampedWrites, type CentralTx } from '../sync/change-sequence';
import { translateUniqueViolation } from './clashes';

/**
 * A head-office write: one transaction holding the change-sequence lock (so tills pull it),
 * with a unique violation that slipped past the checks answered as a 409 naming the field.
 */
export async function customerWrite<T>(
  db: CentralDb,
  work: (tx: CentralTx) => Promise<T>,
): Promise<T> {
  try {
    return await withStampedWrites(db, work);
  } catch (error) {
    throw translateUniqueViolation(error);
  }
}
