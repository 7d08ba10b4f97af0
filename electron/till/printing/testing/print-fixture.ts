import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTillDb, type TillHandle } from '../../../../db/till/connect';
import { customerPayments, printQueue } from '../../../../db/till/schema';
import type { PrinterSettings } from '../../../../shared/contract/till/printing-settings';
import type { ReceiptData } from '../../../../shared/domain/receipts/receipt-data';
import { uuidv7 } from '../../../../shared/ids';
import { enqueuePrint } from '../enqueue';
import { readPrinterSettings, writePrinterSettings } from '../settings-store';
import { sendToPrinter } from '../transport';
import { startPrintWorker, type PrintWorker } from '../worker';

// A till database in a real SQLite file, a frozen clock the test moves, and a money event
// that writes a payment and queues its receipt in one transaction, as the layby flow will.

export const FAST_TIMEOUTS = { connectMs: 500, statusMs: 300, completionMs: 800 };

export type PrintFixture = {
  dir: string;
  handle: TillHandle;
  now: { value: Date };
  advance(ms: number): void;
  startWorker(): PrintWorker;
  reopen(): void;
  cleanup(): void;
};

export function createPrintFixture(): PrintFixture {
  const dir = mkdtempSync(join(tmpdir(), 'unitill-print-'));
  const file = join(dir, 'till.sqlite');
  const now = { value: new Date('2025-03-12T12:05:00.000Z') };
  const fixture: PrintFixture = {
    dir,
    handle: openTillDb(file),
    now,
    advance: (ms) => {
      now.value = new Date(now.value.getTime() + ms);
    },
    startWorker: () =>
      startPrintWorker({
        db: fixture.handle.db,
        clock: () => now.value,
        settings: () => readPrinterSettings(fixture.handle.db),
        send: sendToPrinter,
        sendOptions: { timeouts: FAST_TIMEOUTS },
        log: () => undefined,
        // Tests drain by hand; the timer only guards against a forgotten kick.
        pollMs: 3_600_000,
      }),
    reopen: () => {
      fixture.handle.close();
      fixture.handle = openTillDb(file);
    },
    cleanup: () => {
      fixture.handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

export function usePrinter(
  fixture: PrintFixture,
  settings: Partial<PrinterSettings> & { interface: string },
): void {
  const full: PrinterSettings = {
    type: 'epson',
    paperWidth: 48,
    characterSet: 'PC858_EURO',
    cashDrawer: true,
    statusChecks: true,
    fallbackInterface: null,
    ...settings,
  };
  writePrinterSettings(fixture.handle.db, full, 'Test Supervisor', fixture.now.value);
}

/** A payment and its receipt, in one transaction — the shape of every money event. */
export function takePayment(
  fixture: PrintFixture,
  receipt: unknown,
  options: { failAfterQueueing?: boolean } = {},
) {
  const { db } = fixture.handle;
  const paymentId = uuidv7();
  let jobId = '';
  const data = receipt as ReceiptData;
  db.transaction((tx) => {
    tx.insert(customerPayments)
      .values({
        id: paymentId,
        receiptNumber: data.receiptNumber ?? `R-${paymentId}`,
        divisionAccountId: uuidv7(),
        businessId: uuidv7(),
        amountCents: 5000,
        currency: 'USD',
        paymentMethod: 'CASH',
        processedBy: uuidv7(),
      })
      .run();
    jobId = enqueuePrint(tx, { receipt, now: fixture.now.value });
    if (options.failAfterQueueing) throw new Error('the money event failed after queueing');
  });
  return { paymentId, jobId };
}

export function paymentExists(fixture: PrintFixture, paymentId: string): boolean {
  const { db } = fixture.handle;
  return (
    db.select().from(customerPayments).where(eq(customerPayments.id, paymentId)).get() !== undefined
  );
}

export function jobRow(fixture: PrintFixture, jobId: string) {
  return fixture.handle.db.select().from(printQueue).where(eq(printQueue.id, jobId)).get();
}
