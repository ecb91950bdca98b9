import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { SAMPLE_ID, sampleAssessment } from './documents';
import { coreFailure, exists, instrumentedFs, snapshotTree } from './helpers';
import { useTempDirs } from '../temp-dir';
import { bundleWorker, runWorkerForJson } from './worker-process';

const tempDir = useTempDirs();
let workerPath = '';

beforeAll(async () => {
  workerPath = await bundleWorker(await tempDir('ccat-worker-'));
});


/** The pid of a process that has certainly exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe('assessment store: data-root lock', () => {
  it('a second process is refused with STORE_LOCKED and changes no file; after close it can open', async () => {
    const dataDir = await tempDir();
    const first = await openAssessmentStore({ dataDir });
    await first.create(sampleAssessment());
    const before = await snapshotTree(dataDir);

    const refused = await runWorkerForJson(workerPath, ['open', dataDir]);
    expect(refused).toEqual({
      ok: false,
      code: 'STORE_LOCKED',
      message: `This data folder is already open in another CCAT window or process (pid ${process.pid}). Close it and try again.`,
    });
    expect(await snapshotTree(dataDir)).toEqual(before);

    await first.close();
    expect(await runWorkerForJson(workerPath, ['open', dataDir])).toEqual({ ok: true, listed: 1 });
    expect(await exists(join(dataDir, 'ccat.lock'))).toBe(false);
  });

  it('a lock held by a live process on this computer is refused in-process too, touching nothing', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    await store.create(sampleAssessment());
    await store.close();
    await writeFile(join(dataDir, 'ccat.lock'), JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() }));
    await writeFile(join(dataDir, '.index.json.0123456789ab.tmp'), 'a temp file that only the owner may clean up');
    const before = await snapshotTree(dataDir);
    const error = await coreFailure(openAssessmentStore({ dataDir }));
    expect(error.code).toBe('STORE_LOCKED');
    expect(error.message).toContain(`(pid ${process.pid})`);
    expect(await snapshotTree(dataDir)).toEqual(before);
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    await store.create(sampleAssessment());
    await store.close();
    const pid = await deadPid();
    await writeFile(join(dataDir, 'ccat.lock'), JSON.stringify({ pid, hostname: hostname(), startedAt: '2025-03-01T08:00:00.000Z' }));

    const reopened = await openAssessmentStore({ dataDir });
    expect((await reopened.get(SAMPLE_ID)).revision).toBe(1);
    const lock = JSON.parse(await readFile(join(dataDir, 'ccat.lock'), 'utf8')) as { pid: number; hostname: string; startedAt: string };
    expect(lock.pid).toBe(process.pid);
    expect(lock.hostname).toBe(hostname());
    expect(Number.isNaN(Date.parse(lock.startedAt))).toBe(false);
    await reopened.close();
    expect(await exists(join(dataDir, 'ccat.lock'))).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['garbage', '\u0000\u0001 not json'],
    ['the wrong shape', '{"owner":"someone"}'],
  ])('takes over an unreadable lock file (%s), as left by a crash while it was created', async (_name, content) => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'ccat.lock'), content);
    const store = await openAssessmentStore({ dataDir });
    expect(await store.list()).toEqual([]);
    await store.close();
  });

  it('refuses a lock held on another computer (a shared folder), naming that computer', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'ccat.lock'), JSON.stringify({ pid: 4242, hostname: 'field-laptop-2', startedAt: '2025-03-01T08:00:00.000Z' }));
    const error = await coreFailure(openAssessmentStore({ dataDir }));
    expect(error.code).toBe('STORE_LOCKED');
    expect(error.message).toContain('"field-laptop-2"');
  });

  it('removes its half-written lock when the disk is full, so nothing stale is left behind', async () => {
    const dataDir = await tempDir();
    const fs = instrumentedFs({ fail: (c) => (c.op === 'writeFile' && c.path.endsWith('ccat.lock') ? 'ENOSPC' : undefined) });
    const error = await coreFailure(openAssessmentStore({ dataDir, fs }));
    expect(error.code).toBe('DISK_FULL');
    expect(await exists(join(dataDir, 'ccat.lock'))).toBe(false);
  });

  it('leaves a lock that another process has taken over in the meantime', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    const other = JSON.stringify({ pid: 1, hostname: hostname(), startedAt: '2025-03-01T08:00:00.000Z' });
    await writeFile(join(dataDir, 'ccat.lock'), other);
    await store.close();
    expect(await readFile(join(dataDir, 'ccat.lock'), 'utf8')).toBe(other);
  });
});
