import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runAssessmentsList } from '../../cli/commands/assessments-list';
import { openCore } from '../../core/api/open-core.node.ts';
import { snapshotTree } from '../core/store/helpers';
import { bundleWorker, startWorker } from '../core/store/worker-process';
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
    expect(JSON.parse(json.stdout)).toMatchObject([{ id, country: 'LA', mode: 'self', status: 'draft', frameworkVersion: '1.1.0' }]);
  });

  it('lists from a read-only snapshot while another process holds the folder, changing no file', async () => {
    const dataDir = await tempDir();
    const seeded = await openCore({ dataDir, assessmentsDir: join(root, 'assessments'), appVersion: 'test' });
    await seeded.dispatch('createAssessment', { title: 'Lao PDR self-assessment', country: 'LA', mode: 'self' });
    await seeded.close();
    const holder = startWorker(await bundleWorker(await tempDir('ccat-worker-')), ['hold', dataDir]);
    try {
      await holder.waitForLine('held');
      const before = await snapshotTree(dataDir);
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      expect(await runAssessmentsList({ 'data-dir': dataDir, json: true })).toBe(0);
      expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toMatchObject([{ country: 'LA', title: 'Lao PDR self-assessment' }]);
      log.mockRestore();
      expect(await snapshotTree(dataDir)).toEqual(before);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.closed;
    }
  });

  it('says in --help that list and export read a snapshot and work while the app is open', () => {
    const help = ccat('--help');
    expect(help.stdout).toMatch(/assessments list .*\(read-only snapshot, works while the app is open\)/);
    expect(help.stdout).toMatch(/verify it\n +\(read-only snapshot, works while the app is open\)/);
  });
});
