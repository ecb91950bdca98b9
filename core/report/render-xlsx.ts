import ExcelJS from 'exceljs';
import type { BuildContext } from './build-context';
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

function writeSheet(workbook: ExcelJS.Workbook, sheet: Sheet): void {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
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

/** The analyst's workbook: typed cells, frozen header rows, filters and sensible widths. */
export async function renderXlsx(ctx: BuildContext): Promise<Uint8Array> {
  return renderSheets(workbookSheets(ctx), { title: ctx.assessment.title, generatedAt: ctx.input.generatedAt });
}

/** Any set of sheets as a workbook, one worksheet each, written the same way (HQ's portfolio exports use it too). */
export async function renderSheets(sheets: readonly Sheet[], meta: { title: string; generatedAt: Date }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCAT';
  workbook.created = meta.generatedAt;
  workbook.modified = meta.generatedAt;
  workbook.title = meta.title;
  for (const sheet of sheets) writeSheet(workbook, sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
