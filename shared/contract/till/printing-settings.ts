import { z } from 'zod';
import { CHARACTER_SETS } from '../../domain/receipts/charsets';

// A till's printer, as a supervisor sets it up. Kept in the till database, so each till has
// its own and a reinstall of the app does not lose it.

/** The printer command sets node-thermal-printer knows. */
export const PRINTER_TYPES = ['epson', 'star', 'tanca', 'daruma', 'brother', 'custom'] as const;
export type PrinterType = (typeof PRINTER_TYPES)[number];

export const PRINTER_TYPE_LABELS: Record<PrinterType, string> = {
  epson: 'Epson (ESC/POS) and compatibles',
  star: 'Star',
  tanca: 'Tanca',
  daruma: 'Daruma',
  brother: 'Brother',
  custom: 'Custom',
};

// tcp://host[:port] for a network printer (port 9100 when left out), printer:NAME for a
// printer the operating system knows.
const NETWORK = /^tcp:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])(?::(\d{1,5}))?\/?$/;
const OS_PRINTER = /^printer:([A-Za-z0-9_.@-]{1,127})$/;

export type PrinterAddress =
  { kind: 'network'; host: string; port: number } | { kind: 'os'; name: string };

/** Reads a printer address; null when it is neither form. */
export function parsePrinterAddress(value: string): PrinterAddress | null {
  const network = NETWORK.exec(value);
  if (network) {
    const port = network[2] === undefined ? 9100 : Number(network[2]);
    if (port < 1 || port > 65_535) return null;
    return { kind: 'network', host: (network[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  const os = OS_PRINTER.exec(value);
  return os ? { kind: 'os', name: os[1] ?? '' } : null;
}

export const PrinterAddressText = z
  .string()
  .trim()
  .refine((value) => parsePrinterAddress(value) !== null, {
    message: 'must be tcp://host:9100 or printer:NAME',
  });

export const PrinterSettings = z.object({
  type: z.enum(PRINTER_TYPES),
  interface: PrinterAddressText,
  paperWidth: z.union([z.literal(32), z.literal(48)]),
  characterSet: z.enum(CHARACTER_SETS),
  /** Kick the cash drawer when a slip records cash in or out. */
  cashDrawer: z.boolean(),
  /** Ask the printer (DLE EOT, GS r) before and after each slip; off only for printers that never answer. */
  statusChecks: z.boolean(),
  /** Another printer to send a slip to when this one is down ("print elsewhere"). */
  fallbackInterface: PrinterAddressText.nullable(),
});
export type PrinterSettings = z.infer<typeof PrinterSettings>;

export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = {
  type: 'epson',
  interface: 'tcp://192.168.1.100:9100',
  paperWidth: 48,
  characterSet: 'PC858_EURO',
  cashDrawer: true,
  statusChecks: true,
  fallbackInterface: null,
};

export const PrinterSettingsView = z.object({
  /** False until a supervisor saves settings; the defaults are shown meanwhile. */
  configured: z.boolean(),
  settings: PrinterSettings,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type PrinterSettingsView = z.infer<typeof PrinterSettingsView>;
