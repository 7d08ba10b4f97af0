import type { TillDb } from '../../../db/till/connect';
import { printingHandlers, type PrintingHandlers } from './handlers';
import { readPrinterSettings } from './settings-store';
import { sendToPrinter } from './transport';
import type { Timeouts } from './transport-types';
import { startPrintWorker, type PrintWorker, type Send } from './worker';

export { enqueuePrint, type PrintJobInput } from './enqueue';
export { receiptHeader } from './receipt-header';

export type PrintingOptions = {
  clock: () => Date;
  log: (message: string, error?: unknown) => void;
  /** Tests shorten these; production uses DEFAULT_TIMEOUTS. */
  timeouts?: Timeouts;
  pollMs?: number;
  send?: Send;
};

export type Printing = { handlers: PrintingHandlers; worker: PrintWorker; stop(): Promise<void> };

/** The till's printing: the queue worker and the printing:* handlers. */
export function startPrinting(db: TillDb, options: PrintingOptions): Printing {
  const worker = startPrintWorker({
    db,
    clock: options.clock,
    settings: () => readPrinterSettings(db),
    send: options.send ?? sendToPrinter,
    ...(options.timeouts ? { sendOptions: { timeouts: options.timeouts } } : {}),
    log: options.log,
    pollMs: options.pollMs ?? 1_000,
  });
  return { handlers: printingHandlers(db, worker), worker, stop: () => worker.stop() };
}
