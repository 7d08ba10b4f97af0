import { parsePrinterAddress } from '../../../shared/contract/till/printing-settings';
import { sendToOsPrinter } from './os-transport';
import { sendOverTcp } from './tcp-transport';
import { DEFAULT_TIMEOUTS, type SendResult, type Timeouts } from './transport-types';

export type { SendResult, Timeouts } from './transport-types';

export type SendOptions = { statusChecks: boolean; timeouts?: Timeouts; lpCommand?: string };

/** Sends a slip to a printer address (tcp://host:port or printer:NAME). */
export function sendToPrinter(
  address: string,
  bytes: Buffer,
  options: SendOptions,
): Promise<SendResult> {
  const parsed = parsePrinterAddress(address);
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  if (!parsed) {
    return Promise.resolve({
      ok: false,
      transmitted: false,
      fault: { code: 'NOT_CONFIGURED', message: `"${address}" is not a printer address.` },
    });
  }
  if (parsed.kind === 'network') {
    return sendOverTcp(parsed.host, parsed.port, bytes, {
      statusChecks: options.statusChecks,
      timeouts,
    });
  }
  return sendToOsPrinter(parsed.name, bytes, {
    timeoutMs: timeouts.completionMs,
    ...(options.lpCommand ? { command: options.lpCommand } : {}),
  });
}
