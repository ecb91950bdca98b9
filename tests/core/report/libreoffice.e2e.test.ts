import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createChromiumServices } from '../../../cli/pdf';
import { renderExport } from '../../../core/report/render-export';
import { bytesOf } from './extract';
import { exportInput } from './report-fixture';

/** LibreOffice stands in for Word and Excel: if it opens our files without complaint, HQ's Office very likely will. */
const soffice = [process.env.CCAT_SOFFICE, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p): p is string => !!p && existsSync(p));
if (!soffice) console.log('LibreOffice tests skipped: no soffice found (set CCAT_SOFFICE, or apt-get install libreoffice-writer libreoffice-calc).');

const screenshots = join(import.meta.dirname, '..', '..', '..', 'artifacts', 'screenshots');
const folder = mkdtempSync(join(tmpdir(), 'ccat-libreoffice-'));
const chromium = createChromiumServices();
afterAll(async () => {
  await chromium.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Converts with a private profile (so a running LibreOffice cannot interfere) and returns the PDF path. */
function convert(path: string): string {
  const profile = pathToFileURL(join(folder, 'profile')).href;
  const result = spawnSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', folder, path], { encoding: 'utf8', timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  const pdf = path.replace(/\.(docx|xlsx)$/, '.pdf');
  expect(existsSync(pdf), `${result.stdout}\n${result.stderr}`).toBe(true);
  return pdf;
}

describe.skipIf(!soffice)('DOCX and XLSX open in LibreOffice', () => {
  it.each([
    ['summary', 'ja', 'en'],
    ['full', 'en', undefined],
    ['plan', 'en', 'ja'],
  ] as const)('DOCX %s (%s, second language %s) converts to PDF with its text', async (report, language, secondLanguage) => {
    const file = await renderExport(exportInput('docx', report, { language, secondLanguage, baseline: true }), chromium);
    const path = join(folder, file.fileName);
    writeFileSync(path, bytesOf(file));
    const pdf = convert(path);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Viet Nam national assessment, March 2026');
    expect(text).toContain(language === 'ja' || secondLanguage === 'ja' ? 'サイバー能力評価報告書' : 'Cyber capacity assessment report');
    if (report === 'summary') {
      mkdirSync(screenshots, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(screenshots, `report-docx-${report}-${language}-${secondLanguage ?? ''}`.replace(/-$/, ''))]);
    }
  });

  it.each([
    ['id', 'summary', ['Kesenjangan', 'Target', 'Urutan']],
    ['fr', 'plan', ['Recoupement', 'Priorité', 'Faisabilité']],
  ] as const)('DOCX %s %s keeps its table headers whole in LibreOffice (%s)', async (language, report, headers) => {
    const file = await renderExport(exportInput('docx', report, { language, frameworkVersion: '1.1.0', baseline: true }));
    const path = join(folder, `words-${file.fileName}`);
    writeFileSync(path, bytesOf(file));
    const words = new Set(execFileSync('pdftotext', ['-enc', 'UTF-8', convert(path), '-'], { encoding: 'utf8' }).split(/\s+/));
    expect(headers.filter((header) => !words.has(header))).toEqual([]);
    // Nor any beginning of them, as a word cut in two leaves.
    expect([...words].filter((word) => headers.some((header) => header.startsWith(word) && word.length >= 4 && word !== header))).toEqual([]);
  });

  it('XLSX converts to PDF with every sheet', async () => {
    const file = await renderExport(exportInput('xlsx', 'full', { language: 'en', secondLanguage: 'ja', baseline: true }));
    const path = join(folder, file.fileName);
    writeFileSync(path, bytesOf(file));
    const pdf = convert(path);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('hygiene.strategy.document');
    expect(text).toContain('設問');
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBeGreaterThan(6);
  });
});
