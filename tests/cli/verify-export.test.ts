import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { verifyWrittenExport, writeVerified } from '../../cli/commands/verify-export';
import { renderExport } from '../../core/report/render-export';
import { bytesOf } from '../core/report/extract';
import { exportInput } from '../core/report/report-fixture';
import { useTempDirs } from '../core/temp-dir';

const tempDir = useTempDirs();
const title = 'Viet Nam national assessment, March 2026';

async function exportedHtml(): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = bytesOf(await renderExport(exportInput('html', 'summary')));
  const path = join(await tempDir(), 'report.html');
  await writeFile(path, bytes);
  return { path, bytes };
}

describe('the CLI re-reads an export from disk', () => {
  it('accepts the file when its bytes are the exported bytes', async () => {
    const { path, bytes } = await exportedHtml();
    expect(await verifyWrittenExport(path, bytes, 'html', title)).toBe(
      `HTML re-read: complete document, title present, no script, CSP set (${Math.ceil(bytes.length / 1024)} KB); identical to the export (${bytes.length} bytes)`,
    );
  });

  it('refuses a file of the same length whose bytes differ, even where the result is still a valid report', async () => {
    const { path, bytes } = await exportedHtml();
    const text = new TextDecoder().decode(bytes);
    // One letter changed in the body: the same length, still a complete, script-free HTML report.
    const damaged = new TextEncoder().encode(text.replace('<main>', '<mAin>'));
    expect(damaged.length).toBe(bytes.length);
    await writeFile(path, damaged);
    await expect(verifyWrittenExport(path, bytes, 'html', title)).rejects.toThrow(
      `The file written to ${path} does not match what was exported (${bytes.length} bytes on disk, ${bytes.length} expected); it may be damaged. Export again.`,
    );
    expect(new Uint8Array(await readFile(path))).toEqual(damaged);
  });

  it('checks the file on disk against the assessment title it was exported for', async () => {
    const { path, bytes } = await exportedHtml();
    await expect(verifyWrittenExport(path, bytes, 'html', 'Another assessment')).rejects.toThrow('its title is not the assessment title');
  });

  it('refuses a file cut short on disk', async () => {
    const { path, bytes } = await exportedHtml();
    await writeFile(path, bytes.subarray(0, bytes.length - 1));
    await expect(verifyWrittenExport(path, bytes, 'html', title)).rejects.toThrow(`(${bytes.length - 1} bytes on disk, ${bytes.length} expected)`);
  });

  it('refuses identical bytes that do not open as the format says', async () => {
    const path = join(await tempDir(), 'report.html');
    const bytes = new TextEncoder().encode('<p>not a report</p>');
    await writeFile(path, bytes);
    await expect(verifyWrittenExport(path, bytes, 'html', title)).rejects.toThrow('it does not start with an HTML document element');
  });
});

describe('writing a verified export', () => {
  it('writes the bytes and prints where, what the core found and what the re-read from disk found', async () => {
    const file = await renderExport(exportInput('html', 'summary'));
    const out = join(await tempDir(), 'written.html');
    const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await writeVerified(out, file, (path, bytes) => verifyWrittenExport(path, bytes, 'html', title));
      expect(new Uint8Array(await readFile(out))).toEqual(bytesOf(file));
      const size = bytesOf(file).length;
      expect(printed.mock.calls.map((call) => call.join(' '))).toEqual([
        `Exported ${out}`,
        `  core check: ${file.verified}`,
        `  on disk:    HTML re-read: complete document, title present, no script, CSP set (${Math.ceil(size / 1024)} KB); identical to the export (${size} bytes)`,
      ]);
    } finally {
      printed.mockRestore();
    }
  });
});
