// The receipt document model, in two stages:
//
// - Blocks say what a slip contains (a heading, a label with an amount, an item, a QR code)
//   without knowing the paper. Receipt builders produce them from typed receipt data.
// - SlipLines are the blocks laid out for one paper width and code page: every text line is
//   final, at most `width` characters, already aligned with spaces. The ESC/POS encoder and
//   the on-screen preview both draw SlipLines, so the preview is the slip.

export const PAPER_WIDTHS = [32, 48] as const;
/** Characters per line in font A: 58 mm paper holds 32, 80 mm paper holds 48. */
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

export type Align = 'left' | 'center' | 'right';
export type TextStyle = { bold?: boolean; tall?: boolean };

export type Block =
  /** A paragraph, wrapped at word boundaries. */
  | ({ type: 'text'; text: string; align?: Align } & TextStyle)
  /** A label on the left and a value (usually an amount) flush right. */
  | ({ type: 'pair'; left: string; right: string } & TextStyle)
  /** A sold or laid-by item: description with its amount, and a detail line under it. */
  | { type: 'item'; description: string; amount: string; detail?: string }
  | { type: 'rule'; char?: '-' | '=' }
  | { type: 'blank' }
  /** A line to sign on. */
  | { type: 'signature'; label: string }
  | { type: 'qr'; data: string }
  | { type: 'barcode'; data: string }
  | { type: 'drawer' }
  | { type: 'cut' };

export type ReceiptDocument = { title: string; blocks: Block[] };

export type SlipLine =
  | { kind: 'text'; text: string; bold: boolean; tall: boolean }
  | { kind: 'qr'; data: string }
  | { kind: 'barcode'; data: string }
  /** The full 5-byte cash drawer kick; never part of a reprint. */
  | { kind: 'drawer' }
  | { kind: 'cut' };

export type Slip = { title: string; width: PaperWidth; lines: SlipLine[] };
