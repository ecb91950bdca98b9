import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, go, openPage, readStored, shot, type Language } from './app';
import { newDataDir, root, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();
const id = 'move-fixture-0001';

const words = {
  en: {
    current: 'CCAT framework 1.0.0',
    open: 'Move to framework 1.1.0',
    dialog: 'Move from framework 1.0.0 to 1.1.0',
    added: /new, unrated and flagged for review/,
    split: /split: rating copied to each part/,
    confirm: 'Move to 1.1.0',
    flagged: /^Flagged/,
    history: 'Framework version',
  },
  ja: {
    current: 'CCATフレームワーク 1.0.0',
    open: 'フレームワーク1.1.0へ移行',
    dialog: 'フレームワーク1.0.0から1.1.0への移行',
    added: /新規（未評定・要確認）/,
    split: /分割：評定を各指標に複写/,
    confirm: '1.1.0へ移行',
    flagged: /^要確認/,
    history: 'フレームワークのバージョン',
  },
} as const;

/** serve on a data folder holding the 1.0.0 fixture assessment, rated across all domains. */
async function openWithFixture(language: Language) {
  e2e.dataDir = await newDataDir();
  await mkdir(join(e2e.dataDir, 'assessments', id), { recursive: true });
  await copyFile(join(root, 'tests', 'fixtures', 'assessments', 'ccat-1.0.0-all-domains.json'), join(e2e.dataDir, 'assessments', id, 'r000000007.json'));
  e2e.serve = await startServe(e2e.dataDir);
  return openPage(e2e.browser, e2e.serve, { language });
}

describe('moving an assessment to framework 1.1.0', () => {
  for (const language of ['en', 'ja'] as const) {
    it(`previews the move on the setup screen, then moves and opens the flagged indicators (${language})`, async () => {
      const w = words[language];
      const { page } = await openWithFixture(language);
      const preview = await api(page, 'previewFrameworkMove', { id, toVersion: '1.1.0' });

      await go(page, `#/a/${id}/setup/basics`);
      await page.getByText(w.current).waitFor();
      await page.getByRole('button', { name: w.open }).click();
      const dialog = page.getByRole('dialog', { name: w.dialog });
      await dialog.getByText(w.added).waitFor();
      // The four counts as the core previewed them, and the per-indicator lists.
      const counts = await dialog.locator('.move-counts strong').allTextContents();
      expect(counts).toEqual([preview.counts.kept, preview.counts.flagged, preview.counts.dropped, preview.counts.added].map(String));
      await dialog.getByText(w.split).first().waitFor();
      await shot(page, `framework-move-preview-${language}`, false);

      await dialog.getByRole('button', { name: w.confirm }).click();
      // The workspace reopens on 1.1.0 with the flagged filter on.
      const flaggedChip = page.locator('.filter-chip.selected').filter({ hasText: w.flagged });
      await flaggedChip.waitFor();
      await expect.poll(() => flaggedChip.locator('.chip-count').textContent()).toBe(String(preview.counts.flagged + preview.counts.added));
      await shot(page, `framework-move-flagged-${language}`);

      const stored = await readStored(e2e.dataDir!, id);
      expect(stored).toMatchObject({ frameworkVersion: '1.1.0', revision: 8 });
      expect(stored.history.at(-1)).toMatchObject({ field: 'framework', from: { version: '1.0.0' }, to: { version: '1.1.0' } });

      await go(page, `#/a/${id}/history`);
      await page.getByRole('cell', { name: w.history }).first().waitFor();
      await shot(page, `framework-move-history-${language}`);
    });
  }
});
