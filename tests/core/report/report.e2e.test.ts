import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumServices, sharedBrowser } from '../../../cli/pdf';
import type { ExportedFile } from '../../../core/api/commands';
import { renderExport } from '../../../core/report/render-export';
import type { ReportKind } from '../../../core/report/report-input';
import { bytesOf } from './extract';
import { attributableInput, exportInput, fieldAssessment, namedOrganisation, people, quietInput, secretOrganisation } from './report-fixture';
import { translationProblems } from './untranslated';

const screenshots = join(import.meta.dirname, '..', '..', '..', 'artifacts', 'screenshots');
const chromium = createChromiumServices();
// One folder for the whole file: the PDFs printed once below are read by several tests.
const folder = mkdtempSync(join(tmpdir(), 'ccat-report-e2e-'));
afterAll(async () => {
  await chromium.close();
  rmSync(folder, { recursive: true, force: true });
});

type Variant = { report: ReportKind; language: 'en' | 'ja'; secondLanguage?: 'en' | 'ja'; tag: string };
const variants: Variant[] = (['summary', 'full', 'plan'] as const).flatMap((report) => [
  { report, language: 'en' as const, tag: 'en' },
  { report, language: 'ja' as const, tag: 'ja' },
  { report, language: 'en' as const, secondLanguage: 'ja' as const, tag: 'en-ja' },
]);

const pdfs = new Map<string, { file: ExportedFile; path: string; text: string }>();

function pdftotext(path: string, page?: number): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), path, '-'], { encoding: 'utf8' });
}

const pageCount = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);

const squash = (text: string) => text.replace(/\s+/g, '');

// One browser for the whole file; the nine reports print one after another on it.
beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  for (const v of variants) {
    const file = await renderExport({ ...exportInput('pdf', v.report, { language: v.language, secondLanguage: v.secondLanguage, baseline: true }), classification: 'official-use' }, chromium);
    const path = join(folder, file.fileName);
    writeFileSync(path, bytesOf(file));
    // The first page as an HQ reader sees it, for people to look at (design §9).
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, join(screenshots, `report-${v.report}-${v.tag}`)]);
    pdfs.set(`${v.report}-${v.tag}`, { file, path, text: pdftotext(path) });
  }
}, 180_000);

