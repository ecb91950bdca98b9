import { basename, dirname, join } from 'node:path';
import { syncDirectory } from './atomic-write.node.ts';
import { errnoCode, storeIoError } from './errors';
import type { StoreFs } from './fs-port';
import { fileTimestamp } from './generation-names';

export const QUARANTINE_FOLDER = 'quarantine';

/**
 * Moves a file that failed to read into `quarantine/<timestamp>-<owner>-<file>`. It is moved,
 * never rewritten or deleted, so a person (or a later CCAT) can still recover what is in it.
 * Returns the new path relative to the data root.
 */
export async function quarantineFile(fs: StoreFs, dataDir: string, relativePath: string, owner: string, at: Date): Promise<string> {
  const source = join(dataDir, relativePath);
  const folder = join(dataDir, QUARANTINE_FOLDER);
  try {
    await fs.mkdir(folder, { recursive: true });
    const name = await freeName(fs, folder, fileTimestamp(at), `${owner}-${basename(relativePath)}`);
    // rename would silently replace an existing file on POSIX, hence freeName first.
    await fs.rename(source, join(folder, name));
    await syncDirectory(fs, folder);
    await syncDirectory(fs, dirname(source));
    return `${QUARANTINE_FOLDER}/${name}`;
  } catch (error) {
    throw storeIoError(error, { operation: 'write', file: source, folder });
  }
}

async function freeName(fs: StoreFs, folder: string, stamp: string, rest: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stamp}-${rest}` : `${stamp}-${n}-${rest}`;
    try {
      await fs.stat(join(folder, name));
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return name;
      throw error;
    }
  }
}
