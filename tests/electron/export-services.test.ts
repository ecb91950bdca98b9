import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildReport } from '../../core/report/build-report';
import { pdfPageSetup } from '../../core/report/page-setup';
import { renderHtml } from '../../core/report/render-html';
import { electronExportServices } from '../../electron/export-services';
import { exportInput } from '../core/report/report-fixture';

const pdfFontDir = dirname(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/unicode.json')));

/** Records what the printing windows were asked to do; the real printing needs Electron's binary. */
function fakeWindows(printing: (options?: Record<string, unknown>) => Promise<Buffer> = async () => Buffer.from('%PDF-1.7 fake')) {
  const created: Array<{ options: Record<string, unknown>; loaded: string[]; html: string; destroyed: boolean }> = [];
  class Window {
    readonly record: (typeof created)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], html: '', destroyed: false };
      created.push(this.record);
    }
    loadFile = vi.fn(async (file: string) => {
      this.record.loaded.push(file);
      this.record.html = readFileSync(file, 'utf8');
    });
    webContents = {
      printToPDF: vi.fn(printing),
      capturePage: vi.fn(async () => ({ toPNG: () => Buffer.from([0x89, 0x50, 0x4e, 0x47]) })),
    };
    destroy = vi.fn(() => {
      this.record.destroyed = true;
    });
    isDestroyed = () => this.record.destroyed;
  }
  return { Window, created };
}

describe('Electron export services', () => {
  it('prints a PDF in a hidden, script-less, sandboxed window and cleans up after itself', async () => {
    const { Window, created } = fakeWindows();
    const services = electronExportServices(Window as never, pdfFontDir);
    const pdf = await services.printPdf('<!DOCTYPE html><title>Report</title><p>Ghana</p>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');
    const [window] = created;
    expect(window!.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    expect(window!.html).toContain('<p>Ghana</p>');
    // English only: the Latin font is added, no other script's.
    expect(window!.html).toContain('@font-face{font-family:"CCAT Noto Sans";');
    expect(window!.html).not.toMatch(/font-family:"CCAT Noto Sans (JP|Thai|Khmer|Arabic)"/);
    expect(window!.destroyed).toBe(true);
    expect(existsSync(window!.loaded[0]!)).toBe(false);
  });

  it('prints the page furniture core defines for every PDF: header, footer with page n of m, margins, tagged with an outline', async () => {
    const asked: Array<Record<string, unknown> | undefined> = [];
    const { Window } = fakeWindows(async (options) => {
      asked.push(options);
      return Buffer.from('%PDF-1.7 fake');
    });
    const doc = buildReport({ ...exportInput('pdf', 'summary', { language: 'ja' }), classification: 'confidential' });
    const setup = pdfPageSetup(doc);
    await electronExportServices(Window as never, pdfFontDir).printPdf(renderHtml(doc), setup);
    expect(asked[0]).toEqual({
      printBackground: true,
      pageSize: 'A4',
      displayHeaderFooter: true,
      // The Japanese title and marking need the shipped font in the page furniture too.
      headerTemplate: expect.stringMatching(/^<style>@font-face.*@font-face\{font-family:"CCAT Noto Sans JP".*<\/style>/s),
      footerTemplate: expect.stringMatching(/^<style>@font-face.*@font-face\{font-family:"CCAT Noto Sans JP".*<\/style>/s),
      margins: { top: 16 / 25.4, bottom: 16 / 25.4, left: 12 / 25.4, right: 12 / 25.4 },
      landscape: false,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    expect(setup.headerTemplate).toContain('部外秘（転送禁止）');
    expect(setup.headerTemplate).toContain('未確定稿（レビュー中）');
    expect(setup.footerTemplate).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span> ページ');
  });

  it('prints a landscape document (the wide HQ tables) on landscape pages', async () => {
    const asked: Array<Record<string, unknown> | undefined> = [];
    const { Window } = fakeWindows(async (options) => {
      asked.push(options);
      return Buffer.from('%PDF-1.7 fake');
    });
    const doc = { ...buildReport(exportInput('pdf', 'summary')), landscape: true };
    await electronExportServices(Window as never, pdfFontDir).printPdf(renderHtml(doc), pdfPageSetup(doc));
    expect(asked[0]).toMatchObject({ pageSize: 'A4', landscape: true });
  });

  it('rasterises a chart to PNG the same way', async () => {
    const { Window, created } = fakeWindows();
    const png = await electronExportServices(Window as never, pdfFontDir).rasterize('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(created[0]!.html).toContain('<svg');
  });

  it('destroys the window and removes the temp file when printing fails', async () => {
    const { Window, created } = fakeWindows(async () => Promise.reject(new Error('printer on fire')));
    await expect(electronExportServices(Window as never, pdfFontDir).printPdf('<p>x</p>')).rejects.toThrow('printer on fire');
    const used = created[0]!;
    expect(used.destroyed).toBe(true);
    expect(existsSync(used.loaded[0]!)).toBe(false);
  });
});
