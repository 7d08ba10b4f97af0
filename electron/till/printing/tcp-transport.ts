import { ConnectionError, openConnection, type PrinterConnection } from './printer-connection';
import {
  DLE_EOT_OFFLINE_CAUSE,
  DLE_EOT_PAPER_SENSOR,
  GS_R_PAPER_STATUS,
  readOfflineCause,
  readPaperSensor,
  readPaperStatus,
  type PrinterFault,
  type StatusReading,
} from './status';
import type { SendResult, Timeouts } from './transport-types';

// Sends one slip to a network printer and finds out whether it printed.
//
// Before: DLE EOT 2 and 4 (answered at once, even when the printer is stopped). Paper out,
// cover open or no answer: the slip is not sent at all, so a printer that buffers data
// while stopped cannot print it later behind our back and then again on retry.
// After: GS r 1, which the printer answers only once it has worked through the slip, then
// DLE EOT 2 again. No answer or paper end after the bytes went out is a fault too, and the
// job is marked as possibly half-printed (transmitted) so the next print says it is a resend.
export async function sendOverTcp(
  host: string,
  port: number,
  bytes: Buffer,
  options: { statusChecks: boolean; timeouts: Timeouts },
): Promise<SendResult> {
  const { timeouts } = options;
  let connection: PrinterConnection;
  try {
    connection = await openConnection(host, port, timeouts.connectMs);
  } catch (error) {
    return { ok: false, transmitted: false, fault: offline(error, host, port) };
  }
  let transmitted = false;
  try {
    let paperLow = false;
    if (options.statusChecks) {
      const before = await ask(
        connection,
        [
          [DLE_EOT_OFFLINE_CAUSE, readOfflineCause],
          [DLE_EOT_PAPER_SENSOR, readPaperSensor],
        ],
        timeouts.statusMs,
      );
      if (before.fault) return failed(connection, before.fault, false);
      paperLow = before.paperLow;
    }
    transmitted = true;
    await connection.write(bytes, timeouts.completionMs);
    if (options.statusChecks) {
      const done = await askOne(
        connection,
        GS_R_PAPER_STATUS,
        readPaperStatus,
        timeouts.completionMs,
      );
      if (done.fault) return failed(connection, done.fault, true);
      const after = await askOne(
        connection,
        DLE_EOT_OFFLINE_CAUSE,
        readOfflineCause,
        timeouts.statusMs,
      );
      if (after.fault) return failed(connection, after.fault, true);
      paperLow ||= done.paperLow;
    }
    connection.end();
    return { ok: true, paperLow };
  } catch (error) {
    connection.destroy();
    return { ok: false, transmitted, fault: duringJob(error, transmitted) };
  }
}

async function ask(
  connection: PrinterConnection,
  requests: readonly (readonly [Buffer, (byte: number) => StatusReading])[],
  timeoutMs: number,
): Promise<StatusReading> {
  let paperLow = false;
  for (const [request, read] of requests) {
    const reading = await askOne(connection, request, read, timeoutMs);
    if (reading.fault) return reading;
    paperLow ||= reading.paperLow;
  }
  return { fault: null, paperLow };
}

async function askOne(
  connection: PrinterConnection,
  request: Buffer,
  read: (byte: number) => StatusReading,
  timeoutMs: number,
): Promise<StatusReading> {
  await connection.write(request, timeoutMs);
  return read(await connection.readByte(timeoutMs));
}

function failed(
  connection: PrinterConnection,
  fault: PrinterFault,
  transmitted: boolean,
): SendResult {
  connection.destroy();
  return { ok: false, transmitted, fault };
}

function offline(error: unknown, host: string, port: number): PrinterFault {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'OFFLINE',
    message: `The printer at ${host}:${port} is not reachable. ${detail} Check it is on and its cable is in.`,
  };
}

function duringJob(error: unknown, transmitted: boolean): PrinterFault {
  if (error instanceof ConnectionError && error.reason === 'timeout') {
    return {
      code: 'NO_ANSWER',
      message: transmitted
        ? 'The printer took the slip but never confirmed printing it (paper jam, paper out or cover open?).'
        : 'The printer did not answer a status request.',
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'CONNECTION_LOST', message: `The connection to the printer broke. ${detail}` };
}
