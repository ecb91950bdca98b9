import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { api, axeViolations, openPage, shot } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

const words = {
  en: { open: 'Export…', format: 'Format', classification: 'Classification line on every page', preset: 'For official use', submit: 'Export', done: /^Exported .*\.pdf\. Checked after writing: \d+ pages? \(\d+ KB\)\.$/, marking: 'For official use' },
  ja: { open: '出力…', format: '形式', classification: '各ページの取扱区分', preset: '取扱注意', submit: '出力', done: /^.*\.pdf を出力しました。書き出し後の確認：\d+ページ（\d+ KB）。$/, marking: '取扱注意' },
} as const;

describe('exporting a report from the app', () => {
  it.each(['en', 'ja'] as const)('%s: PDF with a classification line, and the check said in the UI language', async (language) => {
    const w = words[language];
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve, { language, bypassCSP: true });
    try {
      const made = await api(page, 'createAssessment', { title: 'Viet Nam field assessment 2026', country: 'VN', mode: 'field', team: [{ name: 'Aiko Tanaka', role: 'Lead' }], by: 'Aiko Tanaka' });
      await api(page, 'updateResponse', { id: made.id, indicatorId: 'hygiene.strategy.document', patch: { rating: { kind: 'level', level: 3 }, confidence: 'high', notes: 'Strategy adopted in 2024.' }, base: { rating: null, confidence: null, notes: '' }, by: 'Aiko Tanaka' });
      await page.reload();
      await page.getByRole('link', { name: 'Viet Nam field assessment 2026' }).click();
      await page.getByRole('button', { name: w.open }).click();
      await page.getByLabel(w.format, { exact: true }).selectOption('pdf');
      await page.getByLabel(w.classification).selectOption({ label: w.preset });
      await shot(page, `report-export-dialog-${language}`, false);
      expect(await axeViolations(page)).toEqual([]);
      const download = page.waitForEvent('download');
      await page.getByRole('dialog').getByRole('button', { name: w.submit, exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: /\.pdf/ });
      await status.waitFor({ timeout: 60_000 });
      const said = (await status.textContent())!.trim();
      expect(said).toMatch(w.done);
      expect(said).not.toContain('re-read');
      await shot(page, `report-export-done-${language}`, false);
      const path = await (await download).path();
      const bytes = await readFile(path);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await context.close();
    }
  }, 120_000);
});
