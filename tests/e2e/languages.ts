import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PSEUDO_LANGUAGE, pseudoLocalize } from '../../core/i18n/pseudo';
import { go } from './app';
import { root } from './harness';
import type { Seeded } from './seed';

type Tree = { [key: string]: string | Tree };
const loaded = new Map<string, Tree>();

function strings(language: string): Tree {
  let tree = loaded.get(language);
  if (!tree) {
    const file = join(root, 'locales', language, 'common.json');
    tree = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Tree) : {};
    loaded.set(language, tree);
  }
  return tree;
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A UI string as the app shows it in `language` (English where that language has no file yet; pseudo-localized for en-XA), without interpolation. */
export function uiText(language: string, key: string): string {
  if (language === PSEUDO_LANGUAGE) return pseudoLocalize(uiText('en', key));
  const text = lookup(strings(language), key) ?? lookup(strings('en'), key);
  if (text === undefined) throw new Error(`locales/en/common.json has no "${key}"`);
  return text;
}

/**
 * The English text of the framework, the catalogue and the regions: content, not UI strings. The
 * pseudo-locale has no content translation, so these show in English (marked lang="en" where the
 * screen knows it shows content).
 */
export function contentTexts(): string[] {
  const texts = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'en' && typeof value === 'string') texts.add(value);
        else collect(value);
      }
    }
  };
  for (const file of ['frameworks/ccat-1.1.0.json', 'frameworks/ccat-1.0.0.json', 'catalogue/programmes.json', 'regions/regions.json']) {
    collect(JSON.parse(readFileSync(join(root, 'assessments', file), 'utf8')));
  }
  // Longest first, so that a title is taken out whole before a shorter one inside it.
  return [...texts].sort((a, b) => b.length - a.length);
}

export interface LanguageScreen {
  name: string;
  open: (page: Page) => Promise<void>;
  close?: (page: Page) => Promise<void>;
}

/** Waits until no part of the page says it is still loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('main [aria-busy="true"]').length === 0);
}

/**
 * The main screens, reached by address and recognised by their structure rather than their words,
 * so the same list runs in every language and in the pseudo-locale.
 */
export function languageScreens(language: string, data: Seeded): LanguageScreen[] {
  const a = `#/a/${data.id}`;
  const at = (hash: string, selector: string) => async (page: Page) => {
    await go(page, hash);
    await page.locator(selector).first().waitFor();
    await settled(page);
  };
  return [
    // Seeded through the API behind the page's back: the list is read afresh.
    { name: 'home', open: async (page) => (await go(page, '#/'), await page.reload(), await page.locator('tbody tr').nth(1).waitFor(), await settled(page)) },
    { name: 'portfolio-compare', open: async (page) => (await at(`#/portfolio/compare/${data.baselineId},${data.id}`, 'table.compare-many')(page), await page.locator('.recharts-radar').first().waitFor({ state: 'attached' })) },
    { name: 'create', open: at('#/new', 'main form') },
    { name: 'setup-basics', open: at(`${a}/setup/basics`, '.step-footer') },
    { name: 'setup-team', open: at(`${a}/setup/team`, '.step-footer') },
    { name: 'setup-targets', open: at(`${a}/setup/targets`, '.step-footer') },
    { name: 'setup-context', open: at(`${a}/setup/context`, '.step-footer') },
    { name: 'sessions', open: at(`${a}/sessions`, 'main h2') },
    { name: 'rating', open: at(`${a}/i/hygiene.strategy.document`, '#indicator-question') },
    {
      name: 'rating-bilingual',
      open: async (page) => {
        await at(`${a}/i/hygiene.strategy.document`, '#indicator-question')(page);
        await page.locator('.bilingual-toggle input[type="checkbox"]').check();
        await page.locator('.question-second').waitFor();
      },
      close: async (page) => page.locator('.bilingual-toggle input[type="checkbox"]').uncheck(),
    },
    { name: 'review', open: at(`${a}/review`, 'main table') },
    { name: 'results', open: async (page) => (await at(`${a}/results`, '.plan[aria-busy="false"]')(page), await page.locator('.recharts-wrapper').first().waitFor()) },
    {
      name: 'export-dialog',
      open: async (page) => {
        await page.getByRole('button', { name: uiText(language, 'exportDialog.open'), exact: true }).click();
        await page.locator('dialog[open]').waitFor();
      },
      close: async (page) => {
        await page.keyboard.press('Escape');
        await page.locator('dialog[open]').waitFor({ state: 'detached' });
      },
    },
    { name: 'history', open: at(`${a}/history`, '.history-table') },
    { name: 'settings', open: at('#/settings', 'main h1') },
    { name: 'help', open: at('#/help', 'article.guide') },
  ];
}

