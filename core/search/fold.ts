/** The katakana block's letters ァ (U+30A1) to ヶ (U+30F6) sit exactly 0x60 above their hiragana. */
const katakana = /[\u30a1-\u30f6]/g;
/** Accents on Latin letters; kana voicing marks (U+3099/U+309A) are letters' own and stay. */
const latinAccents = /[\u0300-\u036f]/g;

/**
 * Text as search compares it: full- and half-width forms made one (NFKC: "２．３" is "2.3",
 * half-width ｲﾝｼﾃﾞﾝﾄ is インシデント), case and Latin accents ignored, and katakana read as
 * hiragana, so that いんしでんと finds インシデント. Curly apostrophes are read as straight ones
 * (CLDR writes "Côte d’Ivoire", people type "Cote d'Ivoire").
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(latinAccents, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(katakana, (letter) => String.fromCharCode(letter.charCodeAt(0) - 0x60));
}

/** Whether `text` contains the already folded `needle`. */
export function foldedIncludes(text: string, needle: string): boolean {
  return foldForSearch(text).includes(needle);
}

/**
 * Whether a folded query names an indicator or one of its parents by number: "2.3.1" the
 * indicator, "2.3" every indicator of capability 2.3. A trailing dot is allowed ("2.3.").
 */
export function matchesNumber(needle: string, number: string): boolean {
  const query = needle.replace(/\.$/, '');
  if (!/^\d+(\.\d+)*$/.test(query)) return false;
  return number === query || number.startsWith(`${query}.`);
}