describe('PDF reports printed by Chromium', () => {
  it('are verified A4 PDFs with pages', () => {
    for (const [key, { file, path }] of pdfs) {
      expect(file.verified, key).toMatch(/^PDF re-read: \d+ pages?/);
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(info, key).toMatch(/Page size:.*\(A4\)/);
    }
    expect(Number(/(\d+) pages/.exec(pdfs.get('full-en')!.file.verified)![1])).toBeGreaterThan(10);
  });

  it('mark every page: classification and DRAFT in the header, the title and "page n of m" in the footer', () => {
    for (const [key, { path }] of pdfs) {
      const pages = pageCount(path);
      const ja = key.endsWith('-ja') && !key.endsWith('en-ja');
      for (let page = 1; page <= pages; page++) {
        const text = squash(pdftotext(path, page));
        expect(text, `${key} p${page}`).toContain(squash(ja ? '取扱注意' : 'For official use'));
        expect(text, `${key} p${page}`).toContain(squash(ja ? '未確定稿（レビュー中）' : 'DRAFT — not final (In review)'));
        expect(text, `${key} p${page}`).toContain(squash(ja ? `${page} / ${pages} ページ` : `Page ${page} of ${pages}`));
        expect(text, `${key} p${page}`).toContain(squash('Viet Nam national assessment, March 2026'));
      }
    }
  });

  it('keep long reference names whole in the crosswalk appendix (no "CapacityDevelopme / nt")', () => {
    for (const key of ['full-en', 'full-ja']) {
      const words = pdfs.get(key)!.text.split(/\s+/);
      expect(words.filter((w) => /^CapacityDevelopment,?$/.test(w)).length, key).toBeGreaterThan(5);
      expect(words.filter((w) => w.startsWith('CapacityDevelopme') && !/^CapacityDevelopment,?$/.test(w)), key).toEqual([]);
    }
  });

  it('are tagged, with the generation time in the country’s time zone, named', () => {
    for (const [key, { path, text }] of pdfs) {
      expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' }), key).toMatch(/^Tagged:\s+yes$/m);
      // 2026-03-06T08:30Z is 15:30 in Viet Nam.
      expect(squash(text), key).toMatch(/(15:30|03:30PM)GMT\+7\(Asia\/(Saigon|Ho_Chi_Minh)\)/);
    }
  });

  it('show what each session said in the full report, in every language', () => {
    for (const tag of ['en', 'ja', 'en-ja']) {
      const text = squash(pdfs.get(`full-${tag}`)!.text);
      expect(text, tag).toContain(squash(attributableInput));
      expect(text, tag).toContain(squash(quietInput));
    }
  });

  it('contain no unfilled placeholder, raw key or English fallback', () => {
    for (const [key, { text }] of pdfs) {
      const languages = key.endsWith('en-ja') ? (['en', 'ja'] as const) : key.endsWith('-ja') ? (['ja'] as const) : (['en'] as const);
      expect(translationProblems(text, languages), key).toEqual([]);
    }
  });

  it('embed real fonts, not Type 3, in an English report', async () => {
    const assessment = fieldAssessment();
    // Arabic notes would need an Arabic face, which this machine has only as CFF (Type 3 in
    // Chromium's PDFs); Japanese has the shipped Noto Sans JP (see the Japanese test below).
    for (const r of Object.values(assessment.responses)) r.notes = 'Evidence seen.';
    assessment.sessions = [];
    const file = await renderExport(exportInput('pdf', 'summary', { assessment }), chromium);
    const path = join(folder, `latin-${file.fileName}`);
    writeFileSync(path, bytesOf(file));
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).not.toMatch(/Type 3/);
  });

  it('print hostile notes as literal text and keep right-to-left text', () => {
    // Table columns interleave in extracted text, so each fragment is looked for on its own.
    const text = squash(pdfs.get('full-en')!.text);
    for (const fragment of ['<img src=x onerror=alert(1)>', '</script>', '<script>alert(2)</script>', '<a href="javascript:alert(3)">link</a>']) expect(text).toContain(squash(fragment));
    expect(text).toMatch(/[\u0600-\u06FF]{4}/);
  });

  it('in Japanese: the title and labels are extractable text in the shipped Noto Sans JP, embedded as a real font (not Type 3) with a Unicode map', () => {
    const { text, path } = pdfs.get('summary-ja')!;
    expect(text).toContain('サイバー能力評価報告書');
    expect(text).toContain('領域別の主な評価結果');
    expect(text).toContain('ベトナム');
    expect(text).not.toMatch(/[\uFFFD\u25A1]/);
    // The machine's CJK face is CFF (Chromium would print it as Type 3 glyph sets); the report
    // carries the TrueType Noto Sans JP CCAT ships. Every font embedded ("emb yes") with a Unicode map ("uni yes").
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.some((font) => /NotoSansJP/.test(font) && /CID TrueType/.test(font))).toBe(true);
    for (const font of fonts) expect(font).not.toMatch(/Type 3/);
    for (const font of fonts) expect(font).toMatch(/\byes\s+(?:yes|no)\s+yes\s+\d+\s+\d+\s*$/);
  });

  it('bilingual: both languages side by side', () => {
    for (const report of ['summary', 'full', 'plan'] as const) {
      const text = pdfs.get(`${report}-en-ja`)!.text;
      expect(text).toContain('Cyber capacity assessment report');
      expect(text).toContain('サイバー能力評価報告書');
    }
    expect(pdfs.get('summary-en-ja')!.text).toContain('Key findings by domain');
    expect(pdfs.get('summary-en-ja')!.text).toContain('領域別の主な評価結果');
  });

  it('never name a non-attributable organisation; the redacted edition names no person and no organisation', async () => {
    for (const { text } of pdfs.values()) expect(text).not.toContain(secretOrganisation);
    const file = await renderExport(exportInput('pdf', 'full', { redact: true }), chromium);
    const path = join(folder, file.fileName);
    writeFileSync(path, bytesOf(file));
    const text = pdftotext(path);
    for (const name of [...people, secretOrganisation, namedOrganisation]) expect(text).not.toContain(name);
    // What the non-attributable session said is left out too; what the ministry said stays.
    expect(squash(text)).not.toContain(squash(quietInput));
    expect(squash(text)).toContain(squash(attributableInput));
  });
});

describe('the HTML report opened in Chromium', () => {
  it('runs no script, opens no dialog and makes no request', async () => {
    const browser = await sharedBrowser();
    const context = await browser.newContext({ javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => errors.push(error.message));
      for (const report of ['summary', 'full', 'plan'] as const) {
        const file = await renderExport(exportInput('html', report, { secondLanguage: 'ja' }));
        const path = join(folder, file.fileName);
        writeFileSync(path, file.content);
        const url = pathToFileURL(path).href;
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(200);
        expect(await page.evaluate(() => document.scripts.length)).toBe(0);
        expect(await page.evaluate(() => document.body.innerText.includes('<img src=x onerror=alert(1)>'))).toBe(report === 'full');
        expect(requests.filter((r) => r !== url)).toEqual([]);
        requests.length = 0;
      }
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the DOCX chart', () => {
  it('is the report radar rasterised to PNG by Chromium', async () => {
    const file = await renderExport(exportInput('docx', 'summary', { language: 'ja', secondLanguage: 'en', baseline: true }), chromium);
    expect(file.verified).toMatch(/1 image$/);
    const png = await chromium.rasterize('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#000"/></svg>');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([40, 20]);
  });
});
