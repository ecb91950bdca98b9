import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * vitest globalSetup: brings the built CLI (and, for the end-to-end project, the built UI) up to
 * date once before any test file runs, so tests run what a user runs, never a stale build, and
 * parallel workers never race to build. Nothing is rebuilt when the outputs are newer than their sources.
 */
export default function setup(project: TestProject): void {
  const targets = project.name === 'e2e' ? ['cli', 'renderer'] : ['cli'];
  const root = join(import.meta.dirname, '..');
  const run = spawnSync(process.execPath, [join(root, 'cli', 'build-if-stale.mjs'), ...targets], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`Building ${targets.join(' and ')} failed; see the output above.`);
}
