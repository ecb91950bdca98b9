import { describe, expect, it } from 'vitest';
import type { CoreError } from '../../../core/api/result';
import { utf8 } from '../../../core/report/bytes';
import { exportFileName, titleStem } from '../../../core/report/file-name';
import { renderExport } from '../../../core/report/render-export';
import { verifyExport } from '../../../core/report/verify';
import { coreFailure } from '../store/helpers';
import { bytesOf } from './extract';
import { exportInput } from './report-fixture';

/** A one-page PDF as Chromium writes them: a page tree (/Pages) and a page (/Page). */
const tinyPdf = utf8('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Awaits a refused export and checks which rule refused it: the problem the user is told about. */
async function refused(promise: Promise<unknown>, problem: string | RegExp): Promise<CoreError> {
  const error = await coreFailure(promise);
  expect(error.code).toBe('INTERNAL');
  const stated = /did not pass its check after it was written: (.*)\. Nothing was saved as complete; try the export again\.$/.exec(error.message);
  expect(stated, error.message).not.toBeNull();
  if (typeof problem === 'string') expect(stated![1]).toBe(problem);
  else expect(stated![1]).toMatch(problem);
  return error;
}

describe('verifyExport', () => {
  it('counts PDF pages, not the page tree', async () => {
    expect(await verifyExport(tinyPdf, 'pdf')).toMatch(/^PDF re-read: 1 page \(/);
    await refused(verifyExport(utf8('%PDF-1.4\n<< /Type /Pages /Count 0 >>\n%%EOF'), 'pdf'), 'it has no pages');
    await refused(verifyExport(utf8('%PDF-1.4\n<< /Type /Page >>\n'), 'pdf'), 'it is cut short (no %%EOF)');
    await refused(verifyExport(utf8('<html></html>'), 'pdf'), 'it does not start with %PDF-');
  });

  it('rejects a truncated or tampered HTML report, naming the rule it broke', async () => {
    const html = bytesOf(await renderExport(exportInput('html', 'summary')));
    expect(await verifyExport(html, 'html', { title: 'Viet Nam national assessment, March 2026' })).toMatch(/^HTML re-read/);
    await refused(verifyExport(html.subarray(0, html.length / 2), 'html'), 'it is cut short (no closing </html>)');
    const text = new TextDecoder().decode(html);
    const tampered = (from: string, to: string) => utf8(text.replace(from, to));
    await refused(verifyExport(tampered('<main>', '<main><script>alert(1)</script>'), 'html'), 'it contains a script element');
    await refused(verifyExport(tampered('<main>', '<main><img src="https://example.invalid/x.png">'), 'html'), 'it refers to an external resource');
    await refused(verifyExport(tampered('<main>', '<main><div class="x" onmouseover="alert(1)">'), 'html'), 'it contains an event-handler attribute');
    await refused(verifyExport(tampered('<main>', '<main><svg><g ONLOAD = "alert(1)"></g></svg>'), 'html'), 'it contains an event-handler attribute');
    await refused(verifyExport(tampered('http-equiv="Content-Security-Policy"', 'name="x"'), 'html'), 'it has no Content-Security-Policy');
    await refused(verifyExport(tampered('<!DOCTYPE html>', '<p>'), 'html'), 'it does not start with an HTML document element');
    await refused(verifyExport(tampered(/<title>[^<]*<\/title>/.exec(text)![0], '<title> </title>'), 'html'), 'it has no title');
    await refused(verifyExport(html, 'html', { title: 'Another assessment' }), 'its title is not the assessment title');
  });

  it('accepts escaped user text that reads like an attribute, outside any tag', async () => {
    const text = new TextDecoder().decode(bytesOf(await renderExport(exportInput('html', 'summary'))));
    const withText = utf8(text.replace('<main>', '<main><p>note: onload=alert(1) href=x src=y</p>'));
    expect(await verifyExport(withText, 'html')).toMatch(/^HTML re-read: complete document, title present, no script, CSP set \(\d+ KB\)$/);
  });

  it('rejects damaged DOCX and XLSX packages, a DOCX without the title and a workbook without its sheets', async () => {
    const docx = bytesOf(await renderExport(exportInput('docx', 'summary')));
    const xlsx = bytesOf(await renderExport(exportInput('xlsx', 'summary')));
    await refused(verifyExport(docx.subarray(0, 2000), 'docx'), /^it is not a readable ZIP package \(.+\)$/);
    await refused(verifyExport(docx, 'docx', { title: 'Another assessment' }), 'the document does not contain the assessment title');
    await refused(verifyExport(xlsx.subarray(0, 2000), 'xlsx'), /^it cannot be read as a workbook \(.+\)$/);
    await refused(verifyExport(xlsx, 'xlsx', { sheets: ['Summary', 'Budget'] }), 'sheet Budget missing');
  });

  it('checks CSV row counts and JSON', async () => {
    const csv = bytesOf(await renderExport(exportInput('csv', 'full')));
    await refused(verifyExport(csv, 'csv', { rows: 3 }), /^it reads back as \d+ rows, not 3$/);
    await refused(verifyExport(utf8('a,b\r\n"unclosed\r\n'), 'csv'), 'the UTF-8 byte-order mark Excel needs is missing');
    await refused(verifyExport(utf8('{"id": '), 'json'), /^it does not parse \(.+\)$/);
    await refused(verifyExport(utf8('{"title": "x"}'), 'json'), 'it is not an assessment');
    await refused(verifyExport(new Uint8Array(), 'json'), 'the file is empty');
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
    const error = await coreFailure(renderExport(exportInput('pdf', 'summary')));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/^PDF export needs Chromium/);
    expect(error.message).toContain('--chromium PATH');
  });

  it('refuses to hand out a printer result that is not a PDF', async () => {
    await refused(renderExport(exportInput('pdf', 'summary'), { printPdf: async () => utf8('not a pdf') }), 'it does not start with %PDF-');
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
