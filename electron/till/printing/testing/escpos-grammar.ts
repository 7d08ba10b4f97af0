// Splits an ESC/POS byte stream into tokens: runs of text, line feeds and whole commands.
// Shared by the decoder (what would a customer read?) and the loopback printer (which bytes
// are status requests to answer?), so both see commands where a printer would.

export type Token =
  | { type: 'text'; bytes: Buffer }
  | { type: 'lf' }
  | { type: 'command'; name: CommandName; bytes: Buffer; arg?: number; payload?: string };

export type CommandName =
  | 'init'
  | 'codepage'
  | 'bold'
  | 'mode'
  | 'size'
  | 'align'
  | 'feed'
  | 'cut'
  | 'drawer'
  | 'status-realtime'
  | 'status-paper'
  | 'qr-store'
  | 'qr-other'
  | '2d-other'
  | 'barcode'
  | 'setting'
  | 'control'
  | 'unknown';

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;

// ESC commands with a fixed number of parameter bytes after "ESC x".
const ESC_FIXED: Readonly<Record<number, [CommandName, number]>> = {
  0x40: ['init', 0], // @
  0x74: ['codepage', 1], // t n
  0x45: ['bold', 1], // E n
  0x21: ['mode', 1], // ! n
  0x61: ['align', 1], // a n
  0x64: ['feed', 1], // d n
  0x70: ['drawer', 3], // p m t1 t2
  0x2d: ['setting', 1], // - n underline
  0x4d: ['setting', 1], // M n font
  0x32: ['setting', 0], // 2 line spacing
  0x33: ['setting', 1], // 3 n
  0x7b: ['setting', 1], // { n upside down
  0x52: ['setting', 1], // R n international set
  0x42: ['setting', 2], // B n t beep
  0x3d: ['setting', 1], // = n
};

// GS commands with a fixed number of parameter bytes after "GS x".
const GS_FIXED: Readonly<Record<number, [CommandName, number]>> = {
  0x21: ['size', 1], // ! n
  0x72: ['status-paper', 1], // r n
  0x42: ['setting', 1], // B n invert
  0x48: ['setting', 1], // H n barcode text
  0x66: ['setting', 1], // f n barcode font
  0x77: ['setting', 1], // w n barcode width
  0x68: ['setting', 1], // h n barcode height
  0x7c: ['setting', 1], // | n density
};

/** The token starting at `at`, with its length; null when the bytes end mid-command. */
export function readToken(bytes: Buffer, at: number): { token: Token; length: number } | null {
  const byte = bytes[at];
  if (byte === undefined) return null;
  if (byte === 0x0a) return { token: { type: 'lf' }, length: 1 };
  if (byte >= 0x20 && byte !== 0x7f) {
    let end = at;
    while (end < bytes.length && (bytes[end] ?? 0) >= 0x20 && bytes[end] !== 0x7f) end += 1;
    return { token: { type: 'text', bytes: bytes.subarray(at, end) }, length: end - at };
  }
  if (byte === ESC) return escCommand(bytes, at);
  if (byte === GS) return gsCommand(bytes, at);
  if (byte === DLE) return dleCommand(bytes, at);
  return command('control', bytes, at, 1);
}

function escCommand(bytes: Buffer, at: number) {
  const code = bytes[at + 1];
  if (code === undefined) return null;
  // Star: ESC GS t n selects a code page.
  if (code === GS) return command('codepage', bytes, at, 4, 3);
  const fixed = ESC_FIXED[code];
  if (fixed) return command(fixed[0], bytes, at, 2 + fixed[1], fixed[1] > 0 ? 2 : undefined);
  return command('unknown', bytes, at, 2);
}

function gsCommand(bytes: Buffer, at: number) {
  const code = bytes[at + 1];
  if (code === undefined) return null;
  if (code === 0x56) {
    // GS V m: m 0/1/48/49 cut now; 65/66 feed n and cut.
    const m = bytes[at + 2];
    if (m === undefined) return null;
    return command('cut', bytes, at, m >= 65 ? 4 : 3, 2);
  }
  if (code === 0x28 && bytes[at + 2] === 0x6b) return symbolCommand(bytes, at);
  if (code === 0x6b) return barcodeCommand(bytes, at);
  const fixed = GS_FIXED[code];
  if (fixed) return command(fixed[0], bytes, at, 2 + fixed[1], fixed[1] > 0 ? 2 : undefined);
  return command('unknown', bytes, at, 2);
}

function dleCommand(bytes: Buffer, at: number) {
  const code = bytes[at + 1];
  if (code === undefined) return null;
  if (code === 0x04) return command('status-realtime', bytes, at, 3, 2);
  return command('control', bytes, at, 1);
}

// GS ( k pL pH cn fn …: QR (cn 0x31) and other 2D symbols. fn 0x50 stores the data.
function symbolCommand(bytes: Buffer, at: number) {
  const pL = bytes[at + 3];
  const pH = bytes[at + 4];
  if (pL === undefined || pH === undefined) return null;
  const length = 5 + pL + pH * 256;
  if (at + length > bytes.length) return null;
  const cn = bytes[at + 5];
  const fn = bytes[at + 6];
  const all = bytes.subarray(at, at + length);
  if (cn === 0x31 && fn === 0x50) {
    const payload = bytes.subarray(at + 8, at + length).toString('latin1');
    return { token: { type: 'command', name: 'qr-store', bytes: all, payload } as Token, length };
  }
  return {
    token: { type: 'command', name: cn === 0x31 ? 'qr-other' : '2d-other', bytes: all } as Token,
    length,
  };
}

// GS k m: m 0-6 data ends with NUL; m 65-79 has a length byte. CODE128 data starts "{B".
function barcodeCommand(bytes: Buffer, at: number) {
  const m = bytes[at + 2];
  if (m === undefined) return null;
  if (m <= 6) {
    const end = bytes.indexOf(0, at + 3);
    if (end < 0) return null;
    const payload = bytes.subarray(at + 3, end).toString('latin1');
    const all = bytes.subarray(at, end + 1);
    return {
      token: { type: 'command', name: 'barcode', bytes: all, payload } as Token,
      length: all.length,
    };
  }
  const n = bytes[at + 3];
  if (n === undefined || at + 4 + n > bytes.length) return null;
  const data = bytes.subarray(at + 4, at + 4 + n).toString('latin1');
  const payload = m === 73 ? data.replace(/^\{[ABC]/, '') : data;
  const all = bytes.subarray(at, at + 4 + n);
  return {
    token: { type: 'command', name: 'barcode', bytes: all, payload } as Token,
    length: all.length,
  };
}

function command(name: CommandName, bytes: Buffer, at: number, length: number, argAt?: number) {
  if (at + length > bytes.length) return null;
  const all = bytes.subarray(at, at + length);
  const arg = argAt === undefined ? undefined : all[argAt];
  const token: Token =
    arg === undefined
      ? { type: 'command', name, bytes: all }
      : { type: 'command', name, bytes: all, arg };
  return { token, length };
}
