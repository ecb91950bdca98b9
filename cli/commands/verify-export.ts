import { readFile } from 'node:fs/promises';
import type { ExportedFile } from '../../core/api/commands';

/** Re-reads what was written: an export that did not land intact must not be reported as done. */
export async function verifyExport(path: string, file: ExportedFile): Promise<void> {
  const written = await readFile(path, 'utf8');
  if (written !== file.content) throw new Error(`The file written to ${path} does not match what was exported; it may be damaged.`);
  if (file.mediaType === 'application/json') JSON.parse(written);
  if (file.mediaType === 'text/html' && !/<\/html>\s*$/.test(written)) throw new Error(`${path} is not a complete HTML document.`);
}
