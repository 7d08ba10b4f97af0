import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, withHeader } from './csv';

describe('parseCsv', () => {
  it.each([
    [
      'plain fields',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF and a trailing blank line',
      'a,b\r\n1,2\r\n\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['commas, quotes and line breaks inside quotes', 'a\n"x, ""y""\nz"\n', [['a'], ['x, "y"\nz']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['a byte-order mark', '\uFEFFa\n1', [['a'], ['1']]],
  ])('reads %s', (_label, text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  it('numbers records by the line they start on, and refuses an unclosed quote', () => {
    expect(parseCsv('h\n"two\nlines"\nnext').map((r) => r.line)).toEqual([1, 2, 4]);
    expect(() => parseCsv('a\n"open')).toThrow(CsvError);
  });

  it('maps the header case-blind to the known columns and lists the rest', () => {
    const { rows, unknownColumns } = withHeader(
      parseCsv('CustomerNumber, PHONE ,shoeSize\nX, 0772 ,42'),
      ['customerNumber', 'phone'],
    );
    expect(rows).toEqual([
      { line: 2, values: { customerNumber: 'X', phone: '0772', shoeSize: '42' } },
    ]);
    expect(unknownColumns).toEqual(['shoeSize']);
  });
});
