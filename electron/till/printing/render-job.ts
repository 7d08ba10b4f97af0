import type { PrintJobRow } from '../../../db/till/schema';
import type { PrinterSettings } from '../../../shared/contract/till/printing-settings';
import { needsDrawer } from '../../../shared/domain/receipts/build-receipt';
import type { PaperWidth, Slip } from '../../../shared/domain/receipts/document';
import { renderSlip } from '../../../shared/domain/receipts/slip';
import { readPayload } from './job-payload';

// A queued job as a slip for the printer the till has now: its paper width and code page
// are applied at print time, so a slip queued before a printer swap prints right on the new
// one.

// The drawer opens only when the slip prints while the customer is still at the counter. A
// slip that prints minutes later (printer fixed, queue drained) must not swing an unattended
// drawer open; the cashier has opened it with the key meanwhile.
export const DRAWER_WINDOW_MS = 60_000;

export const RESENT_NOTICE = 'SENT AGAIN AFTER A PRINTER FAULT';

export class UnprintableJobError extends Error {
  override name = 'UnprintableJobError';
}

export function slipForJob(
  job: PrintJobRow,
  settings: Pick<PrinterSettings, 'paperWidth' | 'characterSet' | 'cashDrawer'>,
  options: { now: Date; width?: PaperWidth },
): Slip {
  const payload = readPayload(job.payload);
  if (!payload) {
    throw new UnprintableJobError(job.lastError ?? 'This slip has no printable receipt data.');
  }
  const age = options.now.getTime() - new Date(job.createdAt).getTime();
  const openDrawer =
    settings.cashDrawer &&
    payload.copy === null &&
    !job.sentUnconfirmed &&
    age <= DRAWER_WINDOW_MS &&
    needsDrawer(payload.receipt);
  return renderSlip(payload.receipt, {
    width: options.width ?? settings.paperWidth,
    charset: settings.characterSet,
    copy: payload.copy,
    openDrawer,
    notice: job.sentUnconfirmed ? RESENT_NOTICE : null,
  });
}
