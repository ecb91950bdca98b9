import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, shot, waitSaved } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

interface Focused {
  tag: string;
  name: string;
  visible: boolean;
  inDialog: boolean;
}

/** What has focus, its name as a person would read it, and whether the focus indicator shows. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', visible: false, inDialog: false };
    // Text hidden from assistive technology (the key hints drawn beside labels) is not part of the name.
    const spoken = (node: Element | null | undefined) => {
      if (!node) return '';
      const copy = node.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return copy.textContent ?? '';
    };
    const label = spoken((el as HTMLInputElement).labels?.[0]);
    const name = (el.getAttribute('aria-label') ?? (label || spoken(el))).replace(/\s+/g, ' ').trim();
    // The ring may be drawn on the element or, for inputs styled as cards and chips, on the label around it.
    const ringed = [el, el.closest('label')].filter((x): x is HTMLElement => x !== null);
    const visible = ringed.some((x) => {
      const style = getComputedStyle(x);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    });
    return { tag: el.tagName.toLowerCase(), name, visible, inDialog: el.closest('dialog[open]') !== null };
  });
}

/** Presses Tab (or Shift+Tab) until `match`, checking at every stop that focus is visible. */
async function tabTo(page: Page, match: (f: Focused) => boolean, options: { back?: boolean; max?: number } = {}): Promise<Focused> {
  for (let i = 0; i < (options.max ?? 120); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now.tag !== 'body') expect(now.visible, `focus ring on ${now.tag} "${now.name}"`).toBe(true);
    if (match(now)) return now;
  }
  throw new Error('never reached the control with Tab');
}

const named = (name: string | RegExp) => (f: Focused) => (typeof name === 'string' ? f.name === name : name.test(f.name));

describe('keyboard only', () => {
  it('creates an assessment, rates an indicator and reaches the review without a mouse, focus always visible', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve);
    await page.getByRole('heading', { name: 'No assessments yet' }).waitFor();

    await tabTo(page, named('New assessment'));
    await page.keyboard.press('Enter');
    await page.getByText('Step 1 of 4').waitFor();

    await tabTo(page, (f) => f.tag === 'input' && f.name === 'Title');
    await page.keyboard.type('Kenya self-assessment, KE-CIRT');
    await tabTo(page, named('Country'));
    await page.keyboard.type('Keny');
    await page.getByRole('option', { name: /Kenya/ }).waitFor();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('Kenya');
    await tabTo(page, named(/^Field assessment/));
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(/^Self-assessment/).isChecked()).toBe(true);
    await tabTo(page, named('Your name'));
    await page.keyboard.type('Grace Wanjiru');
    await tabTo(page, named('Create and continue'));
    await page.keyboard.press('Enter');
    await page.getByText('Step 2 of 4').waitFor();

    await tabTo(page, named('Rating'));
    await page.keyboard.press('Enter');
    await page.getByText('Indicator 1.1.1', { exact: true }).waitFor();
    await page.keyboard.press('3');
    expect(await page.getByRole('radio', { name: /^3 · Established/ }).isChecked()).toBe(true);
    expect((await focused(page)).visible).toBe(true);
    await tabTo(page, (f) => f.tag === 'input' && f.name === 'Low');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('group', { name: 'Confidence' }).getByLabel('High').isChecked()).toBe(true);
    await tabTo(page, named('Evidence and notes'));
    await page.keyboard.type('Strategy adopted by the Cabinet in 2022; seen the gazette notice.');
    await waitSaved(page);
    await shot(page, 'keyboard-rating-en', false);

    await tabTo(page, named('Review and finalise'), { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Coverage per domain' }).getByText('1 of 128 (1%)').waitFor();

    // The sign-off dialog: focus moves in, stays in, and Escape returns it to the button.
    await tabTo(page, named('Finalise…'));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Finalise this assessment' }).waitFor();
    expect(await focused(page)).toMatchObject({ name: 'Signed off by', inDialog: true, visible: true });
    expect(await page.getByLabel('Signed off by').inputValue()).toBe('Grace Wanjiru');
    // Round and round in both directions: every stop is a control of the dialog, never the page behind it or the bare body.
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      const now = await focused(page);
      expect(now, `${key} stays on a visible control in the dialog`).toMatchObject({ inDialog: true, visible: true });
      expect(now.tag).not.toBe('body');
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ name: 'Finalise…', visible: true });
    await context.close();
  });
});
