import { readFile } from 'node:fs/promises';
import type { ExportFormat } from '../../core/report/report-input';
import { verifyExport } from '../../core/report/verify';

/**
 * Re-reads what was written (design §6): the bytes on disk must be the bytes the core verified.
 * An export that did not land intact is never reported as done.
 */
export async function readBackIdentical(path: string, expected: Uint8Array): Promise<Uint8Array> {
  const written = new Uint8Array(await readFile(path));
  if (written.length !== expected.length || written.some((byte, i) => byte !== expected[i])) {
    throw new Error(`The file written to ${path} does not match what was exported (${written.length} bytes on disk, ${expected.length} expected); it may be damaged. Export again.`);
  }
  return written;
}

/** ...and they must open again as the format says. */
export async function verifyWrittenExport(path: string, expected: Uint8Array, format: ExportFormat, title: string): Promise<string> {
  const written = await readBackIdentical(path, expected);
  return `${await verifyExport(written, format, { title })}; identical to the export (${written.length} bytes)`;
}
