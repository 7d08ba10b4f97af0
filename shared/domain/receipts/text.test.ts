import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARACTER_SETS, codePage } from './charsets';
import { printable, stripControls, transliterate } from './text';

describe('stripControls', () => {
  it.each([
    ['an ESC p drawer kick in a name', 'Chipo\x1bp\x00\x19\xfaNdlovu', 'Chipop\xfaNdlovu'],
    ['a GS V cut in a note', 'Deliver\x1dV\x00 Friday', 'DeliverV Friday'],
    ['a line break in an address', '12 Fife St\r\nBulawayo', '12 Fife St Bulawayo'],
    ['a bidi override', 'abc\u202edef', 'abcdef'],
    ['C1 controls', 'a\u0085b\u009bc', 'a bc'],
    ['no-break spaces', 'US$\u00a012.00', 'US$ 12.00'],
  ])('removes %s', (_case, input, expected) => {
    expect(stripControls(input)).toBe(expected);
  });
});

describe('transliterate', () => {
  it.each([
    ['curly quotes and dashes', 'O’Brien “Luke” – ok', 'PC437_USA', 'O\'Brien "Luke" - ok'],
    ['an accent the page has stays', 'Zoë Müller', 'PC437_USA', 'Zoë Müller'],
    ['an accent the page lacks loses its mark', 'Łukasz Ševčík', 'PC437_USA', 'Lukasz Sevcík'],
    ['the euro where the page has it', '€5', 'PC858_EURO', '€5'],
    ['the euro where it does not', '€5', 'PC437_USA', 'EUR5'],
    ['Zimbabwe Gold stays', 'ZiG 1,250.50', 'ASCII', 'ZiG 1,250.50'],
    ['an ellipsis', 'and so on…', 'ASCII', 'and so on...'],
    ['full-width letters', 'ＡＢＣ', 'ASCII', 'ABC'],
    ['characters with no Latin spelling', '王 😀', 'PC437_USA', '? ?'],
    ['ß and æ in ASCII', 'Straße Æsir', 'ASCII', 'Strasse AEsir'],
  ] as const)('%s', (_case, input, charset, expected) => {
    expect(transliterate(input, charset)).toBe(expected);
  });

  it('has 128 entries above ASCII in every code page table', () => {
    for (const name of CHARACTER_SETS) {
      const page = codePage(name);
      expect(page.toChar).toHaveLength(256);
      for (const [char, byte] of page.toByte) expect(page.toChar[byte]).toBe(char);
    }
  });
});

describe('printable (property)', () => {
  it('never lets a control byte through, and every character encodes in the page', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.constantFrom(...CHARACTER_SETS),
        (input, charset) => {
          const out = printable(input, charset);
          const { toByte } = codePage(charset);
          for (const char of out) {
            const byte = toByte.get(char);
            expect(byte).toBeDefined();
            expect(byte).toBeGreaterThanOrEqual(0x20);
            expect(byte).not.toBe(0x7f);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
