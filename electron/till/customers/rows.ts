import { eq } from 'drizzle-orm';
import { universalCustomers, type UniversalCustomerRow } from '../../../db/till/schema';
import type { CustomerView } from '../../../shared/contract/till/customer-views';
import { AppError } from '../../../shared/contract/result';
import type { CustomerRecord } from '../../../shared/domain/customers/validate';
import type { TillTx } from '../db-types';

type Reader = Pick<TillTx, 'select'>;

/** A row as the API shows it (sync bookkeeping left out). */
export function toCustomerView(row: UniversalCustomerRow): CustomerView {
  const {
    serverSeq: _seq,
    originTillId: _origin,
    deletedAt: _deleted,
    mergedIntoId: _merged,
    ...view
  } = row;
  return view;
}

/** A row as the customer.create mutation carries it. */
export const toCustomerRecord = (row: UniversalCustomerRow): CustomerRecord => toCustomerView(row);

// A merge chain longer than this is a loop in bad data, not a real history.
const MAX_REDIRECTS = 8;

/**
 * The live customer behind an id: follows merge redirects, so work an offline till did on a
 * merged duplicate lands on the survivor. Tombstoned customers are not found.
 */
export function resolveCustomer(
  tx: Reader,
  id: string,
): { row: UniversalCustomerRow; redirectedFrom: string | null } {
  let row = tx.select().from(universalCustomers).where(eq(universalCustomers.id, id)).get();
  for (let hop = 0; row?.mergedIntoId && hop < MAX_REDIRECTS; hop += 1) {
    const next: string = row.mergedIntoId;
    row = tx.select().from(universalCustomers).where(eq(universalCustomers.id, next)).get();
  }
  if (!row || row.deletedAt !== null || row.mergedIntoId !== null) {
    throw new AppError('NOT_FOUND', 'No such customer on this till.', 'id');
  }
  return { row, redirectedFrom: row.id === id ? null : id };
}
