import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createChromiumServices, sharedBrowser } from '../../../cli/pdf';
import { openCore } from '../../../core/api/open-core.node.ts';
import { bytesOf } from '../report/extract';
import { ok } from '../api/core-harness';
import { assessmentsDir, hostileTitle, hqAssessments, seedPortfolio } from './seed';

const chromium = createChromiumServices();
const screenshots = join(import.meta.dirname, '..', '..', '..', 'artifacts', 'screenshots');
const squash = (text: string) => text.replace(/\s+/g, '');
mkdirSync(screenshots, { recursive: true });
const folder = mkdtempSync(join(tmpdir(), 'ccat-hq-e2e-'));
afterAll(async () => {
  await chromium.close();
  rmSync(folder, { recursive: true, force: true });
});

async function seededCore() {
  const dataDir = join(folder, `data-${Math.random().toString(36).slice(2)}`);
  await seedPortfolio(dataDir, hqAssessments());
  return openCore({ dataDir, assessmentsDir, appVersion: '0.0.0-test', now: () => new Date('2026-03-05T08:00:00Z'), exports: { printPdf: chromium.printPdf } });
}

describe('HQ exports in Chromium', () => {
  it('the portfolio, comparison and ranking HTML run no script, open no dialog and request nothing', async () => {
    const api = await seededCore();
    const browser = await sharedBrowser();
    const context = await browser.newContext({ javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request) => requests.push(request.url()));
      const files = [
        await ok(api, 'exportPortfolio', { format: 'html', language: 'en' }),
        await ok(api, 'exportComparison', { format: 'html', language: 'en', ids: ['ke-2026-0001', 'vn-2026-0001', 'vn-2025-0001'] }),
        await ok(api, 'exportRanking', { format: 'html', language: 'ja' }),
      ];
      for (const file of files) {
        const path = join(folder, file.fileName);
        writeFileSync(path, file.content);
        const url = pathToFileURL(path).href;
        await page.goto(url, { waitUntil: 'load' });
        expect(await page.evaluate(() => document.scripts.length)).toBe(0);
        expect(requests.filter((r) => r !== url)).toEqual([]);
        requests.length = 0;
      }
      // The hostile title is shown as text in the portfolio and the comparison.
      await page.goto(pathToFileURL(join(folder, files[1]!.fileName)).href);
      expect(await page.evaluate((title) => document.body.innerText.includes(title), hostileTitle)).toBe(true);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
      await api.close();
    }
  }, 60_000);

  it('PDFs print the portfolio on landscape A4 with the column headers and countries as whole words', async () => {
    const api = await seededCore();
    try {
      for (const language of ['en', 'fr'] as const) {
        const path = join(folder, `portfolio-words-${language}.pdf`);
        writeFileSync(path, bytesOf(await ok(api, 'exportPortfolio', { format: 'pdf', language })));
        // 297 × 210 mm: A4 turned on its side.
        expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+84\d\.\d+ x 59\d\.\d+ pts \(A4\)/);
        // Fixed shares of a portrait page cut these mid-word ("Fram ewor k versi on", "Philippine s").
        const words = new Set(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split(/\s+/));
        const expected = language === 'en' ? ['Framework', 'version', 'Indicators', 'Status', 'Philippines', 'self-assessment', 'infrastructure', 'resources'] : ['référentiel', 'Indicateurs', 'Philippines', 'Auto-évaluation', 'Cybercriminalité', 'Ressources'];
        expect(expected.filter((word) => !words.has(word)), language).toEqual([]);
      }
    } finally {
      await api.close();
    }
  }, 60_000);

  it('PDFs printed from the same HTML carry the tables as text', async () => {
    const api = await seededCore();
    try {
      for (const [name, file] of [
        ['portfolio', await ok(api, 'exportPortfolio', { format: 'pdf', language: 'en', weights: { networkNode: 5 } })],
        ['ranking', await ok(api, 'exportRanking', { format: 'pdf', language: 'ja' })],
        ['comparison', await ok(api, 'exportComparison', { format: 'pdf', language: 'en', ids: ['vn-2026-0001', 'vn-2025-0001', 'ph-2026-0001'] })],
      ] as const) {
        expect(file.verified).toMatch(/^PDF re-read: \d+ pages?/);
        const path = join(folder, `${name}.pdf`);
        writeFileSync(path, bytesOf(file));
        // Narrow table columns wrap words onto several lines: compare without whitespace.
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        // The first page as an HQ reader sees it, for people to look at (design §9).
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, join(screenshots, `hq-${name}`)]);
        if (name === 'portfolio') {
          expect(text).toContain(squash('HQ portfolio'));
          expect(text).toContain(squash('Philippines field assessment 2026'));
          // The device name wraps in its narrow column (Noto Sans, which PDFs embed, is wider than Arial), and the
          // next column's lines come between its words.
          expect(text).toMatch(/Manila.*laptop/);
          expect(text).toContain(squash('Countries ranked: 2'));
        } else if (name === 'comparison') {
          expect(text).toContain(squash('Comparison of assessments'));
          expect(text).toContain(squash('on the 121 of 128 indicators'));
          expect(text).toContain(squash('Differences are to the first assessment: Viet Nam field assessment 2026'));
        } else {
          expect(text).toContain('支援対象国の選定');
          expect(text).toContain('フィリピン');
          expect(text).not.toMatch(/[\uFFFD]/);
        }
      }
    } finally {
      await api.close();
    }
  }, 60_000);
});
