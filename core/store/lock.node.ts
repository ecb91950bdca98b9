import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CoreError } from '../api/result';
import { errnoCode, storeIoError } from './errors';
import type { StoreFileHandle, StoreFs } from './fs-port';
import { nodeFs } from './node-fs.node.ts';

export const LOCK_FILE = 'ccat.lock';

const lockContent = z.object({ pid: z.number().int().positive(), hostname: z.string(), startedAt: z.string() });
type LockContent = z.infer<typeof lockContent>;

export interface StoreLock {
  readonly content: LockContent;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

export interface LockOptions {
  fs?: StoreFs;
  now?: () => Date;
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

/**
 * One process at a time owns a data root: two writers would prune and index each other's
 * saves. A lock left by a process that no longer runs (a crash, a power cut) is taken over.
 */
export async function acquireStoreLock(dataDir: string, options: LockOptions = {}): Promise<StoreLock> {
  const fs = options.fs ?? nodeFs;
  const path = join(dataDir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, hostname: hostname(), startedAt: (options.now?.() ?? new Date()).toISOString() };
  const text = JSON.stringify(content);

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
      return { content, release: () => releaseIfOurs(fs, path, text) };
    }
    // A lock that another process has just created may not hold its content yet.
    const owner = (await readOwner(fs, path)) ?? (await pause(100).then(() => readOwner(fs, path)));
    if (owner !== undefined && owner.hostname !== content.hostname) {
      throw new CoreError(
        'STORE_LOCKED',
        `This data folder is already open in CCAT on the computer "${owner.hostname}" (pid ${owner.pid}). Close it there and try again; if that computer is no longer using it, delete ${path}.`,
        { path, owner },
      );
    }
    if (owner !== undefined && isProcessAlive(owner.pid)) {
      throw new CoreError(
        'STORE_LOCKED',
        `This data folder is already open in another CCAT window or process (pid ${owner.pid}). Close it and try again.`,
        { path, owner },
      );
    }
    try {
      await fs.unlink(path);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw storeIoError(error, { operation: 'write', file: path, folder: dataDir });
    }
  }
  throw new CoreError('STORE_LOCKED', `Could not take the lock ${path}: another process keeps creating it. Close other CCAT windows and try again.`, { path });
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
