import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../core/api/commands';
import { api, axeViolations, openPage, shot, type Language } from './app';
import { chooseCcatFile } from './ccat-import';
import { newDataDir, removeDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

type Rated = Array<[string, 1 | 2 | 3 | 4 | 5]>;
interface Made {
  title: string;
  country: string;
  period: { from: string; to: string };
  context: NonNullable<CommandInput<'createAssessment'>['context']>;
  ratings: Rated;
}

/** One indicator per domain, so that every domain and the overall score exist. */
const rated = (levels: [1 | 2 | 3 | 4 | 5, 1 | 2 | 3 | 4 | 5, 1 | 2 | 3 | 4 | 5, 1 | 2 | 3 | 4 | 5, 1 | 2 | 3 | 4 | 5]): Rated => [
  ['hygiene.csirt.mandate', levels[0]],
  ['cip.identification.criteria', levels[1]],
  ['cybercrime.substantive-law.cia-offences', levels[2]],
  ['norms.international-law.national-position', levels[3]],
  ['hr.workforce.workforce-analysis', levels[4]],
];

/** Three countries once and Ghana twice (2023 and 2025), all final, as five field teams would send them. */
const files: Made[] = [
  { title: 'Kenya 2025', country: 'KE', period: { from: '2025-03-10', to: '2025-03-21' }, context: { donorSupport: {}, japaneseBusinessPresence: 3, networkNodeImportance: 3, notes: '' }, ratings: rated([3, 3, 3, 3, 3]) },
  { title: 'Viet Nam 2025', country: 'VN', period: { from: '2025-06-02', to: '2025-06-13' }, context: { donorSupport: {}, japaneseBusinessPresence: 1, networkNodeImportance: 0, notes: '' }, ratings: rated([2, 2, 1, 2, 2]) },
  { title: 'Fiji 2024', country: 'FJ', period: { from: '2024-09-02', to: '2024-09-06' }, context: { donorSupport: {}, japaneseBusinessPresence: 0, networkNodeImportance: 2, notes: '' }, ratings: rated([4, 4, 4, 4, 4]) },
  { title: 'Ghana 2023', country: 'GH', period: { from: '2023-05-08', to: '2023-05-19' }, context: { donorSupport: {}, japaneseBusinessPresence: 1, networkNodeImportance: 1, notes: '' }, ratings: rated([1, 1, 1, 2, 1]) },
  { title: 'Ghana 2025', country: 'GH', period: { from: '2025-05-05', to: '2025-05-16' }, context: { donorSupport: {}, japaneseBusinessPresence: 1, networkNodeImportance: 1, notes: '' }, ratings: rated([3, 2, 2, 2, 2]) },
];

const words = {
  en: {
    heading: 'Assessments',
    signer: /every group matches/,
    import: 'Import',
    done: 'Import complete',
    back: 'Back to the assessments',
    portfolio: 'Back to the portfolio',
    group: 'Group by country',
    overall: 'Overall',
    country: 'Country',
    compare2: 'Compare 2 assessments',
    trend: 'Trend of Ghana',
    trendHeading: 'Trend: Ghana',
    ranking: 'Country selection',
    business: 'Japanese business activity',
    xlsx: 'Excel (XLSX)',
    checkedSheets: '1 sheet',
    archive: 'Archive',
    restore: 'Restore',
    trash: 'Move to trash',
    trashLink: 'Trash',
    emptyHeading: 'No assessments yet',
    emptyTrash: 'Empty trash (1 assessment)…',
    deleteOne: 'Delete 1 assessment',
    deleted: '1 assessment deleted.',
  },
  ja: {
    heading: '評価',
    signer: /すべてのグループが一致しました/,
    import: '取り込む',
    done: '取り込みが完了しました',
    back: '評価の一覧に戻る',
    portfolio: 'ポートフォリオに戻る',
    group: '国ごとにまとめる',
    overall: '総合',
    country: '国',
    compare2: '2件を比較',
    trend: 'ガーナの推移',
    trendHeading: '推移：ガーナ',
    ranking: '支援対象国の選定',
    business: '日本企業の活動状況',
    xlsx: 'Excel（XLSX）',
    checkedSheets: 'シート1枚',
    archive: 'アーカイブ',
    restore: '元に戻す',
    trash: 'ごみ箱へ移動',
    trashLink: 'ごみ箱',
    emptyHeading: '評価はまだありません',
    emptyTrash: 'ごみ箱を空にする（1件）…',
    deleteOne: '1件を削除',
    deleted: '1件の評価を削除しました。',
  },
} as const;

/** Made and finalised on a field laptop (its own data folder and serve), each exported as its own .ccat file. */
async function makeFiles(): Promise<Array<{ name: string; bytes: Buffer }>> {
  const dir = await newDataDir();
  const serve = await startServe(dir);
  try {
    const { page, context } = await openPage(e2e.browser, serve);
    const by = 'Field team';
    const out = [];
    for (const made of files) {
      const { id } = await api(page, 'createAssessment', { title: made.title, country: made.country, mode: 'field', period: made.period, context: made.context, by });
      for (const [indicatorId, level] of made.ratings) await api(page, 'updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level } }, base: { rating: null }, by });
      await api(page, 'finalizeAssessment', { id, by });
      const file = await api(page, 'exportBundle', { ids: [id], by });
      out.push({ name: file.fileName, bytes: Buffer.from(file.content, 'base64') });
    }
    await context.close();
    return out;
  } finally {
    await serve.stop();
    await removeDir(dir);
  }
}

async function importAll(page: Page, language: Language, bundles: Array<{ name: string; bytes: Buffer }>) {
  const w = words[language];
  for (const bundle of bundles) {
    await chooseCcatFile(page, language, bundle);
    const submit = page.getByRole('button', { name: w.import, exact: true });
    await submit.waitFor();
    // Only the first file comes from a signer not seen before.
    const signer = page.getByLabel(w.signer);
    if (await signer.count()) await signer.check();
    await submit.click();
    await page.getByRole('heading', { name: w.done }).waitFor();
    await page.getByRole('link', { name: w.back }).click();
  }
}

const titles = (page: Page) => page.locator('table.portfolio-table tbody td.portfolio-title').allTextContents();
const rankedCountries = (page: Page) => page.locator('table.ranking-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-country')));

