/**
 * Platform services a shell injects for exports. Core cannot start a browser engine, so a PDF is
 * the HTML report printed by the shell (Electron's printToPDF, or Chromium in the CLI), and the
 * DOCX chart is the report's SVG rasterised by the same engine.
 */
import type { PdfPageSetup } from './page-setup';

/** Prints A4 with the given page furniture (see pdfPageSetup); without it, plain pages. */
export type PdfPrinter = (html: string, page?: PdfPageSetup) => Promise<Uint8Array>;
export type SvgRasterizer = (svg: string) => Promise<Uint8Array>;

export interface ExportServices {
  printPdf?: PdfPrinter | undefined;
  rasterize?: SvgRasterizer | undefined;
}
