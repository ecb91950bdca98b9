import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../core/report/bytes';
import { renderExport } from '../../../core/report/render-export';
import { renderSheets } from '../../../core/report/render-xlsx';
import type { Sheet } from '../../../core/report/sheets';
import { exportInput } from './report-fixture';

const generatedAt = new Date('2026-03-06T08:30:00Z');

const sheet: Sheet = {
  name: 'Scores',
  columns: [
    { header: 'Title', width: 20, type: 'text' },
    { header: 'Score', width: 8, type: 'score' },
    { header: 'Change', width: 8, type: 'score' },
    { header: 'Count', width: 8, type: 'number' },
    { header: 'Day', width: 12, type: 'date' },
    { header: 'At', width: 16, type: 'datetime' },
  ],
  rows: [['=HYPERLINK("http://x","y")', 2.5, -0.5, -3, new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T10:30:00Z')]],
};

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

describe('renderSheets', () => {
  it('keeps figures numbers (negative ones too, which a spreadsheet would otherwise read as formulas) and neutralises only text', async () => {
    const row = (await workbookOf(await renderSheets([sheet], { title: 'T', generatedAt, language: 'en' }))).getWorksheet('Scores')!.getRow(2);
    expect(row.getCell(1).value).toBe(`'=HYPERLINK("http://x","y")`);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]).toEqual([2.5, -0.5, -3]);
  });

  it('shows scores with two decimals and dates in ISO form, and leaves counts in the general format', async () => {
    const row = (await workbookOf(await renderSheets([sheet], { title: 'T', generatedAt, language: 'en' }))).getWorksheet('Scores')!.getRow(2);
    expect([2, 3, 4, 5, 6].map((column) => row.getCell(column).numFmt)).toEqual(['0.00', '0.00', undefined, 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm']);
  });

  it('opens right to left for a right-to-left language only, with the header row frozen either way', async () => {
    const arabic = (await workbookOf(await renderSheets([sheet], { title: 'T', generatedAt, language: 'ar' }))).getWorksheet('Scores')!;
    const english = (await workbookOf(await renderSheets([sheet], { title: 'T', generatedAt, language: 'en' }))).getWorksheet('Scores')!;
    expect(arabic.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, rightToLeft: true });
    expect(english.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(english.views[0]?.rightToLeft ?? false).toBe(false);
  });

  it('writes the title, the time and a description into the document properties, and no description when there is none', async () => {
    const described = await workbookOf(await renderSheets([sheet], { title: 'Viet Nam 2026', generatedAt, language: 'en', description: 'Draft translation' }));
    expect([described.title, described.description, described.created.toISOString()]).toEqual(['Viet Nam 2026', 'Draft translation', generatedAt.toISOString()]);
    expect((await workbookOf(await renderSheets([sheet], { title: 'T', generatedAt, language: 'en' }))).description ?? '').toBe('');
  });
});

describe('the XLSX export', () => {
  it('says in its properties that a draft translation is a draft, and says nothing for English', async () => {
    const vietnamese = await workbookOf(fromBase64((await renderExport(exportInput('xlsx', 'full', { language: 'vi' }))).content));
    // In the reader's language: the Vietnamese text is a draft translation, not yet reviewed by a native speaker.
    expect(vietnamese.description).toMatch(/^Văn bản tiếng Việt của báo cáo này là bản dịch nháp, chưa được người bản ngữ rà soát\.$/);
    const english = await workbookOf(fromBase64((await renderExport(exportInput('xlsx', 'full'))).content));
    expect(english.description ?? '').toBe('');
  });
});
