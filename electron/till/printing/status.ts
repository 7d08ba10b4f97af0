// Printer status requests and how to read their answers (Epson ESC/POS reference, also
// followed by most compatibles).
//
// DLE EOT n (10 04 n) is a real-time command: the printer answers at once, even while it is
// offline with paper out or the cover open, so it tells us whether to send a slip at all.
// GS r 1 (1D 72 01) is an ordinary command: the printer answers it only after everything
// sent before it has been processed, so its answer after a job means the job went through
// the print mechanism, not just into the network buffer.

export const DLE_EOT_OFFLINE_CAUSE = Buffer.from([0x10, 0x04, 0x02]);
export const DLE_EOT_PAPER_SENSOR = Buffer.from([0x10, 0x04, 0x04]);
export const GS_R_PAPER_STATUS = Buffer.from([0x1d, 0x72, 0x01]);

export type FaultCode =
  | 'NOT_CONFIGURED'
  | 'OFFLINE'
  | 'NO_ANSWER'
  | 'PAPER_END'
  | 'COVER_OPEN'
  | 'PRINTER_ERROR'
  | 'CONNECTION_LOST'
  | 'BAD_STATUS';

export type PrinterFault = { code: FaultCode; message: string };

export type StatusReading = { fault: PrinterFault | null; paperLow: boolean };

const OK: StatusReading = { fault: null, paperLow: false };

// Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear; anything else is not a
// status byte (a printer that does not speak DLE EOT, or noise).
const isDleEotAnswer = (byte: number): boolean => (byte & 0x93) === 0x12;

/** DLE EOT 2, offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error. */
export function readOfflineCause(byte: number): StatusReading {
  if (!isDleEotAnswer(byte)) return badStatus(byte);
  if (byte & 0x04) return fault('COVER_OPEN', 'The printer cover is open.');
  if (byte & 0x20) return fault('PAPER_END', 'The printer is out of paper.');
  if (byte & 0x40) return fault('PRINTER_ERROR', 'The printer reports an error (cutter or head).');
  return OK;
}

/** DLE EOT 4, roll paper sensor: bits 2-3 paper near end, bits 5-6 paper end. */
export function readPaperSensor(byte: number): StatusReading {
  if (!isDleEotAnswer(byte)) return badStatus(byte);
  if (byte & 0x60) return fault('PAPER_END', 'The printer is out of paper.');
  return { fault: null, paperLow: (byte & 0x0c) !== 0 };
}

/** GS r 1, paper sensor status: bits 0-1 near end, bits 2-3 paper end; bit 4 is always 0. */
export function readPaperStatus(byte: number): StatusReading {
  if ((byte & 0x90) !== 0) return badStatus(byte);
  if (byte & 0x0c) return fault('PAPER_END', 'The printer ran out of paper.');
  return { fault: null, paperLow: (byte & 0x03) !== 0 };
}

function fault(code: FaultCode, message: string): StatusReading {
  return { fault: { code, message }, paperLow: false };
}

function badStatus(byte: number): StatusReading {
  return fault(
    'BAD_STATUS',
    `The printer answered a status request with 0x${byte.toString(16).padStart(2, '0')}. ` +
      'If it does not support status requests, turn status checks off in printer settings.',
  );
}
