import { describe, expect, it } from 'vitest';
import { axeViolations, openPage, shot, type Language } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';
import { screens } from './screens';
import { seed } from './seed';

const e2e = useE2e();

describe.each(['en', 'ja'] as const)('every screen in %s', (language: Language) => {
  it('has no axe-core violations (WCAG 2.1 A and AA), and is photographed for review', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context, external } = await openPage(e2e.browser, e2e.serve, { language, bypassCSP: true });
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