/**
 * Visible text that the pseudo-locale did not reach: every letter of a pseudo-localized string is
 * accented, so a run of plain ASCII letters is either data (names, titles, country names, dates
 * that Intl formats, framework content marked with its own `lang`) or a hard-coded string.
 */
export interface DataTexts {
  /** Taken out wherever they occur: titles, names, notes, framework content. */
  phrases: readonly string[];
  /** Taken out as whole words only: month names, units, language codes. */
  words: readonly string[];
  /** Elements that hold nothing but data. */
  selector: string;
}

export function untranslatedTexts(page: Page, data: DataTexts): Promise<string[]> {
  return page.evaluate(({ phrases, words, selector: dataElements }) => {
    const word = new RegExp(`(?<![A-Za-z])(${words.join('|')})(?![A-Za-z])`, 'g');
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      // recharts measures label widths in an off-screen span of its own.
      if (!element || element.closest(`script, style, .sr-only, [hidden], #recharts_measurement_span, dialog:not([open]), details:not([open]) > :not(summary), ${dataElements}`)) continue;
      // Framework content, the guide and user data in a language of their own are not UI strings.
      if (element.closest('[lang]')?.getAttribute('lang') !== 'en-XA') continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      // A chart wraps a long label over several tspans: the label is read whole.
      const label = element.closest('text');
      let text = element.tagName === 'tspan' && label ? [...label.querySelectorAll('tspan')].map((t) => t.textContent).join(' ') : (node.textContent ?? '');
      if (!/[A-Za-z]{2,}/.test(text)) continue;
      for (const value of phrases) text = text.split(value).join(' ');
      text = text.replace(word, ' ');
      if (/[A-Za-z]{2,}/.test(text)) found.add(`${element.tagName.toLowerCase()}.${typeof element.className === 'string' ? element.className : ''}: "${text.trim().slice(0, 100)}"`);
    }
    return [...found];
  }, data);
}

/**
 * Text cut off by its box or running out of it: an element with text of its own whose content is
 * wider than the box, or taller than a box that hides its overflow (a scrolling box shows
 * everything; a deliberate ellipsis or line clamp carries the full text in its title).
 */
export function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('main *, header *, dialog[open] *')) {
      const own = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own || element.closest('.sr-only, .skip-link, dialog:not([open])')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || element.clientWidth === 0) continue;
      const scrolls = (value: string) => value === 'auto' || value === 'scroll';
      if (scrolls(style.overflowX) || scrolls(style.overflowY)) continue;
      const hides = (value: string) => value === 'hidden' || value === 'clip';
      // Text wider than its box is cut off there, or runs over whatever is beside it; so does a box wider than the one it sits in.
      const wider = element.scrollWidth > element.clientWidth + 1;
      const taller = (hides(style.overflowX) || hides(style.overflowY)) && element.scrollHeight > element.clientHeight + 1;
      const box = element.getBoundingClientRect();
      const outer = element.parentElement?.getBoundingClientRect();
      const sticksOut = style.display !== 'inline' && outer !== undefined && (box.right > outer.right + 1 || box.left < outer.left - 1);
      if (!wider && !taller && !sticksOut) continue;
      const title = (element.closest('[title]')?.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (title !== '' && (text.includes(title) || title.includes(text))) continue;
      clipped.push(`${element.tagName.toLowerCase()}.${element.className}: "${(element.textContent ?? '').trim().slice(0, 60)}" ${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`);
    }
    return clipped;
  });
}
