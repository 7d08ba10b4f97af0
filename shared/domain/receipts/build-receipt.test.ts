import { describe, expect, it } from 'vitest';
import { PAPER_WIDTHS } from './document';
import { needsDrawer, receiptReference, receiptTitle } from './build-receipt';
import { renderSlip, slipText } from './slip';
import * as sample from './testing/samples';
import type { ReceiptData } from './receipt-data';

const reprint = { label: 'REPRINT', at: '2025-03-12T13:30:00.000Z', by: 'Farai Moyo' } as const;
const render = (data: ReceiptData, width: 32 | 48, extra = {}) =>
  renderSlip(data, { width, charset: 'PC858_EURO', ...extra });
const joined = (data: ReceiptData, width: 32 | 48, extra = {}) =>
  slipText(render(data, width, extra).lines).join('\n');

describe.each(PAPER_WIDTHS)('every receipt at %i columns', (width) => {
  it.each(sample.everyReceipt().map((data) => [receiptTitle(data), data] as const))(
    '%s names the store, till, cashier, time and number, and ends with QR and cut',
    (_title, data) => {
      const slip = render(data, width);
      const text = slipText(slip.lines).join('\n');
      for (const expected of [
        'Unitill Clothing',
        '45 Samora Machel Avenue, Harare',
        'Tel +263 242 700 100',
        'VAT No. 10023456',
        'Front counter 1',
        'Rutendo Chikore',
        '12 Mar 2025 14:05',
        data.receiptNumber,
      ])
        expect(text).toContain(expected);
      expect(slip.lines.find((l) => l.kind === 'qr')).toEqual({
        kind: 'qr',
        data: data.receiptNumber,
      });
      expect(slip.lines.at(-1)).toEqual({ kind: 'cut' });
      expect(slip.lines.filter((l) => l.kind === 'cut')).toHaveLength(1);
    },
  );

  it.each(sample.everyReceipt().map((data) => [receiptTitle(data), data] as const))(
    '%s lines every amount up in the right-hand column',
    (_title, data) => {
      for (const line of slipText(render(data, width).lines)) {
        expect(line.length).toBeLessThanOrEqual(width);
        if (/(US\$|ZiG )[\d,]+\.\d\d$/.test(line) && !line.startsWith(' '))
          expect(line).toHaveLength(width);
      }
    },
  );

  it('shows what was paid and how, the balance and the next due date on a layby payment', () => {
    const text = joined(sample.laybyPayment(), width);
    expect(text).toMatch(/Cash +US\$50\.00/);
    expect(text).toMatch(/Change +US\$10\.00/);
    expect(text).toMatch(/Balance remaining +US\$92\.00/);
    expect(text).toMatch(/Next payment due +12 Apr 2025/);
    expect(text).toContain('LAY-CLO-000012');
    expect(text).toContain('CLO-CUST-000045');
    expect(text).toContain('Chipo Ndlovu');
  });

  it('shows the mobile money reference and the account balance on an account payment', () => {
    const text = joined(sample.accountPayment(), width);
    expect(text).toContain('Ref MP250312.1405.A12345');
    expect(text).toMatch(/Balance remaining +ZiG 1,749\.50/);
  });

  it('marks a reprint at the top and the bottom with its time, and never opens the drawer', () => {
    const slip = render(sample.laybyPayment(), width, { copy: reprint, openDrawer: true });
    const text = slipText(slip.lines);
    expect(text.some((l) => l.trim() === '*** REPRINT ***')).toBe(true);
    expect(text.some((l) => l.includes('Reprinted 12 Mar 2025 15:30'))).toBe(true);
    expect(text.some((l) => l.includes('REPRINT - NOT THE ORIGINAL'))).toBe(true);
    expect(slip.lines.some((l) => l.kind === 'drawer')).toBe(false);
  });

  it('opens the drawer first when asked, before anything prints', () => {
    const slip = render(sample.laybyPayment(), width, { openDrawer: true });
    expect(slip.lines[0]).toEqual({ kind: 'drawer' });
  });

  it('prints the agreement schedule, terms, cancellation policy and signature lines', () => {
    const text = joined(sample.laybyAgreement(), width);
    expect(text).toMatch(/26 Mar 2025 +US\$48\.00/);
    expect(text).toMatch(/Deposit required \(20%\) +US\$48\.00/);
    expect(text).toContain('Cancellation policy');
    expect(text).toContain('_'.repeat(width));
  });

  it('keeps a hostile customer name readable and free of printer commands', () => {
    const data = sample.laybyPayment({
      customer: { number: 'CLO-CUST-000046', name: 'Evil\x1bp\x00\x19\xfa\x1dV\x00 Name' },
    });
    const lines = slipText(render(data, width).lines);
    // eslint-disable-next-line no-control-regex -- asserting there are none
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(lines.join('\n')).toContain('EvilpúV Name');
  });
});

describe('receipt facts', () => {
  it.each([
    ['cash layby payment', true, sample.laybyPayment()],
    ['EcoCash account payment', false, sample.accountPayment()],
    ['card sale', false, sample.sale()],
    ['cash refund on cancellation', true, sample.laybyCancellation()],
    ['agreement (no money)', false, sample.laybyAgreement()],
  ] as const)('%s needs the drawer: %s', (_case, expected, data) => {
    expect(needsDrawer(data)).toBe(expected);
  });

  it('finds the customer and the layby or account for history look-ups', () => {
    expect(receiptReference(sample.laybyPayment())).toEqual({
      customerNumber: 'CLO-CUST-000045',
      customerName: 'Chipo Ndlovu',
      reference: 'LAY-CLO-000012',
    });
    expect(receiptReference(sample.sale()).reference).toBeNull();
  });
});
