import { readFile } from 'node:fs/promises';
import type { ExportedFile } from '../../core/api/commands';
import { fromBase64, utf8 } from '../../core/report/bytes';
import { writeFileDurably } from '../../core/store/atomic-write.node.ts';
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
  return verifiedOnDisk(path, expected, (written) => verifyExport(written, format, { title }));
}

/** The bytes on disk identical to the export, then `reopen`'s check of them as their format. */
export async function verifiedOnDisk(path: string, expected: Uint8Array, reopen: (written: Uint8Array) => Promise<string>): Promise<string> {
  const written = await readBackIdentical(path, expected);
  return `${await reopen(written)}; identical to the export (${written.length} bytes)`;
}

/**
 * Every CLI export's last step: writes the core's verified file durably to `out` (the target
 * already checked by the caller), re-reads it through `onDisk` and says what both checks found.
 */
export async function writeVerified(out: string, file: ExportedFile, onDisk: (path: string, bytes: Uint8Array) => Promise<string>): Promise<void> {
  const bytes = file.encoding === 'base64' ? fromBase64(file.content) : utf8(file.content);
  await writeFileDurably(out, bytes);
  const checked = await onDisk(out, bytes);
  console.log(`Exported ${out}`);
  console.log(`  core check: ${file.verified}`);
  console.log(`  on disk:    ${checked}`);
}
