import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { createChromiumServices } from '../../../cli/pdf';
import { renderExport } from '../../../core/report/render-export';
import { bytesOf } from './extract';
import { exportInput } from './report-fixture';

const chromium = createChromiumServices();
const folder = mkdtempSync(join(tmpdir(), 'ccat-table-words-e2e-'));
afterAll(async () => {
  await chromium.close();
  rmSync(folder, { recursive: true, force: true });
});

// pdftotext closes up the narrow spaces of a formula ("1 × 2 × 1" comes back as "1×2×1").
const words = (text: string) =>
  text
    .replace(/\s*×\s*/g, '×')
    .split(/[\s\u00a0]+/)
    .filter((word) => word !== '');

/**
 * The words of the HTML the PDF is printed from, and the pieces pdftotext may give back for a word
 * that wraps at its own hyphen ("confidence-" and "building", or "confidencebuilding" when the
 * hyphen ends a line): only a word cut elsewhere ("Kesenja" / "ngan") is none of these.
 */
function acceptedWords(html: string): Set<string> {
  // Tags become spaces: a cell's text must not run into the next cell's.
  const text = new JSDOM(html.slice(html.indexOf('<body')).replace(/<[^>]+>/g, ' ')).window.document.body.textContent ?? '';
  const accepted = new Set<string>();
  for (const word of words(text)) {
    accepted.add(word);
    const pieces = word.split('-');
    pieces.forEach((piece, i) => {
      accepted.add(i < pieces.length - 1 ? `${piece}-` : piece);
      // The hyphen that ended a line, dropped.
      if (i > 0) accepted.add(`${pieces.slice(0, i).join('-')}${pieces.slice(i).join('-')}`);
    });
  }
  return accepted;
}

describe('report tables in languages with long words', () => {
  // French and Indonesian headers ("Kesenjangan", "Référence (moyenne)") are the longest; fixed column shares cut them.
  it.each([
    ['fr', 'summary'],
    ['fr', 'plan'],
    ['id', 'summary'],
    ['id', 'plan'],
  ] as const)('%s %s: every word in the PDF is a whole word of the report', async (language, report) => {
    const input = exportInput('pdf', report, { language, frameworkVersion: '1.1.0', baseline: true });
    const html = (await renderExport({ ...input, format: 'html' })).content;
    const path = join(folder, `${language}-${report}.pdf`);
    writeFileSync(path, bytesOf(await renderExport(input, chromium)));
    const accepted = acceptedWords(html);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    const printed = words(text);
    // The page footer's counters are filled in by the print engine, not in the HTML: page numbers
    // up to the page count (pdftotext ends each page with a form feed), never a piece of a longer number.
    const pages = text.split('\f').length - 1;
    const pageNumber = (word: string) => /^\d+$/.test(word) && Number(word) >= 1 && Number(word) <= pages;
    const pageFurniture = (word: string) => ['Page', 'Halaman', 'sur', 'dari'].includes(word) || word.split('/').every(pageNumber);
    expect(pages).toBeGreaterThan(1);
    expect([...new Set(printed.filter((word) => !accepted.has(word) && !pageFurniture(word)))]).toEqual([]);
  }, 60_000);
});
