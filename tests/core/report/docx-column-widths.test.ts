import { describe, expect, it } from 'vitest';
import { userText, type Cell, type Column, type TableBlock } from '../../../core/report/document';
import { contentColumnWidths } from '../../../core/report/docx-column-widths';

const em = 170;
const padding = 120;
const column = (header: string, width: number, extra: Partial<Column> = {}): Column => ({ header: userText(header), width, ...extra });
const cell = (...lines: string[]): Cell => ({ lines: lines.map((text) => ({ text: userText(text) })) });
const widthOf = (characters: number) => Math.ceil(characters * 0.78 * em) + padding;

function table(columns: Column[], rows: Cell[][]): TableBlock {
  return { kind: 'table', columns, rows, sizedByContent: true };
}

describe('DOCX column widths for tables sized by their content', () => {
  it('give a label column its longest word and a figure column its longest line, and fill the page', () => {
    const block = table(
      [column('Kesenjangan', 5, { numeric: true }), column('Prioritas', 5, { numeric: true }), column('Kapabilitas', 90, { freeText: true })],
      [[cell('1,50'), cell('2,25', '0,75 × 3 × 1'), cell('5.4 Latihan dan kompetisi')]],
    );
    const widths = contentColumnWidths(block, 9866, em, padding);
    expect(widths[0]).toBeGreaterThanOrEqual(widthOf('Kesenjangan'.length) - 1);
    expect(widths[1]).toBeGreaterThanOrEqual(widthOf('0,75 × 3 × 1'.length) - 1);
    expect(widths.reduce((sum, w) => sum + w, 0)).toBeGreaterThan(9866 - widths.length);
    expect(widths.reduce((sum, w) => sum + w, 0)).toBeLessThanOrEqual(9866);
  });

  it('give running text at least 7em and its ordinary words, but let an address break', () => {
    const url = 'https://example.invalid/a/very/long/path/that/should/wrap';
    const block = table([column('#', 50, { numeric: true }), column('Notes', 2, { freeText: true }), column('Source', 48, { freeText: true })], [[cell('1'), cell('Recoupement'), cell(url)]]);
    const [, notes, source] = contentColumnWidths(block, 9866, em, padding);
    expect(notes).toBeGreaterThanOrEqual(widthOf('Recoupement'.length) - 1);
    expect(source).toBeLessThan(widthOf(url.length));
    expect(source).toBeGreaterThanOrEqual(7 * em + padding - 1);
  });

  it('take the width for labels from running-text columns first, down to their minimum', () => {
    const block = table(
      [column('Infrastructures', 10), column('Cybercriminalité', 10), column('Programme', 80, { freeText: true })],
      [[cell('x'), cell('y'), cell('Long running text that can wrap anywhere it likes')]],
    );
    const [first, second, programme] = contentColumnWidths(block, 9866, em, padding);
    expect(first).toBeGreaterThanOrEqual(widthOf('Infrastructures'.length) - 1);
    expect(second).toBeGreaterThanOrEqual(widthOf('Cybercriminalité'.length) - 1);
    expect(programme).toBeLessThan(0.8 * 9866);
    expect(programme).toBeGreaterThanOrEqual(7 * em + padding - 1);
    expect(first! + second! + programme!).toBeLessThanOrEqual(9866);
  });

  it('break Japanese between any two characters, so a Japanese column needs no more than its share', () => {
    const block = table([column('重要インフラ防護', 20), column('能力', 80, { freeText: true })], [[cell('国家サイバーセキュリティ戦略と司令塔機関'), cell('x')]]);
    const [label] = contentColumnWidths(block, 9866, em, padding);
    expect(label).toBe(Math.floor(0.2 * 9866));
  });

  it('shrink every column alike when even the minimums do not fit', () => {
    const long = 'Abcdefghijklmnopqrstuvwxyz';
    const block = table([column(long, 50), column(long, 50)], [[cell('a'), cell('b')]]);
    const widths = contentColumnWidths(block, 4000, em, padding);
    expect(widths).toEqual([2000, 2000]);
  });
});
