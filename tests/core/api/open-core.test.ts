import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../core/api/open-core.node.ts';
import { useTempDirs } from '../temp-dir';
import { assessmentsDir, failure } from './core-harness';

const tempDir = useTempDirs();
const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

/** A copy of the shipped assessments folder with one framework file that is not a framework. */
async function assessmentsWithBrokenFramework(): Promise<string> {
  const dir = join(await tempDir(), 'assessments');
  await cp(assessmentsDir, dir, { recursive: true });
  await writeFile(join(dir, 'frameworks', 'ccat-9.9.9.json'), '{ "id": "ccat", "version": "9.9.9" }');
  return dir;
}

describe('openCore', () => {
  it('for a shell that stays open, reads the frameworks at start: a broken file fails the start and is named', async () => {
    await expect(openCore({ dataDir: await tempDir(), assessmentsDir: await assessmentsWithBrokenFramework(), appVersion: '0.0.0-test' })).rejects.toThrow(
      /ccat-9\.9\.9\.json is not a valid CCAT data file/,
    );
  });

  it('for a one-shot command, reads them when a command first needs them: listing works without them, and a broken file is named then', async () => {
    const core = await openCore({ dataDir: await tempDir(), assessmentsDir: await assessmentsWithBrokenFramework(), appVersion: '0.0.0-test', frameworks: 'on-first-use' });
    opened.push(core);

    expect(await core.dispatch('listAssessments', {})).toEqual({ ok: true, data: [] });
    const refused = await failure(core, 'listFrameworks', {});
    expect(refused.code).toBe('INVALID_FRAMEWORK');
    expect(refused.message).toContain('ccat-9.9.9.json');
  });
});
