import type { TillDb } from '../../../db/till/connect';
import { AppError } from '../../../shared/contract/result';
import type { printingMethods } from '../../../shared/contract/till/printing-methods';
import type { SessionInfo } from '../../../shared/contract/till-api';
import type { Handler } from '../dispatch';
import { enqueuePrint } from './enqueue';
import { supportsCharset } from './escpos-encoder';
import { readPayload } from './job-payload';
import { toJobView } from './job-view';
import { countWaiting, dismiss, getJob, insertReprint, listJobs, requeue } from './jobs';
import { receiptHeader } from './receipt-header';
import { slipForJob } from './render-job';
import {
  readPrinterSettings,
  readPrinterSettingsView,
  writePrinterSettings,
} from './settings-store';
import type { PrintWorker } from './worker';

export type PrintingHandlers = { [M in keyof typeof printingMethods]: Handler<M> };

// A retry or test print waits this long for the printer before answering "still waiting";
// the slip keeps its place in the queue either way.
const WAIT_FOR_PRINT_MS = 8_000;

export function printingHandlers(db: TillDb, worker: PrintWorker): PrintingHandlers {
  const waitForPrinter = (): Promise<void> =>
    Promise.race([
      worker.drain(),
      new Promise<void>((resolve) => setTimeout(resolve, WAIT_FOR_PRINT_MS).unref()),
    ]);

  const jobOrThrow = (id: string) => {
    const job = getJob(db, id);
    if (!job)
      throw new AppError('NOT_FOUND', 'That slip is not in this till’s print queue.', 'jobId');
    return job;
  };

  return {
    'printing:getSettings': () => readPrinterSettingsView(db),
    'printing:setSettings': (settings, { session, now }) => {
      if (!supportsCharset(settings.type, settings.characterSet)) {
        throw new AppError(
          'INVALID_INPUT',
          `characterSet: is not one a ${settings.type} printer can select; choose another, or ASCII`,
          'characterSet',
        );
      }
      writePrinterSettings(db, settings, staffName(session), now);
      worker.kick();
      return readPrinterSettingsView(db);
    },
    'printing:testPrint': async ({ openDrawer }, { session, now }) => {
      const settings = readPrinterSettings(db);
      if (!settings)
        throw new AppError('CONFLICT', 'Save the printer settings before a test print.');
      const header = receiptHeader(db, {
        cashierName: staffName(session),
        receiptNumber: testNumber(now),
        now,
      });
      const id = enqueuePrint(db, {
        receipt: {
          kind: 'TEST_PRINT',
          ...header,
          printer: {
            type: settings.type,
            interface: settings.interface,
            width: settings.paperWidth,
            characterSet: settings.characterSet,
            cashDrawer: settings.cashDrawer,
          },
          openDrawer: settings.cashDrawer && openDrawer,
        },
        createdBy: session?.staff.id ?? null,
        now,
      });
      await waitForPrinter();
      return toJobView(jobOrThrow(id));
    },
    'printing:summary': () => {
      const counts = countWaiting(db);
      const settings = readPrinterSettings(db);
      return {
        ...counts,
        configured: settings !== null,
        fallback: settings?.fallbackInterface != null,
        lastError: counts.waiting > 0 ? counts.lastError : null,
        warning: worker.warning(),
      };
    },
    'printing:queue': (filter) => ({ jobs: listJobs(db, filter).map(toJobView) }),
    'printing:retry': async ({ jobId, printer }) => {
      const job = jobOrThrow(jobId);
      if (!requeue(db, job.id, printer)) {
        throw new AppError(
          'CONFLICT',
          `This slip is ${job.status.toLowerCase()}; use Reprint for another copy.`,
        );
      }
      await waitForPrinter();
      return toJobView(jobOrThrow(jobId));
    },
    'printing:dismiss': ({ jobId, reason }, { session, now }) => {
      const job = jobOrThrow(jobId);
      if (!dismiss(db, job.id, reason, staffName(session), now)) {
        throw new AppError('CONFLICT', `This slip is already ${job.status.toLowerCase()}.`);
      }
      return toJobView(jobOrThrow(jobId));
    },
    'printing:reprint': async ({ jobId, printer }, { session, now }) => {
      const original = jobOrThrow(jobId);
      const payload = readPayload(original.payload);
      if (!payload)
        throw new AppError('CONFLICT', 'This slip has no printable receipt data to reprint.');
      const id = insertReprint(
        db,
        original,
        payload,
        { label: 'REPRINT', at: now.toISOString(), by: staffName(session) },
        { printer, createdBy: session?.staff.id ?? 'unknown', now },
      );
      await waitForPrinter();
      return toJobView(jobOrThrow(id));
    },
    'printing:preview': ({ jobId, width }, { now }) => {
      const job = jobOrThrow(jobId);
      const settings = readPrinterSettingsView(db).settings;
      try {
        const slip = slipForJob(job, settings, { now, ...(width ? { width } : {}) });
        return { jobId: job.id, ...slip };
      } catch (error) {
        throw new AppError('CONFLICT', error instanceof Error ? error.message : String(error));
      }
    },
  };
}

function staffName(session: SessionInfo | null): string {
  return session?.staff.fullName ?? 'Unknown staff';
}

// Test slips are not money events, so they take no number from the receipt series.
function testNumber(now: Date): string {
  return `TEST-${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;
}
