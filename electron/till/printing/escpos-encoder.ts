import thermal from 'node-thermal-printer';
import { codePage, type CharacterSetName } from '../../../shared/domain/receipts/charsets';
import type { Slip, SlipLine } from '../../../shared/domain/receipts/document';
import type { PrinterType } from '../../../shared/contract/till/printing-settings';

// Slip lines to printer bytes.
//
// node-thermal-printer supplies the command bytes of each printer family (Epson's ESC E 1 is
// Star's ESC E; code page, QR, cut), so one slip prints on every type it knows. Three things
// are done here on the raw buffer instead, on purpose:
// - Text bytes come from our own code page tables. The library's append() silently
//   switches code page when a character is missing from the active one; our text is
//   already transliterated to the page, so the bytes are exactly what the preview shows.
// - The cash drawer gets the full 5-byte ESC p m t1 t2 (pin 2, 50 ms on, 500 ms off). The
//   library's openCashDrawer() sends ESC p 0 and ESC p 1 without their pulse times, which
//   many drawers ignore and which leave the printer reading the next bytes as pulse times.
// - Nothing here talks to the printer; sending (with status checks) is tcp-transport.ts.

const { ThermalPrinter, PrinterTypes } = thermal;

export const DRAWER_KICK = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);

const TYPES: Record<PrinterType, thermal.PrinterTypes> = {
  epson: PrinterTypes.EPSON,
  star: PrinterTypes.STAR,
  tanca: PrinterTypes.TANCA,
  daruma: PrinterTypes.DARUMA,
  brother: PrinterTypes.BROTHER,
  custom: PrinterTypes.CUSTOM,
};

// Star's own drawer command (ESC BEL n1 n2 BEL), as node-thermal-printer has it.
const STAR_DRAWER_KICK = Buffer.from([0x1b, 0x07, 0x0b, 0x37, 0x07]);
// Printer types whose QR command node-thermal-printer implements; others print the number.
const HAS_QR: ReadonlySet<PrinterType> = new Set(['epson', 'star', 'tanca', 'brother', 'custom']);

export type EncodeOptions = { type: PrinterType; charset: CharacterSetName };

// The command bytes a slip needs, taken from node-thermal-printer once per printer type and
// code page. The slip is then assembled in one Buffer.concat: the library's own append()
// copies the whole buffer on every call, which made a long layby agreement quadratic.
type Commands = {
  start: Buffer;
  boldOn: Buffer;
  boldOff: Buffer;
  tall: Buffer;
  normal: Buffer;
  newLine: Buffer;
  center: Buffer;
  left: Buffer;
  cut: Buffer;
};

const commandCache = new Map<string, Commands>();

function commandsFor(type: PrinterType, charset: CharacterSetName): Commands {
  const key = `${type}/${charset}`;
  const known = commandCache.get(key);
  if (known) return known;
  const take = (build: (printer: thermal.ThermalPrinter) => void) => capture(type, build);
  const commands: Commands = {
    // ESC @ first: whatever a half-printed earlier job left set (bold, double height, a
    // code page) is reset before this slip starts; then the code page, then left align.
    // initHardware() is public in the library (Brother needs more than ESC @) but missing
    // from its type declarations.
    start: take((p) => {
      (p as unknown as { initHardware(): void }).initHardware();
      if (charset !== 'ASCII') p.setCharacterSet(thermal.CharacterSet[charset]);
      p.alignLeft();
    }),
    boldOn: take((p) => p.bold(true)),
    boldOff: take((p) => p.bold(false)),
    tall: take((p) => p.setTextDoubleHeight()),
    normal: take((p) => p.setTextNormal()),
    newLine: take((p) => p.newLine()),
    center: take((p) => p.alignCenter()),
    left: take((p) => p.alignLeft()),
    cut: take((p) => p.cut()),
  };
  commandCache.set(key, commands);
  return commands;
}

/** The bytes node-thermal-printer produces for some commands, on a printer of this type. */
function capture(type: PrinterType, build: (printer: thermal.ThermalPrinter) => void): Buffer {
  // No interface: this object only builds bytes and never talks to a printer.
  const printer = new ThermalPrinter({ type: TYPES[type], interface: '' });
  printer.setBuffer(Buffer.alloc(0));
  build(printer);
  return Buffer.from((printer.getBuffer() as Buffer | null) ?? Buffer.alloc(0));
}

export function encodeSlip(slip: Slip, options: EncodeOptions): Buffer {
  const commands = commandsFor(options.type, options.charset);
  const { toByte } = codePage(options.charset);
  const parts: Buffer[] = [commands.start];
  let bold = false;
  let tall = false;
  for (const line of slip.lines) {
    if (line.kind === 'text') {
      if (line.bold !== bold) {
        bold = line.bold;
        parts.push(bold ? commands.boldOn : commands.boldOff);
      }
      if (line.tall !== tall) {
        tall = line.tall;
        parts.push(tall ? commands.tall : commands.normal);
      }
      parts.push(textBytes(line.text, toByte), commands.newLine);
      continue;
    }
    parts.push(...commandBytes(line, options.type, commands));
  }
  return Buffer.concat(parts);
}

function commandBytes(line: SlipLine, type: PrinterType, commands: Commands): Buffer[] {
  switch (line.kind) {
    case 'drawer':
      return [type === 'star' ? STAR_DRAWER_KICK : DRAWER_KICK];
    case 'qr':
      if (!HAS_QR.has(type)) return [];
      return [
        commands.center,
        capture(type, (p) => p.printQR(line.data, { cellSize: 4, correction: 'M', model: 2 })),
        commands.newLine,
        commands.left,
      ];
    case 'barcode':
      return [
        commands.center,
        capture(type, (p) => p.code128(line.data, { height: 60, text: 0 })),
        commands.newLine,
        commands.left,
      ];
    case 'cut':
      return [commands.cut];
    case 'text':
      return [];
  }
}

/** Whether node-thermal-printer can select this code page on this printer type. */
export function supportsCharset(type: PrinterType, charset: CharacterSetName): boolean {
  if (charset === 'ASCII') return true;
  if (type === 'star' && STAR_UNKNOWN.has(charset)) return false;
  try {
    capture(type, (p) => p.setCharacterSet(thermal.CharacterSet[charset]));
    return true;
  } catch {
    return false;
  }
}

// node-thermal-printer marks these Star code pages "UNKNOWN" and sends page 0 for them.
const STAR_UNKNOWN: ReadonlySet<CharacterSetName> = new Set([
  'PC850_MULTILINGUAL',
  'ISO8859_15_LATIN9',
]);

function textBytes(text: string, toByte: ReadonlyMap<string, number>): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  let length = 0;
  for (const char of text) bytes[length++] = toByte.get(char) ?? 0x3f;
  return bytes.subarray(0, length);
}
