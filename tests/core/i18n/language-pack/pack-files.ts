import ExcelJS from 'exceljs';
import type { Core } from '../../../../core/api/open-core.node.ts';
import type { PackFormat } from '../../../../core/i18n/language-pack/types';
import { ok } from '../../api/core-harness';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The XLIFF with `key`'s target set to `text` (raw XML when `raw`), as a translator's CAT tool would save it. */
export function setXliffTarget(xml: string, key: string, text: string, raw = false): string {
  const start = xml.indexOf(`name="${key}"`);
  if (start === -1) throw new Error(`no unit ${key} in the XLIFF`);
  const end = xml.indexOf('</unit>', start);
  const unit = xml.slice(start, end);
  const target = `<target>${raw ? text : escapeXml(text)}</target>`;
  const changed = /<target>[\s\S]*?<\/target>/.test(unit) ? unit.replace(/<target>[\s\S]*?<\/target>/, target) : unit.replace('</source>', `</source>\n        ${target}`);
  return xml.slice(0, start) + changed + xml.slice(end);
}

/** An XLIFF unit for a key CCAT does not export (a plural form the language lacks, a made-up key). */
export function addXliffUnit(xml: string, key: string, text: string): string {
  return xml.replace('</file>', `  <unit id="extra-${key.replace(/[^\w.-]/g, '_')}" name="${key}"><segment><source>x</source><target>${escapeXml(text)}</target></segment></unit>\n  </file>`);
}

export function setXliffNote(xml: string, category: 'status' | 'reviewer' | 'reviewedOn', text: string): string {
  return xml.replace(new RegExp(`(<note id="ccat-${category}" category="ccat:${category}">)[^<]*(</note>)`), `$1${escapeXml(text)}$2`);
}

export async function exportPack(core: Core, language: string, format: PackFormat): Promise<{ text: string; bytes: Buffer }> {
  const file = await ok(core, 'exportLanguagePack', { language, format });
  const bytes = Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
  return { text: file.encoding === 'utf8' ? file.content : '', bytes };
}

export function importInput(fileName: string, content: string | Uint8Array) {
  return { fileName, contentBase64: Buffer.from(content).toString('base64') };
}

/** Edits an exported workbook as a translator in Excel would: translation cells by key, About values by label. */
export async function editWorkbook(bytes: Uint8Array, translations: Record<string, string>, about: Record<string, string> = {}): Promise<{ bytes: Uint8Array; rows: Record<string, number> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows: Record<string, number> = {};
  workbook.getWorksheet('Translation')!.eachRow((row, number) => {
    const key = String(row.getCell(1).value);
    if (key in translations) {
      row.getCell(3).value = translations[key]!;
      rows[key] = number;
    }
  });
  workbook.getWorksheet('About')!.eachRow((row) => {
    const label = String(row.getCell(1).value);
    if (label in about) row.getCell(2).value = about[label]!;
  });
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), rows };
}
