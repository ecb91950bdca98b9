import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

/** The built CLI (npm run build:cli), as a user runs it: tests/build-fresh.ts rebuilds it before the run when a source changed. */
export const ccatBin = join(root, 'dist', 'cli', 'ccat.mjs');

/** Runs `ccat ...args` in its own process and waits for it. */
export function runCcat(args: string[], options: Partial<SpawnSyncOptionsWithStringEncoding> = {}) {
  return spawnSync(process.execPath, [ccatBin, ...args], { cwd: root, encoding: 'utf8', ...options });
}
