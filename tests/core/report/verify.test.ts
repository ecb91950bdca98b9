import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/api/result';
import { utf8 } from '../../../core/report/bytes';
import { exportFileName, titleStem } from '../../../core/report/file-name';
import { renderExport } from '../../../core/report/render-export';
import { verifyExport } from '../../../core/report/verify';
import { bytesOf } from './extract';
import { exportInput } from './report-fixture';

/** A one-page PDF as Chromium writes them: a page tree (/Pages) and a page (/Page). */
const tinyPdf = utf8('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function rejection(promise: Promise<unknown>): Promise<CoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoreError);
  expect((error as CoreError).code).toBe('INTERNAL');
  return error as CoreError;
}

describe('verifyExport', () => {
  it('counts PDF pages, not the page tree', async () => {
    expect(await verifyExport(tinyPdf, 'pdf')).toMatch(/^PDF re-read: 1 page \(/);
    await rejection(verifyExport(utf8('%PDF-1.4\n<< /Type /Pages /Count 0 >>\n%%EOF'), 'pdf'));
    await rejection(verifyExport(utf8('<html></html>'), 'pdf'));
  });

  it('rejects a truncated or tampered HTML report', async () => {
    const html = bytesOf(await renderExport(exportInput('html', 'summary')));
    expect(await verifyExport(html, 'html', { title: 'Viet Nam national assessment, March 2026' })).toMatch(/^HTML re-read/);
    await rejection(verifyExport(html.subarray(0, html.length / 2), 'html'));
    const text = new TextDecoder().decode(html);
    await rejection(verifyExport(utf8(text.replace('<main>', '<main><script>alert(1)</script>')), 'html'));
    await rejection(verifyExport(utf8(text.replace('<main>', '<main><img src="https://example.invalid/x.png">')), 'html'));
    await rejection(verifyExport(html, 'html', { title: 'Another assessment' }));
  });

  it('rejects damaged DOCX and XLSX packages, a DOCX without the title and a workbook without its sheets', async () => {
    const docx = bytesOf(await renderExport(exportInput('docx', 'summary')));
    const xlsx = bytesOf(await renderExport(exportInput('xlsx', 'summary')));
    await rejection(verifyExport(docx.subarray(0, 2000), 'docx'));
    await rejection(verifyExport(docx, 'docx', { title: 'Another assessment' }));
    await rejection(verifyExport(xlsx.subarray(0, 2000), 'xlsx'));
    await rejection(verifyExport(xlsx, 'xlsx', { sheets: ['Summary', 'Budget'] }));
  });

  it('checks CSV row counts and JSON', async () => {
    const csv = bytesOf(await renderExport(exportInput('csv', 'full')));
    await rejection(verifyExport(csv, 'csv', { rows: 3 }));
    await rejection(verifyExport(utf8('a,b\r\n"unclosed\r\n'), 'csv'));
    await rejection(verifyExport(utf8('{"id": '), 'json'));
    await rejection(verifyExport(new Uint8Array(), 'json'));
  });
});

describe('renderExport', () => {
  it('prints PDF through the injected printer, and verifies what it gets back', async () => {
    const printed: string[] = [];
    const file = await renderExport(exportInput('pdf', 'summary', { language: 'ja' }), {
      printPdf: async (html) => {
        printed.push(html);
        return tinyPdf;
      },
    });
    expect(printed[0]).toContain('<html lang="ja">');
    expect(file).toMatchObject({ mediaType: 'application/pdf', encoding: 'base64', verified: expect.stringMatching(/^PDF re-read: 1 page/) });
    expect(file.fileName).toBe('Viet-Nam-national-assessment-March-2026-VN-summary-ja-2026-03-06.pdf');
  });

  it('explains how to get PDF export when no printer is available', async () => {
    const error = await rejection(renderExport(exportInput('pdf', 'summary')));
    expect(error.message).toMatch(/^PDF export needs Chromium/);
    expect(error.message).toContain('--chromium PATH');
  });

  it('refuses to hand out a printer result that is not a PDF', async () => {
    await rejection(renderExport(exportInput('pdf', 'summary'), { printPdf: async () => utf8('not a pdf') }));
  });
});

describe('file names', () => {
  it('are <title>-<CC>-<report>-<lang>[-<lang2>]-<date>.<ext>, safe on Windows', () => {
    const generatedAt = new Date('2026-03-06T23:59:00Z');
    expect(exportFileName({ title: 'Viet Nam: national / "March"', country: 'VN' }, { format: 'xlsx', report: 'plan', language: 'en', secondLanguage: 'ja', redact: false, generatedAt })).toBe(
      'Viet-Nam-national-March-VN-plan-en-ja-2026-03-06.xlsx',
    );
    expect(titleStem('ベトナム評価 2026')).toBe('ベトナム評価-2026');
    expect(titleStem('<>:"/\\|?*')).toBe('assessment');
    expect(titleStem('..hidden')).toBe('hidden');
  });
});
