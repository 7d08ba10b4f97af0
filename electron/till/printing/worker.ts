import type { TillDb } from '../../../db/till/connect';
import type { PrintJobRow } from '../../../db/till/schema';
import type { PrinterSettings } from '../../../shared/contract/till/printing-settings';
import { onPrintEnqueued } from './enqueue';
import { encodeSlip } from './escpos-encoder';
import { markFailed, markPrinted, nextDueJob, type PrinterChoice } from './jobs';
import { slipForJob, UnprintableJobError } from './render-job';
import type { SendOptions } from './transport';
import type { SendResult } from './transport-types';

// Drains the print queue in the background, off the cashier's path: the money event has
// committed long before a byte goes to the printer.
//
// One drain at a time (a retry pressed while the worker is printing waits for it), jobs in
// the order they were queued, and a printer that fails is left alone for the rest of the
// round, so a dead printer costs one timeout, not one per waiting slip.

export type Send = (address: string, bytes: Buffer, options: SendOptions) => Promise<SendResult>;

export type PrintWorkerDeps = {
  db: TillDb;
  clock: () => Date;
  settings: () => PrinterSettings | null;
  send: Send;
  sendOptions?: Omit<SendOptions, 'statusChecks'>;
  log: (message: string, error?: unknown) => void;
  /** How often to look for due retries. */
  pollMs: number;
};

export type PrintWorker = {
  /** Start a drain soon (a job was queued or retried). */
  kick(): void;
  /** Drain now; resolves when no due job is left (or the round gave up on every printer). */
  drain(): Promise<void>;
  /** The latest non-fault condition the printer reported (paper low). */
  warning(): string | null;
  stop(): Promise<void>;
};

export function startPrintWorker(deps: PrintWorkerDeps): PrintWorker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let warning: string | null = null;

  // `again` is set before looking at `running`, and the loop clears `running` in the same
  // step in which it sees `again` false, so a kick can never fall between a finishing round
  // and the end of the loop.
  const drain = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    again = true;
    running ??= loop();
    return running;
  };

  async function loop(): Promise<void> {
    try {
      while (again && !stopped) {
        again = false;
        await drainRound().catch((error: unknown) => deps.log('print worker failed', error));
      }
    } finally {
      running = null;
    }
  }

  async function drainRound(): Promise<void> {
    const settings = deps.settings();
    // Not set up yet: slips wait, untouched, and print once a supervisor saves settings.
    if (!settings) return;
    const skip: PrinterChoice[] = [];
    for (;;) {
      if (stopped) return;
      const now = deps.clock();
      const job = nextDueJob(deps.db, now, skip);
      if (!job) return;
      const ok = await printOne(job, settings, now);
      if (!ok) skip.push(job.printer);
    }
  }

  async function printOne(
    job: PrintJobRow,
    settings: PrinterSettings,
    now: Date,
  ): Promise<boolean> {
    const address = job.printer === 'main' ? settings.interface : settings.fallbackInterface;
    if (!address) {
      markFailed(
        deps.db,
        job,
        now,
        { code: 'NOT_CONFIGURED', message: 'No second printer is set up for this till.' },
        { transmitted: false, retry: false },
      );
      return true;
    }
    let bytes: Buffer;
    try {
      bytes = encodeSlip(slipForJob(job, settings, { now }), {
        type: settings.type,
        charset: settings.characterSet,
      });
    } catch (error) {
      const message =
        error instanceof UnprintableJobError
          ? error.message
          : `This slip could not be laid out: ${String(error)}`;
      if (!(error instanceof UnprintableJobError))
        deps.log(`print job ${job.id} could not be built`, error);
      markFailed(
        deps.db,
        job,
        now,
        { code: 'PRINTER_ERROR', message },
        { transmitted: false, retry: false },
      );
      return true;
    }
    const result = await deps.send(address, bytes, {
      ...deps.sendOptions,
      statusChecks: settings.statusChecks,
    });
    const done = deps.clock();
    if (result.ok) {
      markPrinted(deps.db, job.id, done);
      warning = result.paperLow ? 'Printer paper is running low.' : null;
      return true;
    }
    markFailed(deps.db, job, done, result.fault, { transmitted: result.transmitted, retry: true });
    return false;
  }

  const timer = setInterval(() => void drain(), deps.pollMs);
  timer.unref();
  const unsubscribe = onPrintEnqueued(() => void drain());
  // Slips left waiting when the till last stopped print as soon as it is back.
  setImmediate(() => void drain());

  return {
    kick: () => void drain(),
    drain,
    warning: () => warning,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
