import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { ExportServices } from '../core/api/handlers/index';
import { withPdfFonts } from '../core/report/pdf-fonts.node.ts';

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'loadFile' | 'webContents' | 'destroy' | 'isDestroyed'>;

/** Off-screen windows for printing: no script (the reports have none), no Node, sandboxed. */
const offscreenOptions = (width: number, height: number): BrowserWindowConstructorOptions => ({
  show: false,
  width,
  height,
  webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false },
});

/**
 * Renders a document in a hidden window. The page goes through a temp file, not a data: URL,
 * because a full report with notes can exceed Chromium's URL length limits.
 */
async function withPage<T>(Window: WindowConstructor, content: string, extension: string, size: [number, number], use: (window: InstanceType<WindowConstructor>) => Promise<T>): Promise<T> {
  const file = join(tmpdir(), `ccat-print-${randomBytes(8).toString('hex')}.${extension}`);
  await writeFile(file, content, 'utf8');
  const window = new Window(offscreenOptions(...size));
  try {
    await window.loadFile(file);
    return await use(window);
  } finally {
    if (!window.isDestroyed()) window.destroy();
    await rm(file, { force: true });
  }
}

/** PDF and chart images for exports, printed by Electron's own Chromium (design §6: printToPDF). */
export function electronExportServices(Window: WindowConstructor, pdfFontDir: string): Required<ExportServices> {
  return {
    printPdf: async (report, pageSetup) => {
      const { html, setup } = await withPdfFonts(report, pageSetup, pdfFontDir);
      return withPage(Window, html, 'html', [1240, 1754], async (window) =>
        new Uint8Array(
          await window.webContents.printToPDF({
            printBackground: true,
            pageSize: 'A4',
            ...(setup
              ? {
                  displayHeaderFooter: true,
                  headerTemplate: setup.headerTemplate,
                  footerTemplate: setup.footerTemplate,
                  // Electron takes margins in inches; the setup is in millimetres, as CSS and the CLI use.
                  margins: { top: setup.margin.top / 25.4, bottom: setup.margin.bottom / 25.4, left: setup.margin.left / 25.4, right: setup.margin.right / 25.4 },
                  landscape: setup.landscape,
                  generateTaggedPDF: setup.tagged,
                  generateDocumentOutline: setup.outline,
                }
              : {}),
          }),
        ),
      );
    },
    rasterize: async (svg) =>
      withPage(Window, `<!DOCTYPE html><html><body style="margin:0;background:#fff">${svg}</body></html>`, 'html', [900, 700], async (window) =>
        new Uint8Array((await window.webContents.capturePage()).toPNG()),
      ),
  };
}
