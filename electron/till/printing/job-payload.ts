import { z } from 'zod';
import { CopyMark, ReceiptData } from '../../../shared/domain/receipts/receipt-data';

// What a print_queue row's payload holds: the receipt data, and the mark of a reprint.
export const PrintJobPayload = z.object({ receipt: ReceiptData, copy: CopyMark.nullable() });
export type PrintJobPayload = z.infer<typeof PrintJobPayload>;

/** The payload of a row, or null when it does not hold a valid receipt. */
export function readPayload(payload: unknown): PrintJobPayload | null {
  const parsed = PrintJobPayload.safeParse(payload);
  return parsed.success ? parsed.data : null;
}
