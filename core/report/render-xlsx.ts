import ExcelJS from 'exceljs';
import { textDirection, type UiLanguage } from '../../locales/languages';
import type { BuildContext } from './build-context';
import { flat } from './document';
import { translationNote } from './translation-note';
import { neutralise } from './neutralise';
import { workbookSheets, type Sheet, type SheetColumn, type SheetValue } from './sheets';

const numberFormats: Partial<Record<SheetColumn['type'], string>> = {
  score: '0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/** Text cells are neutralised against formula injection; numbers, dates and booleans keep their type. */
function cellValue(value: SheetValue): ExcelJS.CellValue {
  return typeof value === 'string' ? neutralise(value) : value;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: Sheet, rightToLeft: boolean): void {
  // A right-to-left workbook opens with column A at the right, as an Arabic reader expects.
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, ...(rightToLeft ? { rightToLeft: true } : {}) }] });
  ws.columns = sheet.columns.map((c) => ({
    header: neutralise(c.header),
    width: c.width,
    style: {
      alignment: { vertical: 'top', wrapText: c.wrap ?? false },
      ...(numberFormats[c.type] ? { numFmt: numberFormats[c.type]! } : {}),
    },
  }));
  for (const row of sheet.rows) ws.addRow(row.map(cellValue));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4EAF1' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length } };
  for (const row of sheet.after ?? []) {
    const added = ws.addRow(row.map(cellValue));
    // Rows below the table are facts, not table data: dates there get a date format of their own.
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
}

/**
 * The analyst's workbook: typed cells (figures stay numbers, shown by the spreadsheet's own locale),
 * frozen header rows, filters and sensible widths; right to left when the report language is.
 */
export async function renderXlsx(ctx: BuildContext): Promise<Uint8Array> {
  const note = translationNote(ctx.L);
  return renderSheets(workbookSheets(ctx), {
    title: ctx.assessment.title,
    generatedAt: ctx.input.generatedAt,
    language: ctx.L.primary,
    ...(note ? { description: flat(note) } : {}),
  });
}

export interface WorkbookMeta {
  title: string;
  generatedAt: Date;
  /** The workbook's first language: its direction is the sheets'. */
  language: UiLanguage;
  /** Document properties' comments: the translation note. */
  description?: string;
}

/** Any set of sheets as a workbook, one worksheet each, written the same way (HQ's portfolio exports use it too). */
export async function renderSheets(sheets: readonly Sheet[], meta: WorkbookMeta): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCAT';
  workbook.created = meta.generatedAt;
  workbook.modified = meta.generatedAt;
  workbook.title = meta.title;
  if (meta.description) workbook.description = meta.description;
  for (const sheet of sheets) writeSheet(workbook, sheet, textDirection(meta.language) === 'rtl');
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
