import { codePage, type CharacterSetName } from '../../../../shared/domain/receipts/charsets';
import { readToken, type CommandName } from './escpos-grammar';

// Turns printer bytes back into what a customer would read: the printed lines with their
// style, and the commands in between (cut, drawer kick with all its bytes, QR payload).
// Tests assert on this, never on raw bytes, so they say what the slip shows.

export type DecodedLine = { text: string; bold: boolean; tall: boolean };
export type DecodedCommand = {
  name: CommandName;
  bytes: number[];
  /** Index of the line being printed when the command came. */
  atLine: number;
  payload?: string;
};
export type DecodedSlip = {
  lines: DecodedLine[];
  commands: DecodedCommand[];
  /** The printed text, one line per entry. */
  text: string[];
  /** Bytes that ended mid-command (a job cut off by a fault). */
  truncated: boolean;
};

// Epson ESC t numbers of the code pages the till offers.
const EPSON_PAGES: Readonly<Record<number, CharacterSetName>> = {
  0: 'PC437_USA',
  2: 'PC850_MULTILINGUAL',
  16: 'WPC1252',
  19: 'PC858_EURO',
  40: 'ISO8859_15_LATIN9',
};

export function decodeEscPos(bytes: Buffer): DecodedSlip {
  const lines: DecodedLine[] = [];
  const commands: DecodedCommand[] = [];
  let page = codePage('PC437_USA');
  let current = '';
  let bold = false;
  let tall = false;
  let lineBold = false;
  let lineTall = false;
  let at = 0;
  const endLine = () => {
    lines.push({
      text: current,
      bold: current === '' ? bold : lineBold,
      tall: current === '' ? tall : lineTall,
    });
    current = '';
  };
  while (at < bytes.length) {
    const next = readToken(bytes, at);
    if (!next) break;
    at += next.length;
    const { token } = next;
    if (token.type === 'lf') {
      endLine();
      continue;
    }
    if (token.type === 'text') {
      if (current === '') {
        lineBold = bold;
        lineTall = tall;
      }
      for (const byte of token.bytes) current += page.toChar[byte] ?? '\ufffd';
      continue;
    }
    const decoded: DecodedCommand = {
      name: token.name,
      bytes: [...token.bytes],
      atLine: lines.length,
    };
    if (token.payload !== undefined) decoded.payload = token.payload;
    commands.push(decoded);
    if (token.name === 'bold') bold = (token.arg ?? 0) & 1 ? true : false;
    if (token.name === 'mode' || token.name === 'size')
      tall = ((token.arg ?? 0) & (token.name === 'mode' ? 0x10 : 0x0f)) !== 0;
    if (token.name === 'init') {
      bold = false;
      tall = false;
      page = codePage('PC437_USA');
    }
    if (token.name === 'codepage' && token.bytes.length === 3) {
      const name = EPSON_PAGES[token.arg ?? 0];
      if (name) page = codePage(name);
    }
  }
  if (current !== '') endLine();
  return { lines, commands, text: lines.map((l) => l.text), truncated: at < bytes.length };
}

/**
 * Splits a printer's whole output into slips. A slip ends at a paper cut, or where the next
 * job resets the printer (ESC @) before the one in progress was cut: what a job cut short by
 * a fault leaves on the paper. Stretches with nothing printed are not slips.
 */
export function splitSlips(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  let at = 0;
  while (at < bytes.length) {
    const next = readToken(bytes, at);
    if (!next) break;
    const { token } = next;
    if (token.type === 'command' && token.name === 'init' && at > start) {
      parts.push(bytes.subarray(start, at));
      start = at;
    }
    at += next.length;
    if (token.type === 'command' && token.name === 'cut') {
      parts.push(bytes.subarray(start, at));
      start = at;
    }
  }
  parts.push(bytes.subarray(start));
  return parts.filter((part) => decodeEscPos(part).lines.length > 0);
}

/** Whether a decoded slip is complete: it ends with a paper cut. */
export function isWholeSlip(slip: DecodedSlip): boolean {
  return slip.commands.some((c) => c.name === 'cut');
}
