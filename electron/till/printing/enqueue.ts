import { fromZodError } from '../../../shared/contract/result';
import { receiptReference } from '../../../shared/domain/receipts/build-receipt';
import { CopyMark, ReceiptData } from '../../../shared/domain/receipts/receipt-data';
import { uuidv7 } from '../../../shared/ids';
import { printQueue } from '../../../db/till/schema';
import type { TillDb } from '../../../db/till/connect';
import type { TillTx } from '../db-types';

export type PrintJobInput = {
  /** The receipt, typed: a ReceiptData built by the money event. */
  receipt: unknown;
  customerId?: string | null;
  /** Staff id of the cashier whose action printed it. */
  createdBy?: string | null;
  printer?: 'main' | 'fallback';
  /** A second slip of the same event, marked on paper (e.g. the store's COPY of an agreement). */
  copy?: CopyMark | null;
  now?: Date;
};

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called (after the current transaction has ended) whenever a slip is queued. */
export function onPrintEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Queues a slip inside the caller's transaction: it commits with the money event or not at
 * all, and waits in the till database until it prints, across restarts. Call it as the last
 * write of a payment, refund or layby transaction:
 *
 *     db.transaction((tx) => { …payment rows…; enqueuePrint(tx, { receipt, customerId }); });
 *
 * It never throws because of the receipt's content: a slip whose data does not parse is
 * queued as FAILED with the reason, so a bug in a receipt can never undo a payment. The print
 * worker is woken once the transaction has finished.
 */
export function enqueuePrint(tx: TillTx | TillDb, job: PrintJobInput): string {
  const id = uuidv7();
  const now = (job.now ?? new Date()).toISOString();
  const parsed = ReceiptData.safeParse(job.receipt);
  // A copy mark that does not parse must not print the slip as an unmarked duplicate.
  const copyMark = job.copy ? CopyMark.safeParse(job.copy) : null;
  const copy = copyMark?.success ? copyMark.data : null;
  const base = {
    id,
    createdAt: now,
    customerId: job.customerId ?? null,
    createdBy: job.createdBy ?? null,
    printer: job.printer ?? 'main',
  } as const;
  if (parsed.success && (copyMark === null || copyMark.success)) {
    const receipt = parsed.data;
    const ref = receiptReference(receipt);
    tx.insert(printQueue)
      .values({
        ...base,
        kind: receipt.kind,
        payload: { receipt, copy },
        receiptNumber: receipt.receiptNumber,
        customerNumber: ref.customerNumber,
        reference: ref.reference,
      })
      .run();
  } else {
    const error = !parsed.success
      ? parsed.error
      : copyMark && !copyMark.success
        ? copyMark.error
        : null;
    const problem = error ? fromZodError(error).message : 'unknown';
    tx.insert(printQueue)
      .values({
        ...base,
        kind: kindOf(job.receipt),
        // Kept as given, so this row never reads as a valid (unmarked) slip on a retry.
        payload: { receipt: job.receipt, copy: job.copy ?? null },
        status: 'FAILED',
        lastError: `This slip cannot be printed: its data is incomplete (${problem}). The payment is saved; report this slip to head office.`,
      })
      .run();
  }
  // After the synchronous transaction has committed (or rolled back: the worker then
  // finds nothing new, which is harmless).
  setImmediate(() => {
    for (const listener of listeners) listener();
  });
  return id;
}

function kindOf(receipt: unknown): string {
  if (typeof receipt === 'object' && receipt !== null && 'kind' in receipt) {
    const { kind } = receipt;
    if (typeof kind === 'string') return kind.slice(0, 40);
  }
  return 'UNKNOWN';
}
