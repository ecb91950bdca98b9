import ExcelJS from 'exceljs';
import JSZip from 'jszip';
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
  expect(error.message).toMatch(/^The (HTML|PDF|DOCX|XLSX|CSV|JSON) export did not pass/);
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

/** The smallest HTML the report check accepts; `body` goes inside <body>. */
function page(body = '', options: { title?: string; tail?: string } = {}): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>${options.title ?? 'Report'}</title></head><body>${body}</body></html>${options.tail ?? ''}`;
}

async function docx(documentXml: string, media: string[] = []): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/document.xml', documentXml, { createFolders: false });
  // As Word and the docx library write them: no separate entries for folders.
  for (const name of media) zip.file(`word/media/${name}`, new Uint8Array([1, 2, 3]), { createFolders: false });
  return zip.generateAsync({ type: 'uint8array' });
}

async function xlsx(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('what verifyExport says it found', () => {
  it('XLSX: the number of sheets and their names; JSON: the id of the assessment', async () => {
    const xlsx = await renderExport(exportInput('xlsx', 'full'));
    expect(await verifyExport(bytesOf(xlsx), 'xlsx')).toMatch(/^XLSX re-read: \d+ sheets \(\S.*\)$/);
    const input = exportInput('json', 'full');
    expect(await verifyExport(bytesOf(await renderExport(input)), 'json')).toBe(`JSON re-read: assessment ${input.assessment.id}`);
  });
});

describe('verifyExport, rule by rule', () => {
  it('HTML: accepts a complete page without a final newline and says its size in KB, rounded up', async () => {
    expect(await verifyExport(utf8(page()), 'html', { title: 'Report' })).toBe('HTML re-read: complete document, title present, no script, CSP set (1 KB)');
    const padded = (size: number) => utf8(page('x'.repeat(size - page().length)));
    expect(await verifyExport(padded(2048), 'html')).toMatch(/\(2 KB\)$/);
    expect(await verifyExport(padded(2049), 'html')).toMatch(/\(3 KB\)$/);
    expect(await verifyExport(utf8(`${page()}\n`), 'html')).toMatch(/^HTML re-read/);
    expect(await verifyExport(utf8(page().replace('<!DOCTYPE html>', '<!doctype html>\n')), 'html')).toMatch(/^HTML re-read/);
  });

  it('HTML: refuses anything before the document or after its end', async () => {
    await refused(verifyExport(utf8(`x${page()}`), 'html'), 'it does not start with an HTML document element');
    await refused(verifyExport(utf8(page().replace('lang="en-GB"', 'lang=""')), 'html'), 'it does not start with an HTML document element');
    await refused(verifyExport(utf8(page('', { tail: '<p>more</p>' })), 'html'), 'it is cut short (no closing </html>)');
  });

  it('HTML: refuses a script element in any letter case, and every kind of external reference inside a tag', async () => {
    await refused(verifyExport(utf8(page('<SCRIPT>x</SCRIPT>')), 'html'), 'it contains a script element');
    for (const tag of ['<a class="x" href = "https://example.invalid">', '<svg><use xlink:href="#x"/></svg>', '<img\nsrc="x">', '<A HREF="x">']) {
      await refused(verifyExport(utf8(page(tag)), 'html'), 'it refers to an external resource');
    }
    for (const tag of ['<body onload="x">', '<p\tonclick=x>', '<b title="a" onfocus ="x">']) {
      await refused(verifyExport(utf8(page(tag)), 'html'), 'it contains an event-handler attribute');
    }
  });

  it('HTML: refuses an empty title; compares the expected title as escaped HTML', async () => {
    await refused(verifyExport(utf8(page('', { title: '' })), 'html'), 'it has no title');
    await refused(verifyExport(utf8(page('', { title: '  ' })), 'html'), 'it has no title');
    await refused(verifyExport(utf8(page().replace(/<title>.*<\/title>/, '')), 'html'), 'it has no title');
    expect(await verifyExport(utf8(page('', { title: 'A &amp; B &lt;2026&gt;' })), 'html', { title: 'A & B <2026>' })).toMatch(/^HTML re-read/);
    await refused(verifyExport(utf8(page('', { title: 'A & B' })), 'html', { title: 'A & B' }), 'its title is not the assessment title');
  });

  it('CSV and JSON: refuse bytes that are not UTF-8, and the message names the format', async () => {
    const csv = await refused(verifyExport(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x0d, 0x0a]), 'csv'), 'it is not valid UTF-8 text');
    expect(csv.message).toMatch(/^The CSV export did not pass/);
    const json = await refused(verifyExport(new Uint8Array([0x7b, 0xff, 0x7d]), 'json'), 'it is not valid UTF-8 text');
    expect(json.message).toMatch(/^The JSON export did not pass/);
  });

  it('HTML: refuses bytes that are not UTF-8', async () => {
    await refused(verifyExport(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]), 'html'), 'it is not valid UTF-8 text');
  });

  it('PDF: counts every page object, with or without a space, and needs %%EOF at the very end', async () => {
    const pdf = (body: string, end = '%%EOF\n') => utf8(`%PDF-1.7\n${body}\n${end}`);
    expect(await verifyExport(pdf('<< /Type /Pages >> << /Type /Page >> << /Type/Page >>'), 'pdf')).toBe('PDF re-read: 2 pages (1 KB)');
    expect(await verifyExport(pdf('<< /Type /Page >>', '%%EOF'), 'pdf')).toBe('PDF re-read: 1 page (1 KB)');
    await refused(verifyExport(pdf('<< /Type /Page >>', '%%EOF\ngarbage'), 'pdf'), 'it is cut short (no %%EOF)');
    await refused(verifyExport(pdf('<< /Type /PageLabels >>'), 'pdf'), 'it has no pages');
    await refused(verifyExport(utf8(` %PDF-1.7\n<< /Type /Page >>\n%%EOF`), 'pdf'), 'it does not start with %PDF-');
  });

  it('DOCX: finds the title across runs and entities, and counts tables and pictures', async () => {
    const body = (runs: string, tables: number) => `<w:document><w:body>${runs}${'<w:tbl></w:tbl>'.repeat(tables)}</w:body></w:document>`;
    const split = body('<w:r><w:t>Ghana &amp; </w:t></w:r><w:r><w:t xml:space="preserve">&lt;Togo&gt; &quot;2026&quot; &apos;x&apos;</w:t></w:r>', 1);
    expect(await verifyExport(await docx(split, ['image1.png']), 'docx', { title: 'Ghana & <Togo> "2026" \'x\'' })).toBe('DOCX re-read: document.xml has the title, 1 table, 1 image');
    expect(await verifyExport(await docx(body('<w:t>T</w:t>', 2), ['a.png', 'b.png']), 'docx', { title: 'T' })).toBe('DOCX re-read: document.xml has the title, 2 tables, 2 images');
    expect(await verifyExport(await docx(body('<w:t>T</w:t>', 0)), 'docx')).toBe('DOCX re-read: document.xml has the title, 0 tables, 0 images');
    await refused(verifyExport(await docx(body('<w:tx>Ghana</w:tx>', 0)), 'docx', { title: 'Ghana' }), 'the document does not contain the assessment title');
    const zip = new JSZip();
    zip.file('word/other.xml', '<w:t>Ghana</w:t>');
    await refused(verifyExport(await zip.generateAsync({ type: 'uint8array' }), 'docx'), 'word/document.xml is missing');
  });

  it('XLSX: names every missing and every empty sheet, and says how many rows each has', async () => {
    const book = await xlsx({ Summary: [['a'], ['b']], Plan: [['c']] });
    expect(await verifyExport(book, 'xlsx', { sheets: ['Summary', 'Plan'] })).toBe('XLSX re-read: 2 sheets (Summary 2 rows, Plan 1 rows)');
    await refused(verifyExport(book, 'xlsx', { sheets: ['Summary', 'Budget', 'Crosswalk'] }), 'sheets Budget, Crosswalk missing');
    await refused(verifyExport(await xlsx({ Summary: [['a']], Plan: [] }), 'xlsx'), 'sheet Plan empty');
    await refused(verifyExport(await xlsx({ Summary: [], Plan: [] }), 'xlsx'), 'sheets Summary, Plan empty');
  });

  it('CSV: needs the BOM, at least one row, the expected row count and the same width in every row', async () => {
    expect(await verifyExport(utf8('\uFEFFa,b\r\n1,2\r\n'), 'csv', { rows: 2 })).toBe('CSV re-read: 1 rows of 2 columns');
    await refused(verifyExport(utf8('\uFEFF'), 'csv'), 'it has no rows');
    await refused(verifyExport(utf8('\uFEFFa,b\r\n1,2\r\n'), 'csv', { rows: 3 }), 'it reads back as 2 rows, not 3');
    await refused(verifyExport(utf8('\uFEFFa,b\r\n1,2\r\n3\r\n'), 'csv'), 'row 3 has 1 fields, not 2');
    await refused(verifyExport(utf8('\uFEFFa,"b\r\n'), 'csv'), 'a quoted field is not closed');
  });

  it('JSON: needs an object with a string id', async () => {
    expect(await verifyExport(utf8('{"id":"abc"}'), 'json')).toBe('JSON re-read: assessment abc');
    for (const text of ['null', '"abc"', '[]', '{"id":5}']) await refused(verifyExport(utf8(text), 'json'), 'it is not an assessment');
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
    expect(printed[0]).toContain('<html lang="ja" dir="ltr">');
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
  it('are <title>-<CC>-<report>-<lang>[-<lang2>]-<date>.<ext>, safe on Windows, dated in the country’s time zone', () => {
    // 23:59 UTC on 6 March is 06:59 on 7 March in Viet Nam, where the team is.
    const generatedAt = new Date('2026-03-06T23:59:00Z');
    expect(exportFileName({ title: 'Viet Nam: national / "March"', country: 'VN' }, { format: 'xlsx', report: 'plan', language: 'en', secondLanguage: 'ja', redact: false, generatedAt })).toBe(
      'Viet-Nam-national-March-VN-plan-en-ja-2026-03-07.xlsx',
    );
    expect(exportFileName({ title: 'x', country: 'VN' }, { format: 'csv', report: 'full', language: 'en', redact: false, generatedAt, timeZone: 'Europe/London' })).toBe('x-VN-full-en-2026-03-06.csv');
    expect(titleStem('ベトナム評価 2026')).toBe('ベトナム評価-2026');
    expect(titleStem('<>:"/\\|?*')).toBe('assessment');
    expect(titleStem('..hidden')).toBe('hidden');
  });
});
