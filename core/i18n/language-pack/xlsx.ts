import ExcelJS from 'exceljs';
import { UnreadablePack, type PackMetadata } from './metadata';
import type { PackUnit } from './types';
import type { ParsedPack } from './validate';

/**
 * The pack as a workbook for translators without a CAT tool: sheet "About" (language, status,
 * reviewer, date, filled in by the reviewer) and sheet "Translation" with one row per text:
 * key, English, translation, note. Only the translation column (and the About values) are edited.
 */
export const ABOUT_SHEET = 'About';
export const TRANSLATION_SHEET = 'Translation';
const aboutLabels = { language: 'Language', status: 'Status (draft or reviewed)', reviewer: 'Reviewer', reviewedOn: 'Reviewed on (YYYY-MM-DD)' } as const;

export async function writeXlsx(units: readonly PackUnit[], metadata: PackMetadata): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const about = workbook.addWorksheet(ABOUT_SHEET);
  about.columns = [{ width: 28 }, { width: 60 }];
  about.addRow([aboutLabels.language, metadata.language]);
  about.addRow([aboutLabels.status, metadata.status.kind]);
  about.addRow([aboutLabels.reviewer, metadata.status.kind === 'reviewed' ? metadata.status.reviewer : '']);
  about.addRow([aboutLabels.reviewedOn, metadata.status.kind === 'reviewed' ? metadata.status.reviewedOn : '']);
  about.addRow([]);
  about.addRow(['About this file', metadata.about]);
  // Dates typed into Excel would become serial numbers; the date is kept as text.
  about.getCell('B4').numFmt = '@';
  const sheet = workbook.addWorksheet(TRANSLATION_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Key', width: 40 },
    { header: 'English', width: 60 },
    { header: `Translation (${metadata.language})`, width: 60 },
    { header: 'Note', width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const unit of units) sheet.addRow([unit.id, unit.source, unit.target, unit.note]);
  for (const column of [2, 3]) sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

export async function readXlsx(bytes: Uint8Array): Promise<ParsedPack> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types ask for a Node Buffer; it hands the bytes to JSZip, which reads any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadablePack(`this is not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)}).`);
  }
  const sheet = workbook.getWorksheet(TRANSLATION_SHEET);
  const about = workbook.getWorksheet(ABOUT_SHEET);
  if (!sheet || !about) throw new UnreadablePack(`the workbook needs the sheets "${ABOUT_SHEET}" and "${TRANSLATION_SHEET}" of a CCAT language pack export.`);
  const values = new Map<string, { text: string; row: number }>();
  about.eachRow((row, number) => values.set(cellText(row.getCell(1).value).trim(), { text: cellText(row.getCell(2).value).trim(), row: number }));
  const field = (label: string) => values.get(label) ?? { text: '', row: 1 };
  const units: ParsedPack['units'] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const key = cellText(row.getCell(1).value).trim();
    if (key === '') return;
    units.push({ key, target: cellText(row.getCell(3).value), location: { sheet: TRANSLATION_SHEET, row: number } });
  });
  return {
    language: field(aboutLabels.language).text,
    languageLocation: { sheet: ABOUT_SHEET, row: field(aboutLabels.language).row },
    status: { kind: field(aboutLabels.status).text, reviewer: field(aboutLabels.reviewer).text, reviewedOn: field(aboutLabels.reviewedOn).text },
    statusLocation: { sheet: ABOUT_SHEET, row: field(aboutLabels.status).row },
    units,
  };
}
