import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CommandInput, CommandName, CommandResults } from '../../core/api/commands';
import type { Assessment } from '../../core/model/assessment';
import { readGeneration } from '../core/store/helpers';
import { recordExternalRequests, root, screenshot, type ServeProcess } from './harness';

export type Language = 'en' | 'ja';

export interface OpenOptions {
  language?: Language;
  /**
   * Any UI language, or the pseudo-locale 'en-XA', chosen as a user's stored choice would be
   * (the hidden switch a production build has for the pseudo-locale); a later switch in the page wins.
   */
  uiLanguage?: string;
  width?: number;
  height?: number;
  /** The app's CSP forbids inline scripts; axe-core is injected as one. */
  bypassCSP?: boolean;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  external: string[];
}

/** A fresh browser context on `serve`, in the given UI language (the app follows navigator.language). */
export async function openPage(browser: Browser, serve: ServeProcess, options: OpenOptions = {}): Promise<OpenedPage> {
  const language = options.language ?? 'en';
  const context = await browser.newContext({
    locale: language === 'ja' ? 'ja-JP' : 'en-US',
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
  });
  if (options.uiLanguage) {
    await context.addInitScript((chosen) => {
      if (!localStorage.getItem('ccat.language')) localStorage.setItem('ccat.language', chosen);
    }, options.uiLanguage);
  }
  const page = await context.newPage();
  const external = recordExternalRequests(page);
  await page.goto(serve.url);
  await page.waitForFunction(() => window.location.hash === '#/');
  return { context, page, external };
}

/** Calls a command through the page, with the page's serve token: for seeding data quickly. */
export async function api<K extends CommandName>(page: Page, name: K, input: CommandInput<K>): Promise<CommandResults[K]> {
  const result = await page.evaluate(
    async ([command, body]) => {
      const response = await fetch(`/api/${command}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('ccat.serveToken') ?? ''}` },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
    },
    [name, input] as const,
  );
  if (!result.ok) throw new Error(`${name} failed: ${result.error?.code} ${result.error?.message}`);
  return result.data as CommandResults[K];
}

export async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

export const savedText: Record<Language, string> = { en: 'All changes saved', ja: 'すべて保存済み' };

export async function waitSaved(page: Page, language: Language = 'en'): Promise<void> {
  await expect.poll(() => page.locator('.save-status[data-state="saved"]').filter({ hasText: savedText[language] }).count(), { timeout: 10_000 }).toBe(1);
}

export function assessmentIdOf(page: Page): string {
  const id = /#\/a\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on an assessment: ${page.url()}`);
  return decodeURIComponent(id);
}

/** The newest generation file of an assessment, as the store wrote it. */
/** The newest generation on disk with its history from the append-only log beside it. */
export async function readStored(dataDir: string, id: string): Promise<Assessment> {
  const folder = join(dataDir, 'assessments', id);
  const files = (await readdir(folder)).filter((f) => /^r\d+\.json$/.test(f)).sort();
  return readGeneration(dataDir, id, Number(files.at(-1)!.slice(1, -'.json'.length)));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Runs axe-core with the WCAG 2.1 A/AA tags and returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`);
  });
  return violations;
}

/** A full-page screenshot from the top, so that sticky panels sit where a person would see them. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name, fullPage);
}
