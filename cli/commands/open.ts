import { resolve } from 'node:path';
import { openCore, type Core } from '../../core/api/open-core.node.ts';
import { CoreError, type Result } from '../../core/api/result';
import { appVersion, assessmentsDir, defaultDataDir } from '../paths';

export function dataDirFrom(values: Record<string, unknown>): string {
  const given = values['data-dir'];
  return resolve(typeof given === 'string' && given !== '' ? given : defaultDataDir());
}

/** The writing core: takes the data folder's lock, for commands that store something. */
export function openCliCore(values: Record<string, unknown>): Promise<Core> {
  return openCore({ dataDir: dataDirFrom(values), assessmentsDir, appVersion, frameworks: 'on-first-use' });
}

/** A read-only snapshot: it takes no lock, so it works while the app or `serve` has the folder open. */
export function openCliSnapshot(values: Record<string, unknown>): Promise<Core> {
  return openCore({ dataDir: dataDirFrom(values), assessmentsDir, appVersion, readOnly: true, frameworks: 'on-first-use' });
}

/** Unwraps a command result; a failure becomes a plain error with the core's message. */
export function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new CoreError(result.error.code, `${result.error.message} (${result.error.code})`);
  return result.data as T;
}
