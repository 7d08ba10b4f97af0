import { codePage, type CharacterSetName } from './charsets';

// Every piece of text on a slip passes through printable() before layout measures it. Two
// jobs: (1) no byte below 0x20 from data may reach the printer — a customer registered as
// "\x1bp\x00\x19\xfa" would otherwise open the cash drawer, and "\x1dV\x00" would cut the
// paper; (2) a character the printer's code page lacks is spelt in letters it has (é→e,
// “”→", –→-), never dropped, so names and references stay readable.

// C0 and C1 controls, DEL, and the invisible Unicode format characters (zero-width, bidi
// overrides, BOM) that would make a slip read differently from the screen.
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/gu;
// Tabs and line breaks inside a name or note become one space rather than gluing words.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

/** Removes control and format characters; line breaks and odd spaces become plain spaces. */
export function stripControls(text: string): string {
  return text.replace(BREAKS, ' ').replace(SPACES, ' ').replace(CONTROLS, '');
}

// Spellings for characters that Unicode decomposition cannot reduce to a base letter.
const SPELLINGS: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  '´': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '‹': '<',
  '›': '>',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '…': '...',
  '•': '*',
  '·': '.',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '¢': 'c',
  '©': '(C)',
  '®': '(R)',
  '™': 'TM',
  '×': 'x',
  '÷': '/',
  '½': '1/2',
  '¼': '1/4',
  '¾': '3/4',
  '°': ' deg',
  '№': 'No.',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ŋ: 'ng',
  Ŋ: 'Ng',
};

const COMBINING = /\p{M}/gu;

/**
 * Rewrites text so every character exists in the code page: kept when the page has it,
 * otherwise spelt out, otherwise reduced to its base letter, otherwise '?'.
 */
export function transliterate(text: string, charset: CharacterSetName): string {
  const { toByte } = codePage(charset);
  const fits = (s: string): boolean => {
    for (const c of s) if (!toByte.has(c)) return false;
    return true;
  };
  let out = '';
  for (const char of text) {
    if (toByte.has(char)) {
      out += char;
      continue;
    }
    const spelt = SPELLINGS[char];
    if (spelt !== undefined && fits(spelt)) {
      out += spelt;
      continue;
    }
    const base = char.normalize('NFKD').replace(COMBINING, '');
    out += base.length > 0 && fits(base) ? base : '?';
  }
  return out;
}

/** Text as it may appear on a slip printed in the given code page. */
export function printable(text: string, charset: CharacterSetName): string {
  return transliterate(stripControls(text), charset);
}

/** Data for a QR code or barcode: printable ASCII only, whatever the code page. */
export function printableAscii(text: string): string {
  return printable(text, 'ASCII');
}
