import type { TillDb } from '../../../db/till/connect';
import { AppError } from '../../../shared/contract/result';
import type { ReceiptData } from '../../../shared/domain/receipts/receipt-data';
import { readDivision, readIdentity } from '../enrollment/till-identity';

export type ReceiptHeader = Pick<
  ReceiptData,
  'store' | 'till' | 'cashier' | 'issuedAt' | 'receiptNumber'
>;

/**
 * The top of every slip, from what this till knows: its division (name, address, phone, tax
 * number), its own name, the signed-in cashier. Money events pass their receipt number.
 */
export function receiptHeader(
  db: TillDb,
  input: { cashierName: string; receiptNumber: string; now: Date },
): ReceiptHeader {
  const identity = readIdentity(db);
  const division = identity ? readDivision(db, identity.businessId) : null;
  if (!identity || !division)
    throw new AppError('NOT_ENROLLED', 'Enroll this till before printing.');
  return {
    store: {
      name: division.name,
      code: division.code,
      address: division.address,
      phone: division.phone,
      taxNumber: division.taxNumber,
    },
    till: { id: identity.tillId, name: identity.tillName },
    cashier: { name: input.cashierName },
    issuedAt: input.now.toISOString(),
    receiptNumber: input.receiptNumber,
  };
}
