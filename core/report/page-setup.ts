import type { ReportDocument, Txt } from './document';
import { documentDirection, flat } from './document';
import { escapeHtml } from './escape';
import { fontStack } from './fonts';

/**
 * The page furniture of a printed report: one definition for both print engines (Electron's
 * printToPDF in the desktop app, Chromium through Playwright in the CLI and `serve`), so the PDF a
 * desktop user makes looks like the one the CLI makes. Both engines take Chromium's header and
 * footer templates, in which `pageNumber` and `totalPages` spans are filled in per page.
 */
export interface PdfPageSetup {
  headerTemplate: string;
  footerTemplate: string;
  /** A4 turned on its side (ReportDocument.landscape). */
  landscape: boolean;
  /** Millimetres; room for the header and footer. */
  margin: { top: number; bottom: number; left: number; right: number };
  /** Tagged (accessible) PDF and a document outline from the headings. */
  tagged: true;
  outline: true;
}

/** Chromium renders header templates without the page's styles: every rule is inline, fonts named. */
const base = 'font-size:8px;width:100%;box-sizing:border-box;padding:0 12mm;display:flex;justify-content:space-between;gap:8mm;color:#333;';

const text = (t: Txt) => escapeHtml(flat(t));

/** Stand-ins the report puts where the page counters go (see buildReport). */
export const PAGE_MARK = '#PAGE#';
export const PAGES_MARK = '#PAGES#';

/** "Page <n> of <m>", the engine filling in its counters where the label has the marks. */
function pageOf(label: Txt): string {
  return text(label).replaceAll(PAGES_MARK, '<span class="totalPages"></span>').replaceAll(PAGE_MARK, '<span class="pageNumber"></span>');
}

export function pdfPageSetup(doc: ReportDocument): PdfPageSetup {
  const language = doc.languages[0] ?? 'en';
  const attributes = `dir="${documentDirection(doc)}" lang="${language}"`;
  const fonts = `font-family:${fontStack(language)}`;
  const row = (content: string) => `<div ${attributes} style='${base}${fonts}'>${content}</div>`;
  const left = doc.classification ? `<span style="font-weight:700">${text(doc.classification)}</span>` : '<span></span>';
  const right = doc.draft ? `<span style="font-weight:700;color:#a40000;letter-spacing:.04em">${text(doc.draft)}</span>` : '<span></span>';
  // The title is the team's text, in any script: it takes its own direction.
  const footer =
    row(`<span dir="auto" style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:70%">${escapeHtml(doc.documentTitle)}</span><span style="white-space:nowrap">${pageOf(doc.pageOf)}</span>`) +
    // A block of its own (not a flex row), so that a long note wraps inside the margins in either direction.
    (doc.translationNote ? `<div ${attributes} style='font-size:7px;padding:1mm 12mm 0;color:#333;${fonts}'>${text(doc.translationNote)}</div>` : '');
  return {
    headerTemplate: row(`${left}${right}`),
    footerTemplate: `<div style="width:100%">${footer}</div>`,
    // Room for the translation note under the title and page number.
    margin: { top: 16, bottom: doc.translationNote ? 20 : 16, left: 12, right: 12 },
    landscape: doc.landscape === true,
    tagged: true,
    outline: true,
  };
}
