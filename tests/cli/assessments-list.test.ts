import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../core/api/open-core.node.ts';
import { useTempDirs } from '../core/temp-dir';
import { root, runCcat } from './ccat';

const tempDir = useTempDirs();

function ccat(...args: string[]) {
  const run = runCcat(args);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('ccat assessments list', () => {
  it('says so when the folder is empty, and lists stored assessments as text and JSON', async () => {
    const dataDir = await tempDir();
    expect(ccat('assessments', 'list', '--data-dir', dataDir)).toMatchObject({ code: 0, stdout: 'No assessments stored yet.\n' });

    const core = await openCore({ dataDir, assessmentsDir: join(root, 'assessments'), appVersion: 'test' });
    const created = await core.dispatch('createAssessment', { title: 'Lao PDR self-assessment', country: 'LA', mode: 'self' });
    await core.close();
    const id = created.ok ? (created.data as { id: string }).id : '';

    const text = ccat('assessments', 'list', '--data-dir', dataDir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^${id}  LA  self   draft .* Lao PDR self-assessment\\n$`));
    const json = ccat('assessments', 'list', '--data-dir', dataDir, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject([{ id, country: 'LA', mode: 'self', status: 'draft', frameworkVersion: '1.0.0' }]);
  });

  it('refuses a data folder another process holds, with the store’s message', async () => {
    const dataDir = await tempDir();
    const holder = await openCore({ dataDir, assessmentsDir: join(root, 'assessments'), appVersion: 'test' });
    try {
      const run = ccat('assessments', 'list', '--data-dir', dataDir);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/already open in another CCAT/);
    } finally {
      await holder.close();
    }
  });
});
