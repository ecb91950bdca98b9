import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, go, openPage, shot, type Language } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();
const sampleId = 'sample-exampleland-2026';
const viewport = { width: 1366, height: 680 };

const words = {
  en: { help: 'Help', open: 'Open the sample assessment', banner: 'Sample assessment — the data are fictional.', howToRate: 'How to rate this', rating: '2. Rating an indicator from evidence', licences: 'About CCAT and third-party licences' },
  ja: { help: 'ヘルプ', open: 'サンプル評価を開く', banner: 'サンプル評価です。データは架空のものです。', howToRate: '評定の方法', rating: '2. 根拠に基づく指標の評定', licences: 'CCATについて及びサードパーティのライセンス' },
} as const;

/** The heading's top edge is inside the viewport and the heading has the focus: the reader landed on it. */
async function landedOn(page: Page, id: string): Promise<void> {
  const heading = page.locator(`#${id}`);
  await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
  // The licences heading moves up once its long text has arrived (the page could not scroll that far before).
  await expect.poll(async () => {
    const top = (await heading.boundingBox())!.y;
    return top >= 0 && top < viewport.height / 2;
  }).toBe(true);
}

describe.each(['en', 'ja'] as const)('first use (%s)', (language: Language) => {
  const w = words[language];

  it('opens the sample from Help with every screen filled and marked as a sample, and links each indicator to the guide', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context, external } = await openPage(e2e.browser, e2e.serve, { language, ...viewport, bypassCSP: true });
    const violations: Record<string, string[]> = {};

    await page.getByRole('link', { name: w.help, exact: true }).click();
    await page.getByRole('heading', { name: w.help, level: 1 }).waitFor();
    await page.getByRole('heading', { name: w.rating }).waitFor();
    await shot(page, `first-use-help-${language}`, false);
    violations.help = await axeViolations(page);

    await page.getByRole('button', { name: w.open }).click();
    await page.waitForURL(new RegExp(`#/a/${sampleId}`));
    await page.getByText(w.banner).waitFor();

    // Every view of the sample has content, and says it is a sample.
    const views: Array<[string, string | RegExp]> = [
      [`#/a/${sampleId}/i/hygiene.csirt.staffing`, 'Eleven analysts on two shifts'],
      [`#/a/${sampleId}/setup/team`, 'Assessor B (sample)'],
      [`#/a/${sampleId}/setup/context`, 'Fictional country for demonstration'],
      [`#/a/${sampleId}/sessions`, 'National CSIRT interview'],
      [`#/a/${sampleId}/capture/sample-session-ci-workshop/cip.identification.criteria`, 'An energy operator stated'],
      [`#/a/${sampleId}/review`, /Eleven analysts|1\.2\.3/],
      [`#/a/${sampleId}/results`, 'Help water operators build an OT asset inventory'],
      [`#/a/${sampleId}/history`, 'Assessor A (sample)'],
    ];
    for (const [hash, content] of views) {
      await go(page, hash);
      await page.getByText(content).first().waitFor();
      expect(await page.getByText(w.banner).count(), hash).toBe(1);
    }

    await go(page, `#/a/${sampleId}/i/hygiene.csirt.staffing`);
    await page.getByText('Eleven analysts on two shifts').first().waitFor();
    await expect.poll(() => page.locator('#notes').inputValue()).toContain('アナリスト11名');
    await shot(page, `first-use-sample-rating-${language}`, false);
    violations.rating = await axeViolations(page);

    await page.getByRole('link', { name: w.howToRate }).click();
    await page.waitForURL(/#\/help\/rating$/);
    await landedOn(page, 'guide-rating');
    expect(await page.locator('#guide-rating').textContent()).toBe(w.rating);

    await page.getByRole('link', { name: w.licences }).click();
    await landedOn(page, 'help-licences');
    const licences = page.locator('pre.licences-text');
    await licences.waitFor();
    const text = (await licences.textContent()) ?? '';
    expect(text).toMatch(/^ {2}react \d+\.\d+\.\d+ \(MIT\)$/m);
    expect(text).toContain('Permission is hereby granted, free of charge');
    await shot(page, `first-use-help-licences-${language}`, false);
    violations.licences = await axeViolations(page);

    // Opening the sample again goes to the same assessment, not a copy.
    await go(page, '#/help');
    await page.getByRole('button', { name: w.open }).click();
    await page.waitForURL(new RegExp(`#/a/${sampleId}`));
    expect(Object.fromEntries(Object.entries(violations).filter(([, v]) => v.length > 0))).toEqual({});
    expect(external).toEqual([]);
    await context.close();
  });
});
