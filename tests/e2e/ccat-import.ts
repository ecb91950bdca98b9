import type { Page } from 'playwright-core';
import type { Language } from './app';

const words = {
  en: { import: 'Import a .ccat file…', importHeading: 'Import a .ccat file' },
  ja: { import: '.ccatファイルを取り込む…', importHeading: '.ccatファイルの取り込み' },
} as const;

/** Chooses the file with the home screen's import button, as a person does, and waits for the import screen. */
export async function chooseCcatFile(page: Page, language: Language, file: { name: string; bytes: Buffer }): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: words[language].import }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
  await page.getByRole('heading', { name: words[language].importHeading }).waitFor();
}
