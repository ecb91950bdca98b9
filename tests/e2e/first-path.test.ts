import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root, newDataDir, recordExternalRequests, screenshot, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

async function openApp(language: 'en' | 'ja'): Promise<{ page: Page; external: string[] }> {
  e2e.dataDir = await newDataDir();
  e2e.serve = await startServe(e2e.dataDir);
  const context = await e2e.browser.newContext({ locale: language === 'ja' ? 'ja-JP' : 'en-US', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const external = recordExternalRequests(page);
  await page.goto(e2e.serve.url);
  return { page, external };
}

async function waitSaved(page: Page, text: string) {
  await expect.poll(() => page.getByRole('status').filter({ hasText: text }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

describe('first real path: new assessment → answers → reload → HTML report', () => {
  it('keeps three answers across a reload and exports them in a script-free report', async () => {
    const { page, external } = await openApp('en');

    await page.getByRole('heading', { name: 'No assessments yet' }).waitFor();
    await screenshot(page, 'home-empty-en');
    await page.getByRole('link', { name: 'New assessment' }).first().click();

    await page.getByLabel('Title').fill('Viet Nam national assessment <March>');
    await page.getByRole('combobox', { name: 'Country' }).fill('viet');
    await page.getByRole('option', { name: /Vietnam/ }).click();
    await page.getByLabel('Field assessment').check();
    await screenshot(page, 'create-en');
    await page.getByRole('button', { name: 'Create and continue' }).click();
    await page.getByRole('heading', { name: 'Team, period and languages' }).waitFor();
    await page.getByRole('link', { name: 'Rating', exact: true }).click();

    // Indicator 1: level 3 chosen with the keyboard, with confidence.
    await page.getByText('Indicator 1.1.1').waitFor();
    await screenshot(page, 'indicator-empty-en');
    await page.keyboard.press('3');
    await page.getByLabel('High').check();
    await page.getByLabel('Evidence and notes').fill('Strategy adopted by Decision 964 (2022); seen the gazette copy.');
    await waitSaved(page, 'All changes saved');
    await page.getByRole('link', { name: 'Next indicator' }).click();

    // Indicator 2: not applicable, with a reason.
    await page.getByText('Indicator 1.1.2').waitFor();
    await page.getByRole('button', { name: 'Not applicable' }).click();
    await expect.poll(() => page.getByText('Give a reason').count()).toBe(1);
    await page.getByLabel('Why does this indicator not apply?').fill('The lead agency is assessed under scope item 2.');
    await waitSaved(page, 'All changes saved');
    await page.getByRole('link', { name: 'Next indicator' }).click();

    // Indicator 3: a note only.
    await page.getByText('Indicator 1.1.3').waitFor();
    await page.getByLabel('Evidence and notes').fill('Budget line <b>not</b> published; ask MoF.');
    await waitSaved(page, 'All changes saved');
    await screenshot(page, 'indicator-answered-en');

    await page.reload();
    await page.getByText('Indicator 1.1.3').waitFor();
    expect(await page.getByLabel('Evidence and notes').inputValue()).toBe('Budget line <b>not</b> published; ask MoF.');
    await expect.poll(() => page.getByText('2 of 128 indicators answered').count()).toBe(1);
    await page.getByRole('link', { name: /1\.1\.1 / }).click();
    expect(await page.getByRole('radio', { name: /^3 · Established/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('High').isChecked()).toBe(true);
    expect(await page.getByLabel('Evidence and notes').inputValue()).toContain('Decision 964');
    await page.getByRole('link', { name: /1\.1\.2 / }).click();
    expect(await page.getByLabel('Why does this indicator not apply?').inputValue()).toBe('The lead agency is assessed under scope item 2.');

    await page.getByRole('link', { name: 'Results', exact: true }).click();
    await page.getByRole('heading', { name: 'Domain scores' }).waitFor();
    await screenshot(page, 'results-en');

    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('radio', { name: /^Full report/ }).check();
    await page.getByLabel('Format').selectOption('html');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^Viet-Nam-national-assessment-March-VN-full-en-\d{4}-\d{2}-\d{2}\.html$/);
    const file = join(root, 'artifacts', 'exports', saved.suggestedFilename());
    await saved.saveAs(file);
    const html = await readFile(file, 'utf8');
    expect(html).toContain('Decision 964 (2022)');
    // The report shows the N/A and its reason together (the exact markup is the report's business).
    expect(html).toMatch(/Not applicable[\s\S]{0,200}The lead agency is assessed under scope item 2\./);
    expect(html).toContain('Budget line &lt;b&gt;not&lt;/b&gt; published');
    expect(html).toContain('Viet Nam national assessment &lt;March&gt;');
    expect(html).toMatch(/<svg [^>]*class="radar"/);
    expect(html).not.toMatch(/<script/i);
    await page.getByText(/^Exported .*\.html\. Checked after writing: a complete page with the title, no script/).waitFor();

    // Open the report itself in the browser: it must render and run nothing.
    const report = await page.context().newPage();
    const dialogs: string[] = [];
    report.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    await report.goto(`file://${file}`);
    await report.getByRole('heading', { name: 'Viet Nam national assessment <March>' }).waitFor();
    await screenshot(report, 'report-html-en', false);
    expect(dialogs).toEqual([]);

    expect(external).toEqual([]);
    await page.context().close();
  });

  it('runs in Japanese', async () => {
    const { page, external } = await openApp('ja');
    await page.getByRole('heading', { name: '評価はまだありません' }).waitFor();
    await screenshot(page, 'home-empty-ja');
    await page.getByRole('link', { name: '新しい評価' }).first().click();
    await page.getByLabel('タイトル').fill('ベトナム国家評価 3月ミッション');
    await page.getByRole('combobox', { name: '国・地域' }).fill('ベトナ');
    await page.getByRole('option', { name: /ベトナム/ }).click();
    await screenshot(page, 'create-ja');
    await page.getByRole('button', { name: '作成して次へ' }).click();
    await page.getByRole('link', { name: '評定入力', exact: true }).click();
    await page.getByText('指標 1.1.1').waitFor();
    await page.keyboard.press('2');
    await page.getByLabel('根拠とメモ').fill('国家戦略の草案を確認した。');
    await waitSaved(page, 'すべて保存済み');
    await screenshot(page, 'indicator-ja');
    await page.getByRole('link', { name: '結果', exact: true }).click();
    await page.getByRole('heading', { name: '領域別スコア' }).waitFor();
    await screenshot(page, 'results-ja');
    await page.getByRole('link', { name: 'CCAT' }).click();
    await page.getByRole('cell', { name: 'ベトナム', exact: true }).waitFor();
    await screenshot(page, 'home-list-ja');
    expect(external).toEqual([]);
    await page.context().close();
  });

  it('stores answers on disk where the data folder says', async () => {
    const { page } = await openApp('en');
    await page.getByRole('link', { name: 'New assessment' }).first().click();
    await page.getByLabel('Title').fill('Disk check');
    await page.getByRole('combobox', { name: 'Country' }).fill('GH');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Create and continue' }).click();
    await page.getByRole('link', { name: 'Rating', exact: true }).click();
    await page.getByText('Indicator 1.1.1').waitFor();
    await page.keyboard.press('4');
    await waitSaved(page, 'All changes saved');
    const id = /#\/a\/([^/]+)/.exec(page.url())?.[1];
    expect(id).toBeTruthy();
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(join(e2e.dataDir!, 'assessments', id!))).filter((f) => f.endsWith('.json')).sort();
    const newest = JSON.parse(await readFile(join(e2e.dataDir!, 'assessments', id!, files.at(-1)!), 'utf8')) as { country: string; responses: Record<string, { rating: unknown }> };
    expect(newest.country).toBe('GH');
    expect(Object.values(newest.responses).map((r) => r.rating)).toEqual([{ kind: 'level', level: 4 }]);
    await page.context().close();
  });
});
