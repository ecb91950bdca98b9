import type { ReportDocument, Txt } from './document';
import { flat } from './document';
import { escapeHtml } from './escape';

/**
 * The page furniture of a printed report: one definition for both print engines (Electron's
 * printToPDF in the desktop app, Chromium through Playwright in the CLI and `serve`), so the PDF a
 * desktop user makes looks like the one the CLI makes. Both engines take Chromium's header and
 * footer templates, in which `pageNumber` and `totalPages` spans are filled in per page.
 */
export interface PdfPageSetup {
  headerTemplate: string;
  footerTemplate: string;
  /** Millimetres; room for the header and footer. */
  margin: { top: number; bottom: number; left: number; right: number };
  /** Tagged (accessible) PDF and a document outline from the headings. */
  tagged: true;
  outline: true;
}

/**
 * The Japanese font CCAT ships for PDFs (pdf-fonts.node.ts adds it to a report being printed);
 * named after the Latin fonts in the page furniture, it serves the Japanese of a title or marking.
 */
export const PDF_FONT_FAMILY = 'CCAT Noto Sans JP';

/** Chromium renders header templates without the page's styles: every rule is inline, fonts named. */
const base =
  'font-size:8px;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:8mm;color:#333;' +
  `font-family:"Segoe UI",Arial,"DejaVu Sans","${PDF_FONT_FAMILY}","Yu Gothic",Meiryo,"Noto Sans CJK JP","Hiragino Sans",sans-serif`;

const text = (t: Txt) => escapeHtml(flat(t));

/** Stand-ins the report puts where the page counters go (see buildReport). */
export const PAGE_MARK = '#PAGE#';
export const PAGES_MARK = '#PAGES#';

/** "Page <n> of <m>", the engine filling in its counters where the label has the marks. */
function pageOf(label: Txt): string {
  return text(label).replaceAll(PAGES_MARK, '<span class="totalPages"></span>').replaceAll(PAGE_MARK, '<span class="pageNumber"></span>');
}

export function pdfPageSetup(doc: ReportDocument): PdfPageSetup {
  const left = doc.classification ? `<span style="font-weight:700">${text(doc.classification)}</span>` : '<span></span>';
  const right = doc.draft ? `<span style="font-weight:700;color:#a40000;letter-spacing:.04em">${text(doc.draft)}</span>` : '<span></span>';
  return {
    headerTemplate: `<div style='${base}'>${left}${right}</div>`,
    footerTemplate:
      `<div style='${base}'><span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:70%">${escapeHtml(doc.documentTitle)}</span>` +
      `<span style="white-space:nowrap">${pageOf(doc.pageOf)}</span></div>`,
    margin: { top: 16, bottom: 16, left: 12, right: 12 },
    tagged: true,
    outline: true,
  };
}
