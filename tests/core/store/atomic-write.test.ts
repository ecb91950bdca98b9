import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/api/result';
import { writeFileDurably } from '../../../core/store/atomic-write.node.ts';
import { findTempFiles, instrumentedFs, listFolder } from './helpers';
import { useTempDirs } from '../temp-dir';
import type { FsCall } from './helpers';

const tempDir = useTempDirs();

async function rejection(promise: Promise<unknown>): Promise<CoreError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoreError);
  return error as CoreError;
}

describe('writeFileDurably', () => {
  it('replaces the file through a temp file that is synced, renamed and followed by a directory sync', async () => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, 'old');
    const calls: FsCall[] = [];
    await writeFileDurably(target, 'new', instrumentedFs({ calls }));

    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await listFolder(dir)).toEqual(['doc.json']);
    const ops = calls.map((c) => c.op);
    expect(ops).toEqual(['open', 'writeFile', 'sync', 'close', 'rename', 'open', 'sync', 'close']);
    const temp = calls[0]?.path ?? '';
    expect(temp).toMatch(/[/\\]\.doc\.json\.[0-9a-f]{12}\.tmp$/);
    expect(calls[0]?.flags).toBe('wx');
    expect(calls[4]).toMatchObject({ path: temp, to: target });
    expect(calls[5]).toMatchObject({ op: 'open', path: dir, flags: 'r' });
  });

  it('uses a different temp name each time, so two writers never share one', async () => {
    const dir = await tempDir();
    const calls: FsCall[] = [];
    const fs = instrumentedFs({ calls });
    await Promise.all([writeFileDurably(join(dir, 'a.json'), '1', fs), writeFileDurably(join(dir, 'a.json'), '2', fs)]);
    const temps = calls.filter((c) => c.op === 'open' && c.flags === 'wx').map((c) => c.path);
    expect(new Set(temps).size).toBe(2);
    expect(['1', '2']).toContain(await readFile(join(dir, 'a.json'), 'utf8'));
    expect(await findTempFiles(dir)).toEqual([]);
  });

  it.each(['writeFile', 'sync', 'rename'] as const)('ENOSPC during %s: target byte-identical, no temp file, DISK_FULL', async (op) => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, 'previous contents');
    const fs = instrumentedFs({ fail: (c) => (c.op === op && c.path.endsWith('.tmp') ? 'ENOSPC' : undefined) });

    const error = await rejection(writeFileDurably(target, 'x'.repeat(100_000), fs));
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toMatch(/^The disk is full: .*doc\.json\. Free some space; your changes are kept in the app and will be saved again\.$/);
    expect(await readFile(target, 'utf8')).toBe('previous contents');
    expect(await findTempFiles(dir)).toEqual([]);
  });

  it('retries a rename that Windows anti-virus briefly blocks (EPERM, EBUSY)', async () => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    const codes = ['EPERM', 'EBUSY', 'EACCES'];
    const calls: FsCall[] = [];
    const fs = instrumentedFs({ calls, fail: (c) => (c.op === 'rename' ? codes.shift() : undefined) });
    await writeFileDurably(target, 'saved', fs, { retryDelayMs: 1 });
    expect(await readFile(target, 'utf8')).toBe('saved');
    expect(calls.filter((c) => c.op === 'rename')).toHaveLength(4);
  });

  it('gives up after a bounded number of attempts with NO_PERMISSION naming the folder', async () => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, 'previous');
    const calls: FsCall[] = [];
    const fs = instrumentedFs({ calls, fail: (c) => (c.op === 'rename' ? 'EPERM' : undefined) });
    const error = await rejection(writeFileDurably(target, 'new', fs, { retryDelayMs: 1 }));
    expect(error.code).toBe('NO_PERMISSION');
    expect(error.message).toContain(`the folder ${dir}`);
    expect(calls.filter((c) => c.op === 'rename')).toHaveLength(5);
    expect(await readFile(target, 'utf8')).toBe('previous');
    expect(await findTempFiles(dir)).toEqual([]);
  });

  it('does not retry errors that waiting cannot fix', async () => {
    const dir = await tempDir();
    const calls: FsCall[] = [];
    const fs = instrumentedFs({ calls, fail: (c) => (c.op === 'rename' ? 'EROFS' : undefined) });
    const error = await rejection(writeFileDurably(join(dir, 'doc.json'), 'new', fs, { retryDelayMs: 1 }));
    expect(error.code).toBe('NO_PERMISSION');
    expect(calls.filter((c) => c.op === 'rename')).toHaveLength(1);
  });

  it.each(['EISDIR', 'EPERM', 'EINVAL'])('ignores %s from the directory sync (Windows cannot sync folders)', async (code) => {
    const dir = await tempDir();
    const fs = instrumentedFs({ fail: (c) => (c.op === 'open' && c.path === dir ? code : undefined) });
    await writeFileDurably(join(dir, 'doc.json'), 'ok', fs);
    expect(await readFile(join(dir, 'doc.json'), 'utf8')).toBe('ok');
  });

  it.each(['EISDIR', 'EPERM', 'EINVAL'])('ignores %s from flushing an opened folder too', async (code) => {
    const dir = await tempDir();
    const calls: FsCall[] = [];
    const fs = instrumentedFs({ calls, fail: (c) => (c.op === 'sync' && c.path === dir ? code : undefined) });
    await writeFileDurably(join(dir, 'doc.json'), 'ok', fs);
    expect(await readFile(join(dir, 'doc.json'), 'utf8')).toBe('ok');
    // The folder's handle is closed all the same.
    expect(calls.filter((c) => c.path === dir).map((c) => c.op)).toEqual(['open', 'sync', 'close']);
  });

  it('renames only once the writes that must come first are done, while flushing the temp file meanwhile', async () => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, 'old');
    const calls: FsCall[] = [];
    let finishLog = (): void => undefined;
    const logWritten = new Promise<void>((resolve) => (finishLog = resolve));
    const writing = writeFileDurably(target, 'new', instrumentedFs({ calls }), { durableFirst: () => logWritten });

    await expect.poll(() => calls.map((c) => c.op).join(' ')).toBe('open writeFile sync close');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.map((c) => c.op)).not.toContain('rename');
    expect(await readFile(target, 'utf8')).toBe('old');
    finishLog();
    await writing;
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await listFolder(dir)).toEqual(['doc.json']);
  });

  it('leaves the file as it was and removes the temp file when a write that must come first fails, and reports the error of that write', async () => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, 'old');
    const logError = Object.assign(new Error('history.log: no space left'), { code: 'ENOSPC' });
    await expect(writeFileDurably(target, 'new', undefined, { durableFirst: () => Promise.reject(logError) })).rejects.toBe(logError);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await findTempFiles(dir)).toEqual([]);
  });

  it('reports the error of the write that comes first when the temp file fails too, once both have settled', async () => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, 'old');
    const fs = instrumentedFs({ fail: (c) => (c.op === 'sync' && c.path.endsWith('.tmp') ? 'EIO' : undefined) });
    let settled = false;
    const logError = new Error('history.log: input/output error');
    const slowFailure = () => new Promise<void>((_, reject) => setTimeout(() => ((settled = true), reject(logError)), 30));
    await expect(writeFileDurably(target, 'new', fs, { durableFirst: slowFailure })).rejects.toBe(logError);
    expect(settled).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await findTempFiles(dir)).toEqual([]);
  });

  it('closes the temp file and removes it when flushing it fails', async () => {
    const dir = await tempDir();
    const calls: FsCall[] = [];
    const fs = instrumentedFs({ calls, fail: (c) => (c.op === 'sync' && c.path !== dir ? 'EIO' : undefined) });
    await rejection(writeFileDurably(join(dir, 'doc.json'), 'ok', fs));
    const temp = calls[0]!.path;
    expect(calls.filter((c) => c.path === temp).map((c) => c.op)).toEqual(['open', 'writeFile', 'sync', 'close', 'unlink']);
    expect(await findTempFiles(dir)).toEqual([]);
  });

  it('reports other directory sync failures, because then the rename may not survive a power cut', async () => {
    const dir = await tempDir();
    const fs = instrumentedFs({ fail: (c) => (c.op === 'sync' && c.path === dir ? 'EIO' : undefined) });
    const error = await rejection(writeFileDurably(join(dir, 'doc.json'), 'ok', fs));
    expect(error.code).toBe('INTERNAL');
    expect(await findTempFiles(dir)).toEqual([]);
  });
});
