import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CoreError } from '../api/result';
import { errnoCode, storeIoError } from './errors';
import type { StoreFileHandle, StoreFs } from './fs-port';
import { nodeFs } from './node-fs.node.ts';
import type { StoreNotice } from './notices';

export const LOCK_FILE = 'ccat.lock';

/**
 * Who holds the lock. `pid`, `hostname` and `startedAt` are all that locks written before
 * CCAT 0.2 hold, so the others are optional and such a lock is still understood.
 */
const lockContent = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
  appVersion: z.string().optional(),
  /** The kernel's id of the boot the holder ran in (Linux); a different one means a restart since. */
  bootId: z.string().optional(),
  /** When the holder process started, in the OS's own terms: a pid reused by another program has another one. */
  processStart: z.string().optional(),
});
export type LockContent = z.infer<typeof lockContent>;

export interface StoreLock {
  readonly content: LockContent;
  /** Set when a lock left by a process that is provably gone was taken over. */
  readonly takenOver?: StoreNotice;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

/** What the OS says about processes; injected so tests can play a restart or a reused pid. */
export interface ProcessProbe {
  hostname(): string;
  bootId(): Promise<string | undefined>;
  /** An opaque start stamp of process `pid`, or undefined where the OS does not tell. */
  processStart(pid: number): Promise<string | undefined>;
  isAlive(pid: number): boolean;
}

export interface LockOptions {
  fs?: StoreFs;
  now?: () => Date;
  appVersion?: string;
  probe?: ProcessProbe;
  /** How long to give a lock file that another process is creating to get its content (100 ms). */
  settleMs?: number;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errnoCode(error) === 'EPERM';
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Linux tells both through /proc; elsewhere only liveness is known, and a live pid is trusted. */
export const systemProbe: ProcessProbe = {
  hostname,
  async bootId() {
    return (await readText('/proc/sys/kernel/random/boot_id'))?.trim() || undefined;
  },
  async processStart(pid) {
    const stat = await readText(`/proc/${pid}/stat`);
    return stat === undefined ? undefined : startStampFromStat(stat);
  },
  isAlive: isProcessAlive,
};

/** The start stamp in a /proc/<pid>/stat line, or undefined when the line does not hold one. */
export function startStampFromStat(stat: string): string | undefined {
  // Field 2 (the command) may hold spaces and parentheses, so count from its closing one:
  // what follows starts at field 3, and field 22 is the start time in clock ticks since boot.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[22 - 3];
  return ticks === undefined || !/^\d+$/.test(ticks) ? undefined : `linux-ticks:${ticks}`;
}

/**
 * One process at a time owns a data root: two writers would prune and index each other's
 * saves. A lock whose holder is provably gone (the computer restarted, the process ended, or
 * its pid now belongs to a process that started later) is taken over with a notice.
 */
export async function acquireStoreLock(dataDir: string, options: LockOptions = {}): Promise<StoreLock> {
  const fs = options.fs ?? nodeFs;
  const probe = options.probe ?? systemProbe;
  const now = options.now ?? (() => new Date());
  const path = join(dataDir, LOCK_FILE);
  const [bootId, processStart] = await Promise.all([probe.bootId(), probe.processStart(process.pid)]);
  const content: LockContent = {
    pid: process.pid,
    hostname: probe.hostname(),
    startedAt: now().toISOString(),
    ...(options.appVersion === undefined ? {} : { appVersion: options.appVersion }),
    ...(bootId === undefined ? {} : { bootId }),
    ...(processStart === undefined ? {} : { processStart }),
  };
  const text = JSON.stringify(content);
  let takenOver: StoreNotice | undefined;

  // Bounded: each round either creates the lock, refuses, or removes one stale lock.
  for (let attempt = 0; attempt < 5; attempt++) {
    let handle: StoreFileHandle | undefined;
    try {
      handle = await fs.open(path, 'wx');
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw storeIoError(error, { operation: 'write', file: path, folder: dataDir });
    }
    if (handle !== undefined) {
      try {
        await handle.writeFile(text);
        await handle.close();
      } catch (error) {
        await handle.close().catch(() => undefined);
        await fs.unlink(path).catch(() => undefined);
        throw storeIoError(error, { operation: 'write', file: path, folder: dataDir });
      }
      return { content, ...(takenOver === undefined ? {} : { takenOver }), release: () => releaseIfOurs(fs, path, text) };
    }
    // A lock that another process has just created may not hold its content yet.
    const owner = (await readOwner(fs, path)) ?? (await pause(options.settleMs ?? 100).then(() => readOwner(fs, path)));
    if (owner !== undefined) {
      const gone = await whyGone(owner, content, probe);
      if (gone === undefined) throw lockedError(path, owner, content.hostname);
      takenOver = {
        kind: 'lock-taken-over',
        file: LOCK_FILE,
        reason: `the data folder was still marked as open by ${describeHolder(owner)}, but ${gone}; CCAT took it over`,
        at: now().toISOString(),
      };
    }
    try {
      await fs.unlink(path);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw storeIoError(error, { operation: 'write', file: path, folder: dataDir });
    }
  }
  throw new CoreError('STORE_LOCKED', `Could not take the lock ${path}: another process keeps creating it. Close other CCAT windows and try again.`, { path });
}

/** Why the holder cannot be running any more, or undefined when it may still be. */
async function whyGone(owner: LockContent, me: LockContent, probe: ProcessProbe): Promise<string | undefined> {
  // Another computer's processes cannot be seen from here.
  if (owner.hostname !== me.hostname) return undefined;
  if (owner.bootId !== undefined && me.bootId !== undefined && owner.bootId !== me.bootId) return 'this computer has restarted since';
  if (!probe.isAlive(owner.pid)) return `process ${owner.pid} no longer runs`;
  if (owner.processStart === undefined) return undefined;
  const current = await probe.processStart(owner.pid);
  if (current !== undefined && current !== owner.processStart) return `pid ${owner.pid} now belongs to another program`;
  return undefined;
}

function describeHolder(owner: LockContent): string {
  const version = owner.appVersion === undefined ? 'CCAT' : `CCAT ${owner.appVersion}`;
  return `${version} (pid ${owner.pid} on the computer "${owner.hostname}", since ${owner.startedAt})`;
}

function lockedError(path: string, owner: LockContent, myHostname: string): CoreError {
  const where = owner.hostname === myHostname ? 'on this computer' : `on the computer "${owner.hostname}"`;
  return new CoreError(
    'STORE_LOCKED',
    `This data folder is open in ${describeHolder(owner)}. Close CCAT (or "ccat serve") ${where} and try again. ` +
      `The lock file is ${path}; delete it only if you are sure no CCAT is using this folder.`,
    { path, owner },
  );
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The lock's owner, or undefined when the file is gone, empty or unreadable (a crash while creating it). */
async function readOwner(fs: StoreFs, path: string): Promise<LockContent | undefined> {
  try {
    const parsed = lockContent.safeParse(JSON.parse(new TextDecoder().decode(await fs.readFile(path))));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function releaseIfOurs(fs: StoreFs, path: string, text: string): Promise<void> {
  try {
    const current = new TextDecoder().decode(await fs.readFile(path));
    if (current === text) await fs.unlink(path);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}
