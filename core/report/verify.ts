import type JSZip from 'jszip';
import { CoreError } from '../api/result';
import { fromUtf8 } from './bytes';
import { BOM, parseCsv } from './csv';
import { escapeHtml } from './escape';
import type { ExportFormat } from './report-input';

export interface VerifyExpectations {
  /** Text the document must contain: the assessment title. */
  title?: string;
  /** CSV: records including the header row. */
  rows?: number;
  /** XLSX: sheet names that must be present. */
  sheets?: readonly string[];
}

/**
 * What a re-read found, as figures: the UI words it in its own language (exportDialog.checked.*),
 * the CLI prints describeCheck's English.
 */
export interface ExportCheck {
  format: ExportFormat;
  kilobytes: number;
  pages?: number;
  tables?: number;
  images?: number;
  sheets?: number;
  rows?: number;
  columns?: number;
}

/** The figures alone, without the details describeCheck adds to its English. */
export function checkFigures(check: ExportCheck): ExportCheck {
  const { format, kilobytes, pages, tables, images, sheets, rows, columns } = check;
  return { format, kilobytes, pages, tables, images, sheets, rows, columns };
}

const kb = (bytes: Uint8Array) => Math.ceil(bytes.length / 1024);

function fail(format: ExportFormat, problem: string): never {
  throw new CoreError('INTERNAL', `The ${format.toUpperCase()} export did not pass its check after it was written: ${problem}. Nothing was saved as complete; try the export again.`);
}

function decode(format: ExportFormat, bytes: Uint8Array): string {
  try {
    return fromUtf8(bytes);
  } catch {
    return fail(format, 'it is not valid UTF-8 text');
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

function verifyHtml(bytes: Uint8Array, expected: VerifyExpectations): ExportCheck {
  const html = decode('html', bytes);
  if (!/^<!DOCTYPE html>\s*<html lang="[a-z-]+"(?: dir="(?:ltr|rtl)")?>/i.test(html)) fail('html', 'it does not start with an HTML document element');
  if (!/<\/html>\s*$/.test(html)) fail('html', 'it is cut short (no closing </html>)');
  if (/<script\b/i.test(html)) fail('html', 'it contains a script element');
  if (!html.includes('http-equiv="Content-Security-Policy"')) fail('html', 'it has no Content-Security-Policy');
  // Inside tags only: escaped user text may well read "href=" but can never open a tag.
  if (/<[a-z][^>]*\s(?:src|href|xlink:href)\s*=/i.test(html)) fail('html', 'it refers to an external resource');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) fail('html', 'it contains an event-handler attribute');
  const title = /<title>([^<]*)<\/title>/.exec(html);
  if (!title || title[1]!.trim() === '') fail('html', 'it has no title');
  if (expected.title !== undefined && !title[1]!.includes(escapeHtml(expected.title))) fail('html', 'its title is not the assessment title');
  return { format: 'html', kilobytes: kb(bytes) };
}

function verifyPdf(bytes: Uint8Array): ExportCheck {
  const text = new TextDecoder('latin1').decode(bytes);
  if (!text.startsWith('%PDF-')) fail('pdf', 'it does not start with %PDF-');
  if (!/%%EOF\s*$/.test(text)) fail('pdf', 'it is cut short (no %%EOF)');
  // Page objects only: "/Type /Pages" is the page tree and must not be counted.
  const pages = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  if (pages === 0) fail('pdf', 'it has no pages');
  return { format: 'pdf', kilobytes: kb(bytes), pages };
}

async function verifyDocx(bytes: Uint8Array, expected: VerifyExpectations): Promise<ExportCheck> {
  // Loaded on use: a CLI command or a serve start that never touches DOCX should not pay for it.
  const { default: Zip } = await import('jszip');
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(bytes);
  } catch (error) {
    return fail('docx', `it is not a readable ZIP package (${(error as Error).message})`);
  }
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) fail('docx', 'word/document.xml is missing');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
  if (expected.title !== undefined && !text.includes(expected.title)) fail('docx', 'the document does not contain the assessment title');
  const tables = xml.match(/<w:tbl>/g)?.length ?? 0;
  const images = Object.keys(zip.files).filter((name) => name.startsWith('word/media/')).length;
  return { format: 'docx', kilobytes: kb(bytes), tables, images };
}

