import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../core/report/render-export';
import { docxText, visibleText, bytesOf } from './extract';
import { attributableInput, exportInput, quietInput, secretOrganisation } from './report-fixture';

async function sessionInputsSheet(redact: boolean) {
  const file = await renderExport(exportInput('xlsx', 'full', { redact }));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytesOf(file) as unknown as Parameters<typeof book.xlsx.load>[0]);
  const ws = book.getWorksheet('Session inputs')!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('what each session said reaches the full report', () => {
  it('HTML: per indicator, cluster, date, suggested level and note; the non-attributable session unnamed', async () => {
    const html = (await renderExport(exportInput('html', 'full'))).content;
    expect(html).toContain('What 2 sessions said:');
    expect(html).toContain('Government ICT, Mar 2, 2026 (Meeting at the ministry) — suggested level 2');
    expect(html).toContain(attributableInput);
    expect(html).toContain('Critical infrastructure operators, Mar 4, 2026 · non-attributable — suggested level 1');
    expect(html).toContain(quietInput);
    expect(html).not.toContain(secretOrganisation);
  });

  it('in Japanese too', async () => {
    const html = (await renderExport(exportInput('html', 'full', { language: 'ja' }))).content;
    expect(html).toContain('セッションでの所見（2件）：');
    expect(html).toContain('示唆されたレベル 1');
    expect(html).toContain(quietInput);
  });

  it('DOCX carries the same notes', async () => {
    const text = await docxText(bytesOf(await renderExport(exportInput('docx', 'full'))));
    expect(text).toContain(attributableInput);
    expect(text).toContain(quietInput);
  });

  it('XLSX has a Session inputs sheet, one row per indicator and session', async () => {
    const [header, ...rows] = await sessionInputsSheet(false);
    expect(header).toEqual(['No.', 'Indicator id', 'Date', 'Stakeholders', 'Non-attributable', 'Title', 'Suggested level', 'What the session said']);
    expect(rows.map((r) => [r[0], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ['1.1.1', 'Government ICT', false, 'Meeting at the ministry', 2, attributableInput],
      ['1.1.1', 'Critical infrastructure operators', true, '', 1, quietInput],
    ]);
  });

  it('redacted: the non-attributable note is left out of every format, the attributable one stays', async () => {
    for (const format of ['html', 'docx', 'xlsx', 'csv', 'json'] as const) {
      const text = await visibleText(await renderExport(exportInput(format, 'full', { redact: true })));
      expect(text, format).not.toContain(quietInput);
      if (format !== 'csv') expect(text, format).toContain(attributableInput);
    }
    const html = (await renderExport(exportInput('html', 'full', { redact: true }))).content;
    expect(html).toContain('Note withheld in this edition (non-attributable session).');
    expect(html).not.toContain('Meeting at the ministry');
    const [, ...rows] = await sessionInputsSheet(true);
    expect(rows.map((r) => [r[5], r[6], r[7]])).toEqual([
      ['', 2, attributableInput],
      ['', 1, 'Note withheld in this edition (non-attributable session).'],
    ]);
  });
});
