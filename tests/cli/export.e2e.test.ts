import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runExport } from '../../cli/commands/export';
import { docxText } from '../core/report/extract';
import { people, secretOrganisation } from '../core/report/report-fixture';
import { seedDataDir } from '../core/report/seed-store';
import { useTempDirs } from '../core/temp-dir';
import { runCcat } from './ccat';

const tempDir = useTempDirs();
afterEach(() => vi.restoreAllMocks());

async function seeded() {
  const dataDir = await tempDir();
  const { id } = await seedDataDir(dataDir);
  return { dataDir, id, outDir: await tempDir() };
}

describe('ccat export with Chromium', () => {
  it('prints a PDF in a separate process that then exits, and verifies it on disk', async () => {
    const { dataDir, id, outDir } = await seeded();
    const out = join(outDir, 'report.pdf');
    const run = runCcat(['export', id, '--format', 'pdf', '--report', 'full', '--lang', 'en', '--out', out, '--data-dir', dataDir], { timeout: 90_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/on disk: +PDF re-read: \d+ pages .*identical to the export/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('VietNamnationalassessment,March2026');
    expect(text).toContain('<imgsrc=xonerror=alert(1)>');
    expect(text).not.toContain(secretOrganisation.replace(/\s+/g, ''));
  }, 120_000);

  it('prints an Arabic PDF right to left with the shipped Arabic font found from the CLI, and a Thai one with the Thai font', async () => {
    const { dataDir, id, outDir } = await seeded();
    for (const [lang, font] of [
      ['ar', 'NotoSansArabic'],
      ['th', 'NotoSansThai'],
    ] as const) {
      const out = join(outDir, `report-${lang}.pdf`);
      const run = runCcat(['export', id, '--format', 'pdf', '--report', 'summary', '--lang', lang, '--out', out, '--data-dir', dataDir], { timeout: 90_000 });
      expect(run.status, run.stderr).toBe(0);
      const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
      expect(fonts).toMatch(new RegExp(`${font}-Regular +CID TrueType`));
      expect(fonts).not.toMatch(/Type 3/);
      // The language's name in its own script, in the draft-translation note.
      expect(execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' })).toContain(lang === 'ar' ? 'العربية' : 'ไทย');
    }
  }, 180_000);

  it('writes a redacted bilingual DOCX with the chart as a picture', async () => {
    const { dataDir, id, outDir } = await seeded();
    const out = join(outDir, 'summary.docx');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await runExport({ 'data-dir': dataDir, format: 'docx', report: 'summary', lang: 'ja', 'second-lang': 'en', redact: true, out }, [id])).toBe(0);
    expect(log.mock.calls.flat().join('\n')).toMatch(/DOCX re-read: document.xml has the title, \d+ tables, 1 image/);
    const text = await docxText(new Uint8Array(await readFile(out)));
    expect(text).toContain('サイバー能力評価報告書');
    expect(text).toContain('Cyber capacity assessment report');
    for (const name of [...people, secretOrganisation]) expect(text).not.toContain(name);
  }, 120_000);

  it('explains plainly what to do when Chromium is not where it was said to be', async () => {
    const { dataDir, id, outDir } = await seeded();
    const run = runExport({ 'data-dir': dataDir, format: 'pdf', chromium: '/nonexistent/chromium', out: join(outDir, 'r.pdf') }, [id]);
    await expect(run).rejects.toThrow(/PDF export needs Chromium, and there is none at \/nonexistent\/chromium.*--chromium PATH/);
  });
});
