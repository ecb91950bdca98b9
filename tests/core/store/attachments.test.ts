import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentFiles } from '../../../core/store/attachments.node.ts';
import { coreFailure } from './helpers';
import { useTempDirs } from '../temp-dir';

const tempDir = useTempDirs();
const original = new TextEncoder().encode('Decree No. 12 establishing the national CSIRT, signed 2024-05-01.');
const sha = createHash('sha256').update(original).digest('hex');

/** The stored copy with one byte changed: same size, different content. */
async function flipOneByte(dataDir: string): Promise<void> {
  const path = join(dataDir, 'attachments', sha);
  const bytes = await readFile(path);
  bytes[10] = bytes[10]! ^ 0x01;
  await writeFile(path, bytes);
}

describe('attachment files', () => {
  it('refuses to read a stored attachment with one flipped byte, naming the file and how to repair it', async () => {
    const dataDir = await tempDir();
    const files = attachmentFiles(dataDir);
    expect(await files.put(original)).toBe(sha);
    expect(Buffer.from(await files.read(sha)).equals(Buffer.from(original))).toBe(true);
    await flipOneByte(dataDir);

    const error = await coreFailure(files.read(sha));
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toBe(
      `The attachment file ${join(dataDir, 'attachments', sha)} is damaged: its content no longer matches its SHA-256 fingerprint, so it is not offered as evidence. Attach the original file again to repair it.`,
    );
  });

  it('attaching the original again repairs a damaged copy of the same size', async () => {
    const dataDir = await tempDir();
    const files = attachmentFiles(dataDir);
    await files.put(original);
    await flipOneByte(dataDir);

    expect(await files.put(original)).toBe(sha);
    expect(Buffer.from(await readFile(join(dataDir, 'attachments', sha))).equals(Buffer.from(original))).toBe(true);
    expect(Buffer.from(await files.read(sha)).equals(Buffer.from(original))).toBe(true);
  });
});