describe('HQ portfolio', () => {
  for (const language of ['en', 'ja'] as const) {
    it(`imports five .ccat files, sorts, filters, compares two, opens a trend, re-ranks by a weight, exports the ranking and archives and restores one (${language})`, async () => {
      const w = words[language];
      const bundles = await makeFiles();
      e2e.dataDir = await newDataDir();
      e2e.serve = await startServe(e2e.dataDir);
      const { page } = await openPage(e2e.browser, e2e.serve, { language, width: 1366, height: 680, bypassCSP: true });
      // The empty state, not the moment before the list arrives, is what a first-time user sees and what axe checks.
      await page.getByRole('heading', { name: w.emptyHeading, level: 2 }).waitFor();
      await shot(page, `portfolio-empty-${language}`, false);
      expect(await axeViolations(page)).toEqual([]);
      await importAll(page, language, bundles);
      await page.getByRole('heading', { name: w.heading, level: 1 }).waitFor();
      await expect.poll(() => titles(page)).toHaveLength(5);

      // Sort by the overall score with the keyboard: highest first, then lowest first.
      const overall = page.getByRole('columnheader', { name: new RegExp(`^${w.overall}`) });
      await overall.getByRole('button').focus();
      await page.keyboard.press('Enter');
      expect(await overall.getAttribute('aria-sort')).toBe('descending');
      expect(await titles(page)).toEqual(['Fiji 2024', 'Kenya 2025', 'Ghana 2025', 'Viet Nam 2025', 'Ghana 2023']);
      await page.keyboard.press('Enter');
      expect(await overall.getAttribute('aria-sort')).toBe('ascending');
      expect((await titles(page))[0]).toBe('Ghana 2023');
      await shot(page, `portfolio-${language}`, false);
      expect(await axeViolations(page)).toEqual([]);

      // Filter by region, then by country; group by country.
      await page.locator('#filter-region').selectOption('asean');
      await expect.poll(() => titles(page)).toEqual(['Viet Nam 2025']);
      await page.locator('#filter-region').selectOption('africa');
      // The chosen region's whole name on hover, in the UI's language, where the closed list may cut it.
      expect(await page.locator('#filter-region').getAttribute('title')).toBe(language === 'ja' ? 'アフリカ' : 'Africa');
      await page.getByRole('checkbox', { name: w.group }).check();
      await expect.poll(() => page.locator('table.portfolio-table tr.group-row').count()).toBe(2);
      await page.getByRole('checkbox', { name: w.group }).uncheck();
      await page.locator('#filter-region').selectOption('');
      await page.locator('#filter-country').selectOption('GH');
      await expect.poll(() => titles(page)).toEqual(['Ghana 2023', 'Ghana 2025']);

      // Compare the two Ghana assessments.
      await page.getByRole('checkbox', { name: /Ghana 2023/ }).check();
      await page.getByRole('checkbox', { name: /Ghana 2025/ }).check();
      await page.getByRole('link', { name: w.compare2 }).click();
      await page.locator('.recharts-radar').first().waitFor({ state: 'attached' });
      expect(await page.locator('.recharts-radar').count()).toBe(2);
      expect(await page.locator('table.compare-many tbody tr').count()).toBeGreaterThan(5);
      await shot(page, `portfolio-compare-${language}`, false);
      expect(await axeViolations(page)).toEqual([]);
      await page.goBack();

      // The trend of Ghana.
      await page.locator('#filter-country').selectOption('GH');
      await page.getByRole('link', { name: w.trend }).first().click();
      await page.getByRole('heading', { name: w.trendHeading }).waitFor();
      await page.locator('.recharts-line').first().waitFor({ state: 'attached' });
      expect(await page.locator('table.trend-table tbody tr').count()).toBe(2);
      await shot(page, `portfolio-trend-${language}`, false);
      expect(await axeViolations(page)).toEqual([]);

      // The ranking: raising the weight of Japanese business activity puts Kenya first.
      await page.goto(page.url().replace(/#.*/, '#/portfolio/ranking'));
      await page.getByRole('heading', { name: w.ranking, level: 1 }).waitFor();
      await expect.poll(() => rankedCountries(page)).toHaveLength(4);
      const before = await rankedCountries(page);
      await page.getByLabel(w.business).fill('20');
      await expect.poll(() => rankedCountries(page)).not.toEqual(before);
      expect((await rankedCountries(page))[0]).toBe('KE');
      await shot(page, `portfolio-ranking-${language}`, false);
      expect(await axeViolations(page)).toEqual([]);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: new RegExp(`^${w.xlsx.replace(/[()（）]/g, '.')}`) }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect((await readFile((await download.path())!)).subarray(0, 2).toString()).toBe('PK');
      // What the re-read found, in the UI's language.
      await page.locator('.export-status', { hasText: w.checkedSheets }).waitFor();

      // Archive one assessment, find it in the archive, restore it.
      await page.goto(page.url().replace(/#.*/, '#/'));
      await expect.poll(() => titles(page)).toHaveLength(5);
      await page.getByRole('checkbox', { name: /Viet Nam 2025/ }).check();
      await page.getByRole('button', { name: w.archive, exact: true }).click();
      await expect.poll(() => titles(page)).toHaveLength(4);
      await page.getByRole('link', { name: `${w.archive} (1)` }).click();
      await page.getByRole('button', { name: `${w.restore} — Viet Nam 2025` }).waitFor();
      await shot(page, `portfolio-archive-${language}`, false);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: `${w.restore} — Viet Nam 2025` }).click();
      await page.getByRole('link', { name: `${w.archive} (0)` }).waitFor();
      await page.getByRole('link', { name: w.portfolio }).click();
      await expect.poll(() => titles(page)).toHaveLength(5);

      // Into the trash, then deleted for good only after a dialog that names it.
      await page.getByRole('checkbox', { name: /Fiji 2024/ }).check();
      await page.getByRole('button', { name: w.trash, exact: true }).click();
      await expect.poll(() => titles(page)).toHaveLength(4);
      await page.getByRole('link', { name: `${w.trashLink} (1)` }).click();
      await page.getByRole('button', { name: w.emptyTrash }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('listitem').filter({ hasText: 'Fiji 2024' }).waitFor();
      await shot(page, `portfolio-trash-confirm-${language}`, false);
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: w.deleteOne }).click();
      await page.getByText(w.deleted).waitFor();
      const everything = await api(page, 'listPortfolio', { query: { shelf: 'all' } });
      expect(everything.rows.map((r) => r.title).sort()).toEqual(['Ghana 2023', 'Ghana 2025', 'Kenya 2025', 'Viet Nam 2025']);

      // What a stale link shows: an assessment that is gone, a country with no assessment.
      await page.goto(page.url().replace(/#.*/, `#/portfolio/compare/${everything.rows[0]!.id},no-such-assessment`));
      await page.getByRole('alert').waitFor();
      await shot(page, `portfolio-compare-missing-${language}`, false);
      await page.goto(page.url().replace(/#.*/, '#/portfolio/trend/JP'));
      await page.locator('.notice').waitFor();
      await shot(page, `portfolio-trend-none-${language}`, false);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
