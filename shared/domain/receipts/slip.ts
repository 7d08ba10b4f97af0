import { buildReceipt, type BuildOptions } from './build-receipt';
import type { CharacterSetName } from './charsets';
import type { PaperWidth, Slip, SlipLine } from './document';
import { layoutDocument } from './layout';
import type { ReceiptData } from './receipt-data';

export type SlipOptions = BuildOptions & { width: PaperWidth; charset: CharacterSetName };

/** Receipt data to the lines of a slip for one printer: what the preview draws and the printer prints. */
export function renderSlip(data: ReceiptData, options: SlipOptions): Slip {
  return layoutDocument(buildReceipt(data, options), {
    width: options.width,
    charset: options.charset,
  });
}

/** The slip as plain text, one string per printed line (for tests and logs). */
export function slipText(lines: readonly SlipLine[]): string[] {
  return lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));
}
