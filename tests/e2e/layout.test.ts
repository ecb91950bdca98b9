import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, shot } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';
import { screens } from './screens';
import { seed } from './seed';

const e2e = useE2e();

/** Controls that stick out of the viewport sideways, and how far the page scrolls sideways. */
function clipping(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const selector = 'button, a.button, .view-tabs a, input, select, textarea, summary, .nav-indicator, .nav-domain';
    const clipped: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      // A visually hidden input is drawn by its label (level cards, chips, the file button).
      const drawn = getComputedStyle(el).opacity === '0' ? (el.closest('label') ?? el) : el;
      const box = drawn.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.closest('.sr-only, .skip-link')) continue;
      if (el.closest('dialog') && !el.closest('dialog[open]')) continue;
      if (box.left < -1 || box.right > width + 1) clipped.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)}" ${Math.round(box.left)}–${Math.round(box.right)} of ${width}`);
    }
    return { overflow: document.documentElement.scrollWidth - width, clipped };
  });
}

describe.each([
  { label: '1366×768', width: 1366, height: 768, scale: 1 },
  // 200% zoom of a 1366×768 screen lays out like a 683×384 viewport.
  { label: '200% zoom', width: 683, height: 384, scale: 2 },
])('at $label', ({ label, width, height }) => {
  it('has no sideways scrolling and no control cut off on any screen', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve, { width, height });
    const data = await seed(page);
    const problems: Record<string, unknown> = {};
    for (const screen of screens('en', data)) {
      await screen.open(page);
      const found = await clipping(page);
      if (found.overflow > 1 || found.clipped.length > 0) problems[screen.name] = found;
      if (width < 1000) await shot(page, `zoom200-${screen.name}-en`, !screen.name.endsWith('dialog'));
      await screen.close?.(page);
    }
    // Key buttons, scrolled into view, sit inside the viewport.
    await page.goto(`${e2e.serve.origin}/#/a/${data.id}/i/hygiene.strategy.budget`);
    await page.getByText('Indicator 1.1.4', { exact: true }).waitFor();
    for (const name of [/Next indicator/, /Previous indicator/]) {
      const link = page.getByRole('link', { name });
      await link.scrollIntoViewIfNeeded();
      const box = (await link.boundingBox())!;
      expect(box.x, `${String(name)} at ${label}`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${String(name)} at ${label}`).toBeLessThanOrEqual(width);
    }
    expect(problems).toEqual({});
    await context.close();
  });
});
