import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errnoCode, storeIoError } from './errors';
import type { StoreFileHandle, StoreFs } from './fs-port';
import { nodeFs } from './node-fs.node.ts';

export interface DurableWriteOptions {
  /** Rename attempts before giving up on EPERM/EBUSY/EACCES. */
  renameAttempts?: number;
  /** First back-off delay; doubled after each failed attempt. */
  retryDelayMs?: number;
  /**
   * Writes that must be on the disk before `path` is replaced (a log the new file refers to).
   * They run while the temp file is written and flushed, so the two flushes overlap; the rename
   * waits for both. Their errors are thrown as they are, after the temp file has been removed.
   */
  durableFirst?: () => Promise<void>;
}

// Windows anti-virus and the search indexer briefly hold files open, which makes rename fail
// with these codes; a short wait is usually enough.
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES']);
// Windows cannot open a directory for fsync; it does not need to (NTFS journals the rename).
const UNSUPPORTED_DIRECTORY_SYNC = new Set(['EISDIR', 'EPERM', 'EINVAL']);

/**
 * Replaces `path` with `data` so that after a crash or power loss the file holds either the
 * old or the new bytes, never a mix: write a temp file beside it, flush it to the disk,
 * rename it over the target, flush the directory entry. On error the temp file is removed and
 * the target is untouched.
 */
export async function writeFileDurably(
  path: string,
  data: string | Uint8Array,
  fs: StoreFs = nodeFs,
  options: DurableWriteOptions = {},
): Promise<void> {
  const folder = dirname(path);
  const context = { operation: 'write', file: path, folder } as const;
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: StoreFileHandle | undefined;
  const first = options.durableFirst?.().then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    const opened = handle;
    handle = undefined;
    await opened.close();
    const failed = await first;
    if (failed !== undefined) throw failed.error;
    await renameWithRetry(fs, temp, path, options);
  } catch (error) {
    // Nothing is thrown before the writes that had to come first have settled; theirs is the error reported, as they come first.
    const failedFirst = await first;
    if (handle !== undefined) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw failedFirst !== undefined ? failedFirst.error : storeIoError(error, context);
  }
  try {
    await syncDirectory(fs, folder);
  } catch (error) {
    throw storeIoError(error, context);
  }
}

async function renameWithRetry(fs: StoreFs, from: string, to: string, options: DurableWriteOptions): Promise<void> {
  const attempts = Math.max(1, options.renameAttempts ?? 5);
  let delay = options.retryDelayMs ?? 20;
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = errnoCode(error);
      if (attempt >= attempts || code === undefined || !TRANSIENT_RENAME_ERRORS.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}

/** Makes a rename or a new file in `folder` survive power loss (POSIX needs the directory flushed too). */
export async function syncDirectory(fs: StoreFs, folder: string): Promise<void> {
  let handle: StoreFileHandle;
  try {
    handle = await fs.open(folder, 'r');
  } catch (error) {
    if (UNSUPPORTED_DIRECTORY_SYNC.has(errnoCode(error) ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!UNSUPPORTED_DIRECTORY_SYNC.has(errnoCode(error) ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** Creates `folder` (and parents) and makes its new directory entry durable. */
export async function ensureFolderDurably(fs: StoreFs, folder: string): Promise<void> {
  const context = { operation: 'write', file: folder, folder: dirname(folder) } as const;
  try {
    const firstCreated = await fs.mkdir(folder, { recursive: true });
    if (firstCreated === undefined) return;
    // Every new entry must be flushed in its parent, from the new leaf up to the old ancestor.
    for (let created = folder; ; created = dirname(created)) {
      await syncDirectory(fs, dirname(created));
      if (created === firstCreated || dirname(created) === created) break;
    }
  } catch (error) {
    throw storeIoError(error, context);
  }
}
