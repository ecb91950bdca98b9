import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { CoreError } from '../core/api/result';
import { withPdfFonts } from '../core/report/pdf-fonts.node.ts';
import type { PdfPrinter, SvgRasterizer } from '../core/report/services';

/** The CLI runs from the repository (or an npm install of it), where the font packages are installed side by side (core/report/fonts.ts). */
const pdfFontsRoot = () => dirname(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/unicode.json')));

/** Headless, offline, quiet: no GPU, no QUIC, no first-run or background traffic (design §7: no network at run time). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const defaultChromiumPath = '/usr/bin/chromium';

/** --chromium wins, then CCAT_CHROMIUM, then Debian's package path. */
export function chromiumPath(explicit?: string): string {
  return explicit?.trim() || process.env.CCAT_CHROMIUM?.trim() || defaultChromiumPath;
}

export interface ChromiumServices {
  printPdf: PdfPrinter;
  rasterize: SvgRasterizer;
  close(): Promise<void>;
}

/**
 * One browser per executable per process, started on first use: most CLI runs never print.
 * Playwright kills it when the process exits or gets SIGINT/SIGTERM/SIGHUP; a caller that is done
 * must still close() it, because a running browser keeps Node's event loop (and the process) alive.
 */
const browsers = new Map<string, Promise<Browser>>();

function launch(path: string): Promise<Browser> {
  const running = browsers.get(path);
  if (running) return running;
  if (!existsSync(path)) {
    return Promise.reject(
      new CoreError('INTERNAL', `PDF export needs Chromium, and there is none at ${path}. Install it (Debian/Ubuntu: apt-get install chromium), or pass --chromium PATH or set CCAT_CHROMIUM to its executable.`),
    );
  }
  // playwright-core is loaded here, not at the top: most commands never print, and loading it costs more than the rest of the CLI.
  const started = import('playwright-core')
    .then(({ chromium }) => chromium.launch({ executablePath: path, headless: true, args: chromiumArgs }))
    .catch((error: unknown) => {
      browsers.delete(path);
      throw new CoreError('INTERNAL', `PDF export needs Chromium, but ${path} did not start: ${(error as Error).message.split('\n')[0]}. Check that it is a Chromium or Chrome executable, or pass another with --chromium PATH.`);
    });
  browsers.set(path, started);
  return started;
}

/** The shared browser itself, for tests that open a report as a reader would. */
export function sharedBrowser(executablePath?: string): Promise<Browser> {
  return launch(chromiumPath(executablePath));
}

/** Closes every shared browser, e.g. when `serve` shuts down. */
export async function closeAllBrowsers(): Promise<void> {
  const all = [...browsers.values()];
  browsers.clear();
  await Promise.all(all.map(async (b) => (await b.catch(() => null))?.close()));
}

/** A page that cannot run script or reach the network: the report needs neither. */
async function withContext<T>(path: string, use: (context: BrowserContext) => Promise<T>): Promise<T> {
  const browser = await launch(path);
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
  try {
    await context.route('**/*', (route) => route.abort());
    return await use(context);
  } finally {
    await context.close();
  }
}

/**
 * PDF printing and SVG rasterising for the CLI and `serve`, with Chromium through playwright-core.
 * The browser starts on first use and is shared; call close() when done.
 */
export function createChromiumServices(executablePath?: string): ChromiumServices {
  const path = chromiumPath(executablePath);
  return {
    printPdf: (report, pageSetup) =>
      withContext(path, async (context) => {
        const { html, setup } = await withPdfFonts(report, pageSetup, pdfFontsRoot());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const mm = (n: number) => `${n}mm`;
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          ...(setup
            ? {
                displayHeaderFooter: true,
                headerTemplate: setup.headerTemplate,
                footerTemplate: setup.footerTemplate,
                margin: { top: mm(setup.margin.top), bottom: mm(setup.margin.bottom), left: mm(setup.margin.left), right: mm(setup.margin.right) },
                landscape: setup.landscape,
                tagged: setup.tagged,
                outline: setup.outline,
              }
            : {}),
        });
        return new Uint8Array(pdf);
      }),
    rasterize: (svg) =>
      withContext(path, async (context) => {
        const page = await context.newPage();
        await page.setViewportSize({ width: 1200, height: 1200 });
        await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}</style></head><body>${svg}</body></html>`, {
          waitUntil: 'load',
        });
        return new Uint8Array(await page.locator('svg').first().screenshot({ type: 'png' }));
      }),
    close: async () => {
      const browser = browsers.get(path);
      browsers.delete(path);
      await (await browser?.catch(() => null))?.close();
    },
  };
}

/** The report HTML as an A4 PDF, on the shared browser (for callers that need no services object). */
export function printPdf(html: string, executablePath?: string): Promise<Uint8Array> {
  return createChromiumServices(executablePath).printPdf(html);
}

/** An SVG as a PNG screenshot, on the shared browser: the DOCX chart. */
export function rasterizeSvg(svg: string, executablePath?: string): Promise<Uint8Array> {
  return createChromiumServices(executablePath).rasterize(svg);
}
