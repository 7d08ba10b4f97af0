import { footerBlocks, headerBlocks, type BuildOptions } from './build-common';
import type { Block, ReceiptDocument } from './document';
import type { ReceiptOf } from './receipt-data';

// What a supervisor prints after setting a printer up: the settings in use, a ruler that
// shows the paper width is right, an amount in the amount column, and accented names to
// show the character set.
export function testPrint(data: ReceiptOf<'TEST_PRINT'>, options: BuildOptions): ReceiptDocument {
  const title = 'Printer test';
  const { printer } = data;
  const ruler = Array.from({ length: printer.width }, (_, i) => String((i + 1) % 10)).join('');
  const blocks: Block[] = [
    ...headerBlocks(data, title, options),
    { type: 'rule' },
    { type: 'text', text: 'If you can read this, the till reaches its printer.' },
    { type: 'blank' },
    { type: 'pair', left: 'Printer type', right: printer.type },
    { type: 'pair', left: 'Connection', right: printer.interface },
    { type: 'pair', left: 'Paper', right: `${printer.width} columns` },
    { type: 'pair', left: 'Character set', right: printer.characterSet },
    { type: 'pair', left: 'Cash drawer', right: printer.cashDrawer ? 'opens on cash' : 'off' },
    { type: 'rule' },
    { type: 'text', text: ruler },
    { type: 'pair', left: 'Amount column', right: 'US$1,234.56' },
    { type: 'pair', left: 'In Zimbabwe Gold', right: 'ZiG 98,765.43' },
    { type: 'text', text: 'Names: Zoë Müller, José Núñez, Łukasz “Luke” O’Brien – ok' },
    { type: 'text', text: 'Bold line', bold: true },
    { type: 'text', text: 'Tall line', tall: true },
    ...footerBlocks(data, 'End of test.', options),
  ];
  return { title, blocks };
}
