import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { SAMPLE_ID, sampleAssessment } from './documents';
import type { StoreFs } from '../../../core/store/fs-port';
import { coreFailure, exists, instrumentedFs, snapshotTree, type FsCall } from './helpers';
import { useTempDirs } from '../temp-dir';
import { bundleWorker, runWorkerForJson, startWorker } from './worker-process';
import { acquireStoreLock, isProcessAlive, LOCK_FILE, startStampFromStat, systemProbe, type LockContent, type ProcessProbe } from '../../../core/store/lock.node.ts';

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

/** A probe for this computer in which every answer can be chosen. */
function probe(answers: Partial<ProcessProbe> = {}): ProcessProbe {
  return { hostname: () => 'laptop-a', bootId: async () => 'boot-1', processStart: async () => 'linux-ticks:100', isAlive: () => true, ...answers };
}

const holder = (fields: Partial<LockContent> = {}): LockContent => ({ pid: 4242, hostname: 'laptop-a', startedAt: '2025-03-01T08:00:00.000Z', ...fields });

async function lockedBy(fields: Partial<LockContent>): Promise<string> {
  const dataDir = await tempDir();
  await writeFile(join(dataDir, LOCK_FILE), JSON.stringify(holder(fields)));
  return dataDir;
}

describe('acquireStoreLock, in process with a chosen process probe and file system', () => {
  it('tells a live process, a process of another user (EPERM) and a gone one (ESRCH) apart', async () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(await deadPid())).toBe(false);
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => {
      throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
    });
    try {
      expect(isProcessAlive(1234)).toBe(true);
    } finally {
      kill.mockRestore();
    }
  });

  it('reads the start stamp from /proc/<pid>/stat, counting from the last ")" of the command', async () => {
    const after = (start: string) => ['S', ...Array.from({ length: 18 }, (_, i) => String(i + 1)), start, '0'].join(' ');
    expect(startStampFromStat(`77 (tricky) name)) ${after('98765')}`)).toBe('linux-ticks:98765');
    expect(startStampFromStat(`77 (short) S 1 2`)).toBeUndefined();
    expect(startStampFromStat(`77 (odd) ${after('12x')}`)).toBeUndefined();
    expect(startStampFromStat(`77 (odd) ${after('x12')}`)).toBeUndefined();
    expect(await systemProbe.processStart(await deadPid())).toBeUndefined();
    expect(await systemProbe.processStart(process.pid)).toMatch(/^linux-ticks:\d+$/);
  });

  it('writes exactly what identifies it, stamped with the clock when no clock is given', async () => {
    const dataDir = await tempDir();
    const before = Date.now();
    const lock = await acquireStoreLock(dataDir, { probe: probe({ bootId: async () => undefined, processStart: async () => undefined }) });
    expect(Object.keys(lock.content)).toEqual(['pid', 'hostname', 'startedAt']);
    expect(Date.parse(lock.content.startedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(lock.content.startedAt)).toBeLessThanOrEqual(Date.now());
    expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'))).toEqual(lock.content);
    await lock.release();
    // Released twice (the file already gone) is fine.
    await lock.release();
    expect(await exists(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('refuses a live holder that wrote no boot id when this computer reads one, and one whose start the OS no longer tells', async () => {
    const noBootHere = await lockedBy({ bootId: 'boot-0' });
    expect((await coreFailure(acquireStoreLock(noBootHere, { probe: probe({ bootId: async () => undefined }) }))).code).toBe('STORE_LOCKED');
    const startUnknown = await lockedBy({ processStart: 'linux-ticks:5' });
    expect((await coreFailure(acquireStoreLock(startUnknown, { probe: probe({ processStart: async () => undefined }) }))).code).toBe('STORE_LOCKED');
  });

  it('names the holder and where to close it: "CCAT" without a version, another computer by name, and the lock and owner in the details', async () => {
    const dataDir = await lockedBy({ hostname: 'field-laptop-2' });
    const error = await coreFailure(acquireStoreLock(dataDir, { probe: probe() }));
    expect(error.message).toBe(
      `This data folder is open in CCAT (pid 4242 on the computer "field-laptop-2", since 2025-03-01T08:00:00.000Z). ` +
        `Close CCAT (or "ccat serve") on the computer "field-laptop-2" and try again. ` +
        `The lock file is ${join(dataDir, LOCK_FILE)}; delete it only if you are sure no CCAT is using this folder.`,
    );
    expect(error.details).toEqual({ path: join(dataDir, LOCK_FILE), owner: holder({ hostname: 'field-laptop-2' }) });
  });

  it('says why it took a lock over: the holder no longer runs', async () => {
    const dataDir = await lockedBy({ appVersion: '0.9.0' });
    const lock = await acquireStoreLock(dataDir, { probe: probe({ isAlive: () => false }), now: () => new Date('2026-12-01T00:00:00Z') });
    expect(lock.takenOver).toEqual({
      kind: 'lock-taken-over',
      file: LOCK_FILE,
      reason: 'the data folder was still marked as open by CCAT 0.9.0 (pid 4242 on the computer "laptop-a", since 2025-03-01T08:00:00.000Z), but process 4242 no longer runs; CCAT took it over',
      at: '2026-12-01T00:00:00.000Z',
    });
    await lock.release();
  });

  it('waits for a lock another process is still writing, and then refuses it instead of deleting it', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, LOCK_FILE), '');
    let reads = 0;
    const fs: StoreFs = {
      ...instrumentedFs(),
      async readFile(path) {
        // The other process's content arrives during the pause.
        if (reads++ === 1) await writeFile(path, JSON.stringify(holder()));
        return readFile(path);
      },
    };
    expect((await coreFailure(acquireStoreLock(dataDir, { fs, probe: probe(), settleMs: 5 }))).code).toBe('STORE_LOCKED');
    expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'))).toEqual(holder());
  });

  it('gives up after five rounds against a lock that keeps coming back unreadable', async () => {
    const dataDir = await tempDir();
    const calls: FsCall[] = [];
    const fs: StoreFs = { ...instrumentedFs({ calls, fail: (call) => (call.op === 'open' ? 'EEXIST' : undefined) }), readFile: async () => new TextEncoder().encode('') };
    // Each round's unlink finds nothing to remove (ENOENT), which is what a vanished lock looks like.
    const error = await coreFailure(acquireStoreLock(dataDir, { fs, probe: probe(), settleMs: 0 }));
    expect(error.code).toBe('STORE_LOCKED');
    expect(error.message).toBe(`Could not take the lock ${join(dataDir, LOCK_FILE)}: another process keeps creating it. Close other CCAT windows and try again.`);
    expect(error.details).toEqual({ path: join(dataDir, LOCK_FILE) });
    expect(calls.filter((c) => c.op === 'open')).toHaveLength(5);
  });

  it.each([
    ['creating it', 'open'],
    ['removing a stale one', 'unlink'],
  ] as const)('reports a permission error while %s as such, naming the data folder, and leaves no lock', async (_when, op) => {
    const dataDir = await tempDir();
    const fs = instrumentedFs({ fail: (call) => (call.op === op && call.path.endsWith(LOCK_FILE) ? 'EACCES' : call.op === 'open' && op === 'unlink' ? 'EEXIST' : undefined) });
    if (op === 'unlink') await writeFile(join(dataDir, LOCK_FILE), JSON.stringify(holder()));
    const error = await coreFailure(acquireStoreLock(dataDir, { fs, probe: probe({ isAlive: () => false }) }));
    expect(error.code).toBe('NO_PERMISSION');
    expect(error.message).toContain(`CCAT is not allowed to write to the folder ${dataDir}.`);
    expect(error.details).toMatchObject({ code: 'EACCES', file: join(dataDir, LOCK_FILE) });
  });

  it('closes and removes its lock when writing it fails, and says which folder could not be written', async () => {
    const dataDir = await tempDir();
    const calls: FsCall[] = [];
    const fs = instrumentedFs({ calls, fail: (call) => (call.op === 'writeFile' ? 'EACCES' : undefined) });
    const error = await coreFailure(acquireStoreLock(dataDir, { fs, probe: probe() }));
    expect(error.message).toContain(`CCAT is not allowed to write to the folder ${dataDir}.`);
    expect(calls.map((c) => c.op)).toEqual(['open', 'writeFile', 'close', 'unlink']);
    expect(await exists(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('release leaves a lock it cannot read in place and says so', async () => {
    const dataDir = await tempDir();
    let failRead = false;
    const fs = instrumentedFs({ fail: (call) => (failRead && call.op === 'readFile' ? 'EIO' : undefined) });
    const lock = await acquireStoreLock(dataDir, { fs, probe: probe() });
    failRead = true;
    await expect(lock.release()).rejects.toMatchObject({ code: 'EIO' });
    expect(await exists(join(dataDir, LOCK_FILE))).toBe(true);
  });
});
