import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CoreError } from '../api/result';
import type { ExportTargetRefusal, ExportTargetRule } from './export-target';

export interface ExportTargetOptions {
  /** The CCAT data folder: nothing inside it is ever an export target. */
  dataDir: string;
  /** The user agreed to replace an existing regular file (`--force`, or the save dialog's own question). */
  replace: boolean;
}

function refuse(rule: ExportTargetRule, path: string, message: string): never {
  throw new CoreError('INVALID_INPUT', message, { rule, path } satisfies ExportTargetRefusal);
}

/** The real path of a folder that may not exist yet; symbolic links in it are followed so they cannot smuggle a target inside. */
function realFolder(folder: string): string | undefined {
  try {
    return realpathSync.native(folder);
  } catch {
    return undefined;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Checks that writing an export to `target` replaces at most one ordinary file the user chose.
 * The export is written beside the target and renamed over it, which would silently swap a
 * symbolic link, a pipe or a device node for a plain file, and could overwrite the store's own
 * files: each of those is refused with the rule in `details.rule`. Synchronous so that
 * Electron's `will-download` handler can decide before it returns. Returns the absolute path.
 */
export function checkExportTarget(target: string, { dataDir, replace }: ExportTargetOptions): string {
  const path = resolve(target);
  const folder = realFolder(dirname(path));
  if (folder === undefined) refuse('folder-missing', path, `The folder ${dirname(path)} does not exist; choose an existing folder.`);
  const data = realFolder(dataDir) ?? resolve(dataDir);
  // Windows and macOS name the same folder in any letter case.
  const fold = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);
  const inside = relative(fold(data), fold(join(folder, basename(path))));
  if (inside === '' || (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside))) {
    refuse('inside-data-folder', path, `${path} is inside the CCAT data folder (${data}); export to a folder outside it, so the stored assessments stay intact.`);
  }
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
  if (!stats.isFile()) refuse('not-a-regular-file', path, `${path} is ${kindOf(stats)}, not a regular file; export to a new name or to an ordinary file.`);
  if (!replace) refuse('exists', path, `${path} already exists and replacing it was not confirmed.`);
  return path;
}
