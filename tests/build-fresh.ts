import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * vitest globalSetup: brings the built CLI (and, for the end-to-end project, the built UI) up to
 * date once before any test file runs, so tests run what a user runs, never a stale build, and
 * parallel workers never race to build. Nothing is rebuilt when the outputs are newer than their sources.
 */
export default function setup(project: TestProject): void {
  buildFresh(project.name === 'e2e' ? ['cli', 'renderer'] : ['cli']);
}

/** Rebuilds each of `targets` (cli, renderer) whose sources are newer than its output. */
export function buildFresh(targets: string[]): void {
  const root = join(import.meta.dirname, '..');
  // vitest sets NODE_ENV=test, which would make Vite build React's development bundle (twice the size).
  const env = { ...process.env };
  delete env.NODE_ENV;
  const run = spawnSync(process.execPath, [join(root, 'cli', 'build-if-stale.mjs'), ...targets], { cwd: root, stdio: 'inherit', env });
  if (run.status !== 0) throw new Error(`Building ${targets.join(' and ')} failed; see the output above.`);
}
