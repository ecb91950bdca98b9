import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editWorkbook, setXliffTarget } from '../core/i18n/language-pack/pack-files';
import { go, openPage } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

async function exported(page: Page, section: ReturnType<Page['getByRole']>, button: string): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: button, exact: true }).click();
  return readFile((await (await download).path())!);
}

async function install(section: ReturnType<Page['getByRole']>, name: string, buffer: Buffer): Promise<void> {
  await section.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

describe('language packs in Settings', () => {
  it('installs an edited XLIFF (the app shows it at once and after a reload) and refuses a broken one, changing nothing', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve, { language: 'ja' });
    await go(page, '#/settings');
    const section = page.getByRole('region', { name: '言語' });
    await section.getByRole('table').waitFor();
    const helpLink = page.getByRole('navigation', { name: /./ }).first().getByRole('link', { name: 'ヘルプ（改訂版）' });

    // Japanese is chosen for a Japanese UI; XLIFF is the first format.
    const xml = (await exported(page, section, '言語パックを書き出す')).toString('utf8');
    expect(xml).toContain('name="common:nav.help"');
    await install(section, 'ccat-language-pack-ja.xlf', Buffer.from(setXliffTarget(xml, 'common:nav.help', 'ヘルプ（改訂版）')));
    await section.getByText('ccat-language-pack-ja.xlfを導入しました。日本語の文言1件が変わり').waitFor();
    await helpLink.waitFor();
    await expect.poll(() => section.getByRole('row', { name: /日本語/ }).textContent()).toContain('ccat-language-pack-ja.xlf');
    const installed = await readFile(join(e2e.dataDir, 'language-packs', 'ja.json'), 'utf8');

    // A translation that lost its placeholder: refused with the line and the reason, and the installed pack stays as it was.
    await install(section, 'broken.xlf', Buffer.from(setXliffTarget(xml, 'common:language.loading', '読み込んでいます…')));
    const refusal = section.getByRole('alert');
    await refusal.getByText('broken.xlfは受け付けられず、何も変更されていません。').waitFor();
    await expect.poll(() => refusal.textContent()).toMatch(/\d+行目: common:language\.loading の訳にプレースホルダーが欠けています。.*\{\{language\}\}/);
    expect(await readFile(join(e2e.dataDir, 'language-packs', 'ja.json'), 'utf8')).toBe(installed);
    await helpLink.waitFor();

    await page.reload();
    await helpLink.waitFor();
    await context.close();
  });

  it('installs an edited XLSX for another language, which shows when that language is chosen', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve, { language: 'en' });
    await go(page, '#/settings');
    const section = page.getByRole('region', { name: 'Languages' });
    await section.getByLabel('Language', { exact: true }).selectOption('fr');
    await section.getByLabel('Format').selectOption('xlsx');
    const workbook = await exported(page, section, 'Export pack');
    const edited = await editWorkbook(workbook, { 'common:nav.help': 'Aide (paquet)' });
    await install(section, 'ccat-language-pack-fr.xlsx', Buffer.from(edited.bytes));
    await section.getByText(/^Installed ccat-language-pack-fr\.xlsx: \d+ French texts? changed/).waitFor();
    await expect.poll(() => section.getByRole('row', { name: /Français/ }).textContent()).toContain('language pack installed');

    await page.locator('.language-menu summary').click();
    await page.getByRole('button', { name: /^Français/ }).click();
    await page.getByRole('link', { name: 'Aide (paquet)' }).waitFor();
    await context.close();
  });
});
