import type { PrinterFault } from './status';

export type Timeouts = {
  connectMs: number;
  /** For each real-time status answer (DLE EOT). */
  statusMs: number;
  /** For the whole slip to go through the printer and GS r to be answered. */
  completionMs: number;
};

// A long layby agreement prints in about three seconds; fifteen leaves room for a slow
// printer without leaving a cashier's retry hanging past the renderer's 20 s timeout.
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 3000, statusMs: 2000, completionMs: 12_000 };

export type SendResult =
  | { ok: true; paperLow: boolean }
  | {
      ok: false;
      fault: PrinterFault;
      /** Bytes of the slip reached the printer: part of it may be on paper. */
      transmitted: boolean;
    };
