import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARACTER_SETS } from './charsets';
import { PAPER_WIDTHS, type Block } from './document';
import { layoutDocument, pair, wrap } from './layout';

describe('wrap', () => {
  it.each([
    ['short text', 'Thank you', 10, ['Thank you']],
    ['at word boundaries', 'Goods stay in the store', 10, ['Goods stay', 'in the', 'store']],
    ['a word longer than the line', 'LAY-CLO-000000000012', 8, ['LAY-CLO-', '00000000', '0012']],
    ['empty text', '', 10, ['']],
  ])('wraps %s', (_case, text, width, expected) => {
    expect(wrap(text, width)).toEqual(expected);
  });
});

describe('pair', () => {
  it('puts the amount flush right on the first line', () => {
    expect(pair('Balance remaining', 'US$92.00', 32)).toEqual(['Balance remaining       US$92.00']);
  });

  it('wraps a long label under itself and keeps the amount column', () => {
    const lines = pair('Ladies winter coat, charcoal, wool blend', 'US$180.00', 32);
    expect(lines[0]).toMatch(/US\$180\.00$/);
    expect(lines[0]).toHaveLength(32);
    expect(lines.slice(1).every((l) => !l.includes('US$'))).toBe(true);
  });

  it('gives a value too wide for the label its own right-aligned line', () => {
    const lines = pair('Customer', 'Tatenda Chipo Nyasha Ndlovu-Mutasa', 32);
    expect(lines[0]).toBe('Customer');
    expect(lines.slice(1).every((l) => l.length === 32 || l.trimStart() === l)).toBe(true);
  });
});

const anyText = fc.string({ unit: 'binary', maxLength: 120 });
const anyBlock: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    type: fc.constant('text' as const),
    text: anyText,
    align: fc.constantFrom('left' as const, 'center' as const, 'right' as const),
    bold: fc.boolean(),
    tall: fc.boolean(),
  }),
  fc.record({ type: fc.constant('pair' as const), left: anyText, right: anyText }),
  fc.record({
    type: fc.constant('item' as const),
    description: anyText,
    amount: anyText,
    detail: anyText,
  }),
  fc.record({ type: fc.constant('signature' as const), label: anyText }),
  fc.record({ type: fc.constant('rule' as const) }),
);

describe('layoutDocument (property)', () => {
  it('never prints a line wider than the paper, nor a control byte, for any text', () => {
    fc.assert(
      fc.property(
        fc.array(anyBlock, { maxLength: 12 }),
        fc.constantFrom(...PAPER_WIDTHS),
        fc.constantFrom(...CHARACTER_SETS),
        (blocks, width, charset) => {
          const slip = layoutDocument({ title: 'x', blocks }, { width, charset });
          for (const line of slip.lines) {
            if (line.kind !== 'text') continue;
            expect([...line.text].length).toBeLessThanOrEqual(width);
            // eslint-disable-next-line no-control-regex -- asserting there are none
            expect(line.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
