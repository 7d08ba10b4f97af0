import { describe, expect, it } from 'vitest';
import { CHARACTER_SETS } from '../../../shared/domain/receipts/charsets';
import { PAPER_WIDTHS } from '../../../shared/domain/receipts/document';
import { layoutDocument } from '../../../shared/domain/receipts/layout';
import { renderSlip } from '../../../shared/domain/receipts/slip';
import * as sample from '../../../shared/domain/receipts/testing/samples';
import { PRINTER_TYPES } from '../../../shared/contract/till/printing-settings';
import { DRAWER_KICK, encodeSlip, supportsCharset } from './escpos-encoder';
import { decodeEscPos, splitSlips } from './testing/decode-escpos';

const reprint = { label: 'REPRINT', at: '2025-03-12T13:30:00.000Z', by: 'Farai Moyo' } as const;

describe.each(PAPER_WIDTHS)('ESC/POS bytes at %i columns', (width) => {
  it.each(sample.everyReceipt().map((d) => [d.kind, d] as const))(
    '%s decodes back to exactly the lines of the preview',
    (_kind, data) => {
      const slip = renderSlip(data, { width, charset: 'PC858_EURO' });
      const decoded = decodeEscPos(encodeSlip(slip, { type: 'epson', charset: 'PC858_EURO' }));
      // A QR code is followed by a line feed, which prints as an empty line under it.
      const expected = slip.lines.flatMap((l) =>
        l.kind === 'text' ? [l.text] : l.kind === 'qr' ? [''] : [],
      );
      expect(decoded.text).toEqual(expected);
      expect(decoded.truncated).toBe(false);
    },
  );

  it('prints a layby payment a customer can check: numbers, balance, due date, QR, one cut', () => {
    const slip = renderSlip(sample.laybyPayment(), { width, charset: 'PC858_EURO' });
    const decoded = decodeEscPos(encodeSlip(slip, { type: 'epson', charset: 'PC858_EURO' }));
    const text = decoded.text.join('\n');
    expect(text).toMatch(/Receipt no +R-CLO-01-000123/);
    expect(text).toMatch(/Amount paid +US\$50\.00/);
    expect(text).toMatch(/Balance remaining +US\$92\.00/);
    expect(text).toMatch(/Next payment due +12 Apr 2025/);
    const amountLine = decoded.lines.find((l) => l.text.startsWith('Amount paid'));
    expect(amountLine).toMatchObject({ bold: true, tall: true });
    expect(decoded.commands.filter((c) => c.name === 'qr-store').map((c) => c.payload)).toEqual([
      'R-CLO-01-000123',
    ]);
    expect(decoded.commands.filter((c) => c.name === 'cut')).toHaveLength(1);
    expect(decoded.commands.some((c) => c.name === 'drawer')).toBe(false);
  });

  it('kicks the drawer with the full 5-byte ESC p before the first line when cash moved', () => {
    const slip = renderSlip(sample.laybyPayment(), {
      width,
      charset: 'PC858_EURO',
      openDrawer: true,
    });
    const decoded = decodeEscPos(encodeSlip(slip, { type: 'epson', charset: 'PC858_EURO' }));
    const kicks = decoded.commands.filter((c) => c.name === 'drawer');
    expect(kicks).toEqual([{ name: 'drawer', bytes: [...DRAWER_KICK], atLine: 0 }]);
    expect(kicks[0]?.bytes).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa]);
  });

  it('marks a reprint and never kicks the drawer for it', () => {
    const slip = renderSlip(sample.laybyPayment(), {
      width,
      charset: 'PC858_EURO',
      openDrawer: true,
      copy: reprint,
    });
    const decoded = decodeEscPos(encodeSlip(slip, { type: 'epson', charset: 'PC858_EURO' }));
    const banner = decoded.lines.find((l) => l.text.trim() === '*** REPRINT ***');
    expect(banner).toMatchObject({ bold: true, tall: true });
    expect(decoded.text.join('\n')).toContain('Reprinted 12 Mar 2025 15:30');
    expect(decoded.commands.some((c) => c.name === 'drawer')).toBe(false);
  });

  it('prints a customer named with printer commands as text: no drawer, no extra cut', () => {
    const data = sample.laybyPayment({
      tenders: [],
      customer: { number: 'CLO-CUST-000046', name: 'A\x1bp\x00\x19\xfaB\x1dV\x00C\x10\x04\x02' },
    });
    const slip = renderSlip(data, { width, charset: 'PC437_USA' });
    const bytes = encodeSlip(slip, { type: 'epson', charset: 'PC437_USA' });
    const decoded = decodeEscPos(bytes);
    expect(decoded.commands.filter((c) => c.name === 'drawer')).toHaveLength(0);
    expect(decoded.commands.filter((c) => c.name === 'cut')).toHaveLength(1);
    expect(decoded.commands.filter((c) => c.name === 'status-realtime')).toHaveLength(0);
    expect(decoded.text.join('\n')).toContain('ApúBVC');
    expect(splitSlips(bytes)).toHaveLength(1);
  });

  it('writes accented names in the code page the printer is set to', () => {
    const data = sample.laybyPayment({ customer: { number: 'X-1', name: 'Zoë Núñez – O’Brien' } });
    const slip = renderSlip(data, { width, charset: 'PC850_MULTILINGUAL' });
    const decoded = decodeEscPos(
      encodeSlip(slip, { type: 'epson', charset: 'PC850_MULTILINGUAL' }),
    );
    expect(decoded.commands.find((c) => c.name === 'codepage')?.bytes).toEqual([0x1b, 0x74, 2]);
    expect(decoded.text.join('\n')).toContain("Zoë Núñez - O'Brien");
  });
});

describe('symbols', () => {
  it('encodes a CODE128 barcode whose payload decodes back', () => {
    const slip = layoutDocument(
      { title: 'x', blocks: [{ type: 'barcode', data: 'LAY-CLO-000012' }, { type: 'cut' }] },
      { width: 48, charset: 'PC437_USA' },
    );
    const decoded = decodeEscPos(encodeSlip(slip, { type: 'epson', charset: 'PC437_USA' }));
    expect(decoded.commands.find((c) => c.name === 'barcode')?.payload).toBe('LAY-CLO-000012');
  });
});

describe('printer types', () => {
  it.each(PRINTER_TYPES)('%s builds a slip that starts with a reset and holds the text', (type) => {
    const charset = supportsCharset(type, 'PC437_USA') ? 'PC437_USA' : 'ASCII';
    const slip = renderSlip(sample.laybyPayment(), { width: 48, charset, openDrawer: true });
    const bytes = encodeSlip(slip, { type, charset });
    expect(bytes.includes(Buffer.from('Balance remaining'))).toBe(true);
    expect(bytes.includes(Buffer.from('R-CLO-01-000123'))).toBe(true);
  });

  it('knows which code pages each printer type can select', () => {
    expect(CHARACTER_SETS.filter((c) => supportsCharset('epson', c))).toEqual(CHARACTER_SETS);
    expect(supportsCharset('star', 'PC858_EURO')).toBe(true);
    expect(supportsCharset('star', 'PC850_MULTILINGUAL')).toBe(false);
    expect(supportsCharset('brother', 'PC437_USA')).toBe(false);
    expect(supportsCharset('brother', 'ASCII')).toBe(true);
  });
});
