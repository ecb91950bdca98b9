import type { ExportedFile } from '../api/commands';
import { CoreError } from '../api/result';
import { createBuildContext } from './build-context';
import { buildReport } from './build-report';
import { fromUtf8, toBase64, utf8 } from './bytes';
import { exportFileName } from './file-name';
import { pdfPageSetup } from './page-setup';
import { redactAssessment } from './redact';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import type { ExportFormat, ExportInput } from './report-input';
import type { ExportServices } from './services';
import { checkExport, checkFigures, describeCheck, type VerifyExpectations } from './verify';

export const mediaTypes: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
};

export const workbookSheetNames = ['Summary', 'Indicators', 'Capabilities', 'Plan', 'Sessions', 'Session inputs', 'Crosswalk'] as const;

export const pdfHelp =
  'PDF export needs Chromium, which this CCAT cannot start here. In the desktop app, PDF export works without setup. ' +
  'From the command line, install Chromium (Debian/Ubuntu: apt-get install chromium) or pass --chromium PATH (or set CCAT_CHROMIUM) to its executable. ' +
  'Meanwhile, export HTML and print it to PDF from any browser.';

async function render(input: ExportInput, services: ExportServices): Promise<Uint8Array> {
  switch (input.format) {
    case 'json': {
      const assessment = input.redact ? redactAssessment(input.assessment) : input.assessment;
      // The stored document's keys, then the scores computed from it: `scores` is not part of the assessment schema.
      return utf8(`${JSON.stringify({ ...assessment, scores: input.scores }, null, 2)}\n`);
    }
    case 'csv':
      return utf8(renderCsv(createBuildContext(input)));
    // exceljs and docx are large; loading them only for their own format keeps start-up quick.
    case 'xlsx':
      return (await import('./render-xlsx')).renderXlsx(createBuildContext(input));
    case 'html':
      return utf8(renderHtml(buildReport(input)));
    case 'docx':
      return (await import('./render-docx')).renderDocx(buildReport(input), services.rasterize);
    case 'pdf': {
      if (!services.printPdf) throw new CoreError('INTERNAL', pdfHelp);
      const doc = buildReport(input);
      return services.printPdf(renderHtml(doc), pdfPageSetup(doc));
    }
  }
}

function expectations(input: ExportInput): VerifyExpectations {
  const indicators = input.framework.domains.reduce((sum, d) => sum + d.capabilities.reduce((n, c) => n + c.indicators.length, 0), 0);
  return { title: input.assessment.title, rows: indicators + 1, sheets: workbookSheetNames };
}

/**
 * The one export entry point: renders the format, re-opens the bytes and verifies them, and only
 * then returns the file. Shells inject what core cannot do itself (print PDF, rasterise SVG).
 */
export async function renderExport(input: ExportInput, services: ExportServices = {}): Promise<ExportedFile> {
  const bytes = await render(input, services);
  const check = await checkExport(bytes, input.format, expectations(input));
  const text = input.format === 'html' || input.format === 'csv' || input.format === 'json';
  return {
    fileName: exportFileName(input.assessment, input),
    mediaType: mediaTypes[input.format],
    encoding: text ? 'utf8' : 'base64',
    content: text ? fromUtf8(bytes) : toBase64(bytes),
    verified: describeCheck(check),
    check: checkFigures(check),
  };
}
