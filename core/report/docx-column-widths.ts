import type { Column, TableBlock } from './document';

/** Longer "words" in running text are addresses, ids and the like. */
const ORDINARY_WORD = 16;

/**
 * Column widths, in twips, for a table sized by its content (TableBlock.sizedByContent) in a
 * Word document. Word lays out by the widths it is given, so the browser's content-based layout
 * is approximated here: a label column gets at least its longest word, a figure column its longest
 * line, a running-text column at least 7em and its longest ordinary word, and the rest of the width
 * goes by the columns' designed shares. A word's width is estimated from its characters,
 * generously (0.78em each for Latin, wide enough for bold text in a wider fallback font): a column
 * a little too wide costs less than a word cut in two.
 */
export function contentColumnWidths(block: TableBlock, totalTwips: number, emTwips: number, cellPaddingTwips: number): number[] {
  const minimum = block.columns.map((column, i) => {
    const cellTexts = block.rows.flatMap((row) => row[i]?.lines.flatMap((line) => line.text.parts) ?? []);
    // A figure's line ("0.75 × 3 × 1") stays on one line, as in the HTML.
    const pieces = [...column.header.parts.flatMap(words), ...(column.numeric ? cellTexts : cellTexts.flatMap(words))];
    // Running text keeps ordinary words whole; an address or an id longer than that may break.
    const kept = pieces.filter((word) => !column.freeText || [...word].length <= ORDINARY_WORD);
    const longest = Math.max(0, ...kept.map(estimatedEms));
    return Math.ceil(Math.max(longest, column.freeText ? 7 : 0) * emTwips) + cellPaddingTwips;
  });
  const designed = block.columns.map((column, i) => Math.max(minimum[i]!, (column.width / 100) * totalTwips));
  const flexible = (column: Column) => column.freeText === true;
  // Too wide: running-text columns give back what they have above their minimum, in proportion.
  const excess = designed.reduce((sum, w) => sum + w, 0) - totalTwips;
  const slack = designed.reduce((sum, w, i) => sum + (flexible(block.columns[i]!) ? w - minimum[i]! : 0), 0);
  const given = excess > 0 && slack > 0 ? designed.map((w, i) => (flexible(block.columns[i]!) ? w - ((w - minimum[i]!) * Math.min(excess, slack)) / slack : w)) : designed;
  // Still too wide (a language whose labels are all long): everything shrinks alike. Too narrow: everything grows alike.
  const sum = given.reduce((total, w) => total + w, 0);
  return given.map((w) => Math.floor((w * totalTwips) / sum));
}

/** Where a line may break: spaces, after a hyphen, and between any two CJK characters. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=-)/))
    .flatMap((word) => (/[\u3000-\u9fff\uff00-\uffef]/.test(word) ? [...word] : [word]))
    .filter((word) => word !== '');
}

function estimatedEms(word: string): number {
  let ems = 0;
  for (const character of word) ems += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(character) ? 1 : 0.78;
  return ems;
}