async function verifyXlsx(bytes: Uint8Array, expected: VerifyExpectations): Promise<ExportCheck & { detail: string }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types ask for a Node Buffer; it hands the bytes to JSZip, which reads any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    return fail('xlsx', `it cannot be read as a workbook (${(error as Error).message})`);
  }
  const names = workbook.worksheets.map((ws) => ws.name);
  const missing = (expected.sheets ?? []).filter((name) => !names.includes(name));
  if (missing.length > 0) fail('xlsx', `sheet${missing.length === 1 ? '' : 's'} ${missing.join(', ')} missing`);
  const empty = workbook.worksheets.filter((ws) => ws.rowCount === 0).map((ws) => ws.name);
  if (empty.length > 0) fail('xlsx', `sheet${empty.length === 1 ? '' : 's'} ${empty.join(', ')} empty`);
  return { format: 'xlsx', kilobytes: kb(bytes), sheets: names.length, detail: workbook.worksheets.map((ws) => `${ws.name} ${ws.rowCount} rows`).join(', ') };
}

function verifyCsv(bytes: Uint8Array, expected: VerifyExpectations): ExportCheck {
  const text = decode('csv', bytes);
  if (!text.startsWith(BOM)) fail('csv', 'the UTF-8 byte-order mark Excel needs is missing');
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    return fail('csv', (error as Error).message);
  }
  if (records.length === 0) fail('csv', 'it has no rows');
  if (expected.rows !== undefined && records.length !== expected.rows) fail('csv', `it reads back as ${records.length} rows, not ${expected.rows}`);
  const width = records[0]!.length;
  const ragged = records.findIndex((r) => r.length !== width);
  // Stryker disable next-line EqualityOperator: equivalent, row 0 sets the width, so it is never the ragged one
  if (ragged >= 0) fail('csv', `row ${ragged + 1} has ${records[ragged]!.length} fields, not ${width}`);
  return { format: 'csv', kilobytes: kb(bytes), rows: records.length - 1, columns: width };
}

function verifyJson(bytes: Uint8Array): ExportCheck & { id: string } {
  // Decoded first: a decoding failure is its own finding, not wrapped in "does not parse".
  const text = decode('json', bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('json', `it does not parse (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || typeof (value as { id?: unknown }).id !== 'string') fail('json', 'it is not an assessment');
  return { format: 'json', kilobytes: kb(bytes), id: (value as { id: string }).id };
}

/**
 * Re-opens an export the way its reader will and checks it (design §6: every export is verified
 * before "export complete" is shown). Returns what was checked; throws CoreError INTERNAL otherwise.
 */
export async function verifyExport(bytes: Uint8Array, format: ExportFormat, expected: VerifyExpectations = {}): Promise<string> {
  return describeCheck(await checkExport(bytes, format, expected));
}

/** The check in English, as the CLI prints it. */
export function describeCheck(check: ExportCheck & { detail?: string; id?: string }): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  switch (check.format) {
    case 'html':
      return `HTML re-read: complete document, title present, no script, CSP set (${check.kilobytes} KB)`;
    case 'pdf':
      return `PDF re-read: ${n(check.pages ?? 0, 'page')} (${check.kilobytes} KB)`;
    case 'docx':
      return `DOCX re-read: document.xml has the title, ${n(check.tables ?? 0, 'table')}, ${n(check.images ?? 0, 'image')}`;
    case 'xlsx':
      return `XLSX re-read: ${check.sheets ?? 0} sheets (${check.detail ?? ''})`;
    case 'csv':
      return `CSV re-read: ${check.rows ?? 0} rows of ${check.columns ?? 0} columns`;
    case 'json':
      return `JSON re-read: assessment ${check.id ?? ''}`;
  }
}

/** verifyExport's findings as figures (see ExportCheck); throws the same CoreError when a check fails. */
export async function checkExport(bytes: Uint8Array, format: ExportFormat, expected: VerifyExpectations = {}): Promise<ExportCheck & { detail?: string; id?: string }> {
  if (bytes.length === 0) fail(format, 'the file is empty');
  switch (format) {
    case 'html':
      return verifyHtml(bytes, expected);
    case 'pdf':
      return verifyPdf(bytes);
    case 'docx':
      return verifyDocx(bytes, expected);
    case 'xlsx':
      return verifyXlsx(bytes, expected);
    case 'csv':
      return verifyCsv(bytes, expected);
    case 'json':
      return verifyJson(bytes);
  }
}
