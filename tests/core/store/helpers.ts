import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { CoreError } from '../../../core/api/result';
import type { Assessment } from '../../../core/model/assessment';
import { decodeHistoryLog } from '../../../core/store/history-log.node.ts';
import { fromStoredGeneration, storedGenerationSchema } from '../../../core/store/stored-document';
import type { StoreFileHandle, StoreFs } from '../../../core/store/fs-port';
import { isTempFileName } from '../../../core/store/generation-names';
import { nodeFs } from '../../../core/store/node-fs.node.ts';

/** The message `action` throws, or "accepted" when it throws nothing. */
export function thrownMessage(action: () => unknown): string {
  try {
    action();
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
}

/** The code and message of the CoreError `action` throws (what a caller and a user get), or "accepted". */
export function thrownRefusal(action: () => unknown): { code: string; message: string } | 'accepted' {
  try {
    action();
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    const { code, message } = error as CoreError;
    return { code, message };
  }
}

/** Awaits a promise that must reject with a CoreError, and returns that error. */
export async function coreFailure(promise: Promise<unknown>): Promise<CoreError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoreError);
  return error as CoreError;
}

export function generationPath(dataDir: string, id: string, revision: number): string {
  return join(dataDir, 'assessments', id, `r${String(revision).padStart(9, '0')}.json`);
}

/** A generation file as the Assessment it stores, its history read from the assessment's log, to compare what is on disk. */
export async function readGeneration(dataDir: string, id: string, revision: number): Promise<Assessment> {
  const stored = storedGenerationSchema.parse(JSON.parse(await readFile(generationPath(dataDir, id, revision), 'utf8')));
  const log = await readFile(join(dataDir, 'assessments', id, 'history.log')).catch(() => new Uint8Array());
  const history = decodeHistoryLog(log, stored.historyCount);
  expect(history.complete, `history of ${id} r${revision}`).toBe(true);
  return fromStoredGeneration(stored, history.entries);
}

/** Every file under `dir` (relative path → SHA-256), plus every folder, to prove "nothing changed". */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(folder: string): Promise<void> {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const key = relative(dir, path).split('\\').join('/');
      if (entry.isDirectory()) {
        out[`${key}/`] = 'dir';
        await walk(path);
      } else {
        out[key] = createHash('sha256').update(await readFile(path)).digest('hex');
      }
    }
  }
  await walk(dir);
  return out;
}

/** Temp files (`.<name>.<random>.tmp`) anywhere under `dir`. */
export async function findTempFiles(dir: string): Promise<string[]> {
  const snapshot = await snapshotTree(dir);
  return Object.keys(snapshot).filter((path) => isTempFileName(path.split('/').pop() ?? ''));
}

export async function listFolder(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).sort();
  } catch {
    return [];
  }
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export type FsOperation = 'open' | 'writeFile' | 'sync' | 'close' | 'rename' | 'unlink' | 'rmdir' | 'readFile' | 'readdir' | 'mkdir' | 'stat';
export interface FsCall {
  op: FsOperation;
  path: string;
  to?: string;
  flags?: string;
}

export function errnoError(code: string, call: FsCall): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${call.op} '${call.path}'`), { code, syscall: call.op, path: call.path });
}

/**
 * The real file system, recording every call and failing the ones `fail` names with the errno
 * code it returns. A failing writeFile first writes half the data, as a full disk does.
 */
export function instrumentedFs(options: { fail?: (call: FsCall) => string | undefined; calls?: FsCall[] } = {}): StoreFs {
  const calls = options.calls ?? [];
  const check = (call: FsCall): void => {
    calls.push(call);
    const code = options.fail?.(call);
    if (code !== undefined) throw errnoError(code, call);
  };
  const wrapHandle = (handle: StoreFileHandle, path: string): StoreFileHandle => ({
    async writeFile(data) {
      const call: FsCall = { op: 'writeFile', path };
      calls.push(call);
      const code = options.fail?.(call);
      if (code !== undefined) {
        await handle.writeFile(typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2));
        throw errnoError(code, call);
      }
      await handle.writeFile(data);
    },
    async sync() {
      check({ op: 'sync', path });
      await handle.sync();
    },
    async close() {
      check({ op: 'close', path });
      await handle.close();
    },
  });
  return {
    async open(path, flags) {
      check({ op: 'open', path, flags });
      return wrapHandle(await nodeFs.open(path, flags), path);
    },
    async rename(from, to) {
      check({ op: 'rename', path: from, to });
      await nodeFs.rename(from, to);
    },
    async unlink(path) {
      check({ op: 'unlink', path });
      await nodeFs.unlink(path);
    },
    async rmdir(path) {
      check({ op: 'rmdir', path });
      await nodeFs.rmdir(path);
    },
    async readFile(path) {
      check({ op: 'readFile', path });
      return nodeFs.readFile(path);
    },
    async readdir(path) {
      check({ op: 'readdir', path });
      return nodeFs.readdir(path);
    },
    async mkdir(path, mkdirOptions) {
      check({ op: 'mkdir', path });
      return nodeFs.mkdir(path, mkdirOptions);
    },
    async stat(path) {
      check({ op: 'stat', path });
      return nodeFs.stat(path);
    },
  };
}
