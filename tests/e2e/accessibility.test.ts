import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openPage, shot, type Language } from './app';
import { launchBrowser, newDataDir, removeDir, startServe, type ServeProcess } from './harness';
import { screens } from './screens';
import { seed } from './seed';

let browser: Browser;
let serve: ServeProcess | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await serve?.stop();
  if (dataDir) await removeDir(dataDir);
  serve = undefined;
  dataDir = undefined;
});

describe.each(['en', 'ja'] as const)('every screen in %s', (language: Language) => {
  it('has no axe-core violations (WCAG 2.1 A and AA), and is photographed for review', async () => {
    dataDir = await newDataDir();
    serve = await startServe(dataDir);
    const { page, context, external } = await openPage(browser, serve, { language, bypassCSP: true });
    const found: Record<string, string[]> = {};

    // The empty start screen, before anything exists.
    await page.locator('.empty-state').waitFor();
    found['home-empty'] = await axeViolations(page);
    await shot(page, `screen-home-empty-${language}`);

    const data = await seed(page);
    for (const screen of screens(language, data)) {
      await screen.open(page);
      found[screen.name] = await axeViolations(page);
      await shot(page, `screen-${screen.name}-${language}`, !screen.name.endsWith('dialog'));
      await screen.close?.(page);
    }
    const failing = Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0));
    expect(failing).toEqual({});
    expect(external).toEqual([]);
    await context.close();
  });
});
