import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ExportedFile } from '../../../core/api/commands';
import { fromBase64, utf8 } from '../../../core/report/bytes';

export function bytesOf(file: ExportedFile): Uint8Array {
  return file.encoding === 'base64' ? fromBase64(file.content) : utf8(file.content);
}

/** Every text run of every part of a DOCX (body, footers, properties), unescaped. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => name.endsWith('.xml'))
      .map(async (name) => (await zip.file(name)!.async('string')).replace(/<[^>]+>/g, ' ')),
  );
  return parts.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Every cell value of every sheet of an XLSX, as text. */
export async function xlsxText(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  const values: string[] = [book.title ?? '', book.creator ?? ''];
  for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
  return values.join('\n');
}

/** The text a reader of the file could see, whatever its format (PDF aside: that needs pdftotext). */
export async function visibleText(file: ExportedFile): Promise<string> {
  const bytes = bytesOf(file);
  if (file.fileName.endsWith('.docx')) return docxText(bytes);
  if (file.fileName.endsWith('.xlsx')) return xlsxText(bytes);
  return file.content;
}
