import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CommandName, CommandResults } from '../../../core/api/commands';
import { openCore, type Core } from '../../../core/api/open-core.node.ts';
import { useTempDirs } from '../temp-dir';

export const assessmentsDir = join(import.meta.dirname, '..', '..', '..', 'assessments');

/** Opens real cores on fresh data folders and closes them after each test. */
export function useCores(now: () => Date = () => new Date('2026-03-05T08:00:00Z')) {
  const tempDir = useTempDirs();
  const open: Core[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((core) => core.close()));
  });
  async function core(dataDir?: string): Promise<Core & { dataDir: string }> {
    const dir = dataDir ?? (await tempDir());
    const opened = await openCore({ dataDir: dir, assessmentsDir, appVersion: '0.0.0-test', now });
    open.push(opened);
    return Object.assign(opened, { dataDir: dir });
  }
  async function closeCore(target: Core): Promise<void> {
    open.splice(open.indexOf(target), 1);
    await target.close();
  }
  return { core, closeCore, tempDir };
}

/** Calls a command and returns its data, failing the test with the core's message otherwise. */
export async function ok<K extends CommandName>(core: Core, name: K, input: unknown): Promise<CommandResults[K]> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.data as CommandResults[K];
}

export async function failure(core: Core, name: CommandName, input: unknown) {
  const result = await core.dispatch(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}
