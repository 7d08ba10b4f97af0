// The code pages a till's printer can be set to, with the characters each holds above ASCII.
// Transliteration keeps a character only when the printer's code page has it, and the encoder
// turns text into bytes from the same tables, so the preview shows exactly what prints.
//
// Only Latin code pages are offered: Zimbabwe's official languages are written in the Latin
// alphabet, and the Greek, Cyrillic and Asian pages of node-thermal-printer would only turn
// a customer's name into question marks on printers that lack them. 'ASCII' is for printers
// whose code page commands are unknown (Brother, some Star models): it never switches pages.

export const CHARACTER_SETS = [
  'PC437_USA',
  'PC850_MULTILINGUAL',
  'PC858_EURO',
  'WPC1252',
  'ISO8859_15_LATIN9',
  'ASCII',
] as const;
export type CharacterSetName = (typeof CHARACTER_SETS)[number];

export const CHARACTER_SET_LABELS: Record<CharacterSetName, string> = {
  PC437_USA: 'PC437 (USA, standard)',
  PC850_MULTILINGUAL: 'PC850 (Multilingual Latin)',
  PC858_EURO: 'PC858 (Multilingual Latin with euro)',
  WPC1252: 'Windows-1252 (Western)',
  ISO8859_15_LATIN9: 'ISO 8859-15 (Latin-9)',
  ASCII: 'ASCII only (no code page command)',
};

// Bytes 0x80 to 0xFF of each page, as iconv-lite decodes them. NUL marks a byte with no
// printable character (C1 controls), and no-break space and soft hyphen are left out on
// purpose: they are normalised to a space and nothing before a page is consulted.
const UPPER_HALVES: Record<Exclude<CharacterSetName, 'ASCII'>, string> = {
  PC437_USA: [
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ',
    'áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐',
    '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀',
    'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\0',
  ].join(''),
  PC850_MULTILINGUAL: [
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒ',
    'áíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐',
    '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀',
    'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\0±‗¾¶§÷¸°¨·¹³²■\0',
  ].join(''),
  PC858_EURO: [
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒ',
    'áíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐',
    '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀',
    'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\0±‗¾¶§÷¸°¨·¹³²■\0',
  ].join(''),
  WPC1252: [
    '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ',
    '\0¡¢£¤¥¦§¨©ª«¬\0®¯°±²³´µ¶·¸¹º»¼½¾¿',
    'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß',
    'àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
  ].join(''),
  ISO8859_15_LATIN9: [
    '\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0',
    '\0¡¢£€¥Š§š©ª«¬\0®¯°±²³Žµ¶·ž¹º»ŒœŸ¿',
    'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß',
    'àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
  ].join(''),
};

type CodePage = { toByte: ReadonlyMap<string, number>; toChar: readonly (string | null)[] };

const cache = new Map<CharacterSetName, CodePage>();

/** The characters of a code page, both ways: char to byte for encoding, byte to char for decoding. */
export function codePage(name: CharacterSetName): CodePage {
  const known = cache.get(name);
  if (known) return known;
  const toByte = new Map<string, number>();
  const toChar: (string | null)[] = [];
  for (let byte = 0; byte < 256; byte += 1) {
    const char =
      byte >= 0x20 && byte < 0x7f
        ? String.fromCharCode(byte)
        : byte >= 0x80 && name !== 'ASCII'
          ? (UPPER_HALVES[name][byte - 0x80] ?? '\0')
          : '\0';
    if (char === '\0') {
      toChar.push(null);
      continue;
    }
    toChar.push(char);
    toByte.set(char, byte);
  }
  const page = { toByte, toChar };
  cache.set(name, page);
  return page;
}
