import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { SAMPLE_ID, sampleAssessment } from './documents';
import { coreFailure, exists, instrumentedFs, snapshotTree } from './helpers';
import { useTempDirs } from '../temp-dir';
import { bundleWorker, runWorkerForJson, startWorker } from './worker-process';
import { systemProbe } from '../../../core/store/lock.node.ts';

const tempDir = useTempDirs();
let workerPath = '';

// Its own folder: the per-test temp folders are removed after each test.
let workerDir = '';
beforeAll(async () => {
  workerDir = await mkdtemp(join(tmpdir(), 'ccat-worker-'));
  workerPath = await bundleWorker(workerDir);
});
afterAll(() => rm(workerDir, { recursive: true, force: true }));


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

    const refused = (await runWorkerForJson(workerPath, ['open', dataDir])) as { ok: boolean; code: string; message: string };
    expect(refused).toMatchObject({ ok: false, code: 'STORE_LOCKED' });
    expect(refused.message).toContain(`pid ${process.pid} on the computer "${hostname()}"`);
    expect(refused.message).toContain(join(dataDir, 'ccat.lock'));
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
    expect(error.message).toContain(`(pid ${process.pid} on the computer "${hostname()}", since `);
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

  it('refuses while a live process holds the lock, naming the lock file, the holder and what to do, and changes no file', async () => {
    const dataDir = await tempDir();
    const holder = startWorker(workerPath, ['hold', dataDir]);
    try {
      await holder.waitForLine('held');
      const before = await snapshotTree(dataDir);
      const error = await coreFailure(openAssessmentStore({ dataDir }));
      expect(error.code).toBe('STORE_LOCKED');
      const lock = JSON.parse(await readFile(join(dataDir, 'ccat.lock'), 'utf8')) as { startedAt: string };
      expect(error.message).toBe(
        `This data folder is open in CCAT 9.9.9-holder (pid ${holder.child.pid} on the computer "${hostname()}", since ${lock.startedAt}). ` +
          `Close CCAT (or "ccat serve") on this computer and try again. ` +
          `The lock file is ${join(dataDir, 'ccat.lock')}; delete it only if you are sure no CCAT is using this folder.`,
      );
      expect(await snapshotTree(dataDir)).toEqual(before);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.closed;
    }
  });

  it('records what identifies the holder: pid, host, app version, boot id and process start', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir, appVersion: '1.2.3' });
    const lock = JSON.parse(await readFile(join(dataDir, 'ccat.lock'), 'utf8')) as Record<string, unknown>;
    expect(lock).toMatchObject({ pid: process.pid, hostname: hostname(), appVersion: '1.2.3' });
    expect(lock.bootId).toBe(await systemProbe.bootId());
    expect(lock.processStart).toMatch(/^linux-ticks:\d+$/);
    await store.close();
  });

  it('takes over, with a notice, a lock whose pid is alive but now belongs to a program that started later (pid reuse)', async () => {
    const dataDir = await tempDir();
    // pid 1 is alive on every Linux system; the lock claims it started at another moment.
    const lock = { pid: 1, hostname: hostname(), startedAt: '2025-03-01T08:00:00.000Z', appVersion: '0.1.0', bootId: await systemProbe.bootId(), processStart: 'linux-ticks:1' };
    expect(await systemProbe.processStart(1)).not.toBe(lock.processStart);
    await writeFile(join(dataDir, 'ccat.lock'), JSON.stringify(lock));

    const store = await openAssessmentStore({ dataDir });
    expect(store.notices()).toEqual([
      expect.objectContaining({
        kind: 'lock-taken-over',
        file: 'ccat.lock',
        reason: `the data folder was still marked as open by CCAT 0.1.0 (pid 1 on the computer "${hostname()}", since 2025-03-01T08:00:00.000Z), but pid 1 now belongs to another program; CCAT took it over`,
      }),
    ]);
    expect(JSON.parse(await readFile(join(dataDir, 'ccat.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });

  it('takes over, with a notice, a lock written before the computer restarted (another boot id), even if its pid is alive', async () => {
    const dataDir = await tempDir();
    const lock = { pid: 1, hostname: hostname(), startedAt: '2025-03-01T08:00:00.000Z', bootId: '00000000-0000-4000-8000-000000000000', processStart: await systemProbe.processStart(1) };
    await writeFile(join(dataDir, 'ccat.lock'), JSON.stringify(lock));
    const store = await openAssessmentStore({ dataDir });
    expect(store.notices().map((n) => [n.kind, n.reason.endsWith('but this computer has restarted since; CCAT took it over')])).toEqual([['lock-taken-over', true]]);
    await store.close();
  });

  it('refuses a lock whose pid is alive with the same start time in the same boot', async () => {
    const dataDir = await tempDir();
    const lock = { pid: 1, hostname: hostname(), startedAt: '2025-03-01T08:00:00.000Z', bootId: await systemProbe.bootId(), processStart: await systemProbe.processStart(1) };
    await writeFile(join(dataDir, 'ccat.lock'), JSON.stringify(lock));
    const error = await coreFailure(openAssessmentStore({ dataDir }));
    expect(error.code).toBe('STORE_LOCKED');
  });
});
