import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureFolderDurably, writeFileDurably } from '../../../core/store/atomic-write.node.ts';
import { quarantineFile } from '../../../core/store/quarantine.node.ts';
import { useTempDirs } from '../temp-dir';
import { coreFailure, instrumentedFs, type FsCall } from './helpers';

const tempDir = useTempDirs();
afterEach(() => vi.restoreAllMocks());

/** The folders whose entries were flushed (opened read-only and synced), in order. */
function syncedFolders(calls: FsCall[]): string[] {
  return calls.flatMap((call, i) => (call.op === 'open' && call.flags === 'r' && calls[i + 1]?.op === 'sync' && calls[i + 1]?.path === call.path ? [call.path] : []));
}

describe('new folders survive a power cut', () => {
  it('flushes each new folder in its parent, from the new leaf up to the folder that already existed', async () => {
    const root = await tempDir();
    const calls: FsCall[] = [];
    await ensureFolderDurably(instrumentedFs({ calls }), join(root, 'a', 'b', 'c'));
    expect((await readdir(join(root, 'a', 'b'))).sort()).toEqual(['c']);
    expect(syncedFolders(calls)).toEqual([join(root, 'a', 'b'), join(root, 'a'), root]);
  });

  it('flushes nothing when the folder is already there', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'a'));
    const calls: FsCall[] = [];
    await ensureFolderDurably(instrumentedFs({ calls }), join(root, 'a'));
    expect(syncedFolders(calls)).toEqual([]);
  });

  it('reports a folder it may not create as NO_PERMISSION naming the parent folder', async () => {
    const root = await tempDir();
    const fs = instrumentedFs({ fail: (c) => (c.op === 'mkdir' ? 'EACCES' : undefined) });
    const error = await coreFailure(ensureFolderDurably(fs, join(root, 'a')));
    expect(error.code).toBe('NO_PERMISSION');
    expect(error.message).toContain(`the folder ${root}.`);
  });
});

describe('the back-off of a blocked rename', () => {
  it('waits twice as long after each failed attempt, starting from the given delay or 20 ms', async () => {
    const dir = await tempDir();
    const codes = ['EBUSY', 'EBUSY', 'EBUSY'];
    const fs = instrumentedFs({ fail: (c) => (c.op === 'rename' ? codes.shift() : undefined) });
    const timers = vi.spyOn(globalThis, 'setTimeout');
    await writeFileDurably(join(dir, 'doc.json'), 'saved', fs, { retryDelayMs: 3 });
    expect(timers.mock.calls.map((call) => call[1])).toEqual([3, 6, 12]);
    expect(await readFile(join(dir, 'doc.json'), 'utf8')).toBe('saved');
    timers.mockClear();
    codes.push('EPERM');
    await writeFileDurably(join(dir, 'doc.json'), 'again', fs);
    expect(timers.mock.calls.map((call) => call[1])).toEqual([20]);
  });
});

describe('quarantine', () => {
  it('moves the file, then flushes the quarantine folder and the folder it came from', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'assessments', 'x'), { recursive: true });
    await writeFile(join(dataDir, 'assessments', 'x', 'r000000001.json'), 'damaged');
    const calls: FsCall[] = [];
    const moved = await quarantineFile(instrumentedFs({ calls }), dataDir, join('assessments', 'x', 'r000000001.json'), 'x', new Date('2026-03-02T10:00:00.000Z'));
    expect(moved).toBe('quarantine/2026-03-02T10-00-00-000Z-x-r000000001.json');
    expect(await readFile(join(dataDir, moved), 'utf8')).toBe('damaged');
    const renameAt = calls.findIndex((c) => c.op === 'rename');
    expect(syncedFolders(calls.slice(renameAt))).toEqual([join(dataDir, 'quarantine'), join(dataDir, 'assessments', 'x')]);
  });

  it('leaves the file where it is and says so when it cannot be moved', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'assessments', 'x'), { recursive: true });
    const source = join(dataDir, 'assessments', 'x', 'r000000001.json');
    await writeFile(source, 'damaged');
    const fs = instrumentedFs({ fail: (c) => (c.op === 'rename' ? 'EACCES' : undefined) });
    const error = await coreFailure(quarantineFile(fs, dataDir, join('assessments', 'x', 'r000000001.json'), 'x', new Date()));
    expect(error.code).toBe('NO_PERMISSION');
    expect(error.message).toContain(`CCAT is not allowed to write to the folder ${join(dataDir, 'quarantine')}.`);
    expect(await readFile(source, 'utf8')).toBe('damaged');
  });

  it('stops at a file-system error other than "not there" while looking for a free name', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'f.json'), 'damaged');
    const fs = instrumentedFs({ fail: (c) => (c.op === 'stat' ? 'EIO' : undefined) });
    const error = await coreFailure(quarantineFile(fs, dataDir, 'f.json', 'o', new Date('2026-03-02T10:00:00.000Z')));
    expect(error.code).toBe('INTERNAL');
    expect(await readFile(join(dataDir, 'f.json'), 'utf8')).toBe('damaged');
  });
});
