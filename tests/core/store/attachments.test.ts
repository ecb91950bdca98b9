import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentFiles, MAX_ATTACHMENT_BYTES } from '../../../core/store/attachments.node.ts';
import { coreFailure, instrumentedFs, type FsCall } from './helpers';
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

  it('refuses a file over 25 MB, saying how large it is, and stores one of exactly 25 MB', async () => {
    const dataDir = await tempDir();
    const files = attachmentFiles(dataDir);
    const error = await coreFailure(files.put(new Uint8Array(MAX_ATTACHMENT_BYTES + 300 * 1024)));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'The file is 25.3 MB; attachments may be at most 25 MB.' });
    const exactly = new Uint8Array(MAX_ATTACHMENT_BYTES);
    expect(await files.put(exactly)).toBe(createHash('sha256').update(exactly).digest('hex'));
  });

  it('writes the same document attached twice only once', async () => {
    const calls: FsCall[] = [];
    const files = attachmentFiles(await tempDir(), instrumentedFs({ calls }));
    await files.put(original);
    await files.put(original);
    expect(calls.filter((c) => c.op === 'rename')).toHaveLength(1);
  });

  it('says which attachment is missing, and names a file it may not read as a reading problem', async () => {
    const dataDir = await tempDir();
    const folder = join(dataDir, 'attachments');
    expect(await coreFailure(attachmentFiles(dataDir).read(sha))).toMatchObject({ code: 'NOT_FOUND', message: `The attachment file ${sha.slice(0, 12)}… is missing from ${folder}.` });
    const denied = attachmentFiles(dataDir, instrumentedFs({ fail: (c) => (c.op === 'readFile' ? 'EACCES' : undefined) }));
    const error = await coreFailure(denied.read(sha));
    expect(error.code).toBe('NO_PERMISSION');
    expect(error.message).toContain(`CCAT is not allowed to read from the folder ${folder}.`);
    expect(error.details).toMatchObject({ file: join(folder, sha) });
  });

  it('names the damaged file and its fingerprint in the refusal’s details', async () => {
    const dataDir = await tempDir();
    const files = attachmentFiles(dataDir);
    await files.put(original);
    await flipOneByte(dataDir);
    expect((await coreFailure(files.read(sha))).details).toEqual({ file: join(dataDir, 'attachments', sha), sha256: sha });
  });
});
