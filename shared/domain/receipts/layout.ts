import type { CharacterSetName } from './charsets';
import type { Align, Block, PaperWidth, ReceiptDocument, Slip, SlipLine } from './document';
import { printable, printableAscii } from './text';

export type LayoutOptions = { width: PaperWidth; charset: CharacterSetName };

// Amounts stay on the line of their label while the label keeps at least this many columns;
// past that (a long value on 58 mm paper) the value gets a line of its own.
const MIN_LABEL_COLUMNS = 10;
const DETAIL_INDENT = '  ';

/**
 * Lays a document out for one paper width and code page. Every text line is at most `width`
 * characters of the code page: text is sanitised and transliterated here, before it is
 * measured, so a wide character can never push a column out of line.
 */
export function layoutDocument(document: ReceiptDocument, options: LayoutOptions): Slip {
  const lines: SlipLine[] = [];
  const clean = (text: string): string => printable(text, options.charset).trim();
  for (const block of document.blocks) lines.push(...layoutBlock(block, options.width, clean));
  return { title: clean(document.title), width: options.width, lines };
}

function layoutBlock(block: Block, width: number, clean: (text: string) => string): SlipLine[] {
  switch (block.type) {
    case 'text':
      return wrap(clean(block.text), width).map((line) =>
        text(align(line, width, block.align ?? 'left'), block),
      );
    case 'pair':
      return pair(clean(block.left), clean(block.right), width).map((line) => text(line, block));
    case 'item': {
      const head = pair(clean(block.description), clean(block.amount), width);
      const detail = block.detail
        ? wrap(clean(block.detail), width - DETAIL_INDENT.length).map((l) => DETAIL_INDENT + l)
        : [];
      return [...head, ...detail].map((line) => text(line));
    }
    case 'rule':
      return [text((block.char ?? '-').repeat(width))];
    case 'blank':
      return [text('')];
    case 'signature':
      return [
        text(''),
        ...wrap(clean(block.label), width).map((l) => text(l)),
        text(''),
        text('_'.repeat(width)),
      ];
    case 'qr':
    case 'barcode': {
      const data = printableAscii(block.data).trim();
      return data === '' ? [] : [{ kind: block.type, data }];
    }
    case 'drawer':
      return [{ kind: 'drawer' }];
    case 'cut':
      return [{ kind: 'cut' }];
  }
}

function text(value: string, style: { bold?: boolean; tall?: boolean } = {}): SlipLine {
  return {
    kind: 'text',
    text: value.trimEnd(),
    bold: style.bold ?? false,
    tall: style.tall ?? false,
  };
}

function align(line: string, width: number, how: Align): string {
  if (how === 'left') return line;
  const room = width - line.length;
  return ' '.repeat(how === 'right' ? room : Math.floor(room / 2)) + line;
}

/** Greedy word wrap; a word longer than the line is broken where it must be. */
export function wrap(value: string, width: number): string[] {
  const words = value.split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (let word of words) {
    while (word.length > width) {
      if (current !== '') {
        lines.push(current);
        current = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (word === '') continue;
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current += ' ' + word;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}

/**
 * Label left, value flush right on the first line, so values form one column down the slip
 * whatever the paper. A label too long for the space left wraps under itself.
 */
export function pair(left: string, right: string, width: number): string[] {
  if (right === '') return wrap(left, width);
  const labelRoom = width - right.length - 1;
  if (labelRoom < MIN_LABEL_COLUMNS) {
    const label = left === '' ? [] : wrap(left, width);
    return [...label, ...wrap(right, width).map((line) => align(line, width, 'right'))];
  }
  const [first = '', ...rest] = wrap(left, labelRoom);
  return [first + ' '.repeat(width - first.length - right.length) + right, ...rest];
}
