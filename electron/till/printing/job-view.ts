import type { PrintJobRow } from '../../../db/till/schema';
import type { PrintJobView } from '../../../shared/contract/till/printing-methods';
import { receiptReference, receiptTitle } from '../../../shared/domain/receipts/build-receipt';
import { readPayload } from './job-payload';

/** A queue row as staff see it in the queue and in a customer's history. */
export function toJobView(job: PrintJobRow): PrintJobView {
  const payload = readPayload(job.payload);
  const ref = payload ? receiptReference(payload.receipt) : null;
  return {
    id: job.id,
    kind: job.kind,
    title: payload ? receiptTitle(payload.receipt) : `Slip (${job.kind})`,
    receiptNumber: job.receiptNumber,
    customerNumber: job.customerNumber,
    customerName: ref?.customerName ?? null,
    reference: job.reference,
    status: job.status,
    attempts: job.attempts,
    lastError: job.lastError,
    createdAt: job.createdAt,
    lastAttemptAt: job.lastAttemptAt,
    nextAttemptAt: job.nextAttemptAt,
    printedAt: job.printedAt,
    dismissedReason: job.dismissedReason,
    dismissedBy: job.dismissedBy,
    copyLabel: payload?.copy?.label ?? null,
    copyOf: job.copyOf,
    printer: job.printer,
  };
}
