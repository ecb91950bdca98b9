import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { SAMPLE_ID, nextRevision, sampleAssessment } from './documents';
import { coreFailure, generationPath, snapshotTree } from './helpers';
import { useTempDirs } from '../temp-dir';
import { bundleWorker, startWorker } from './worker-process';

const tempDir = useTempDirs();
let workerDir = '';
let workerPath = '';
beforeAll(async () => {
  workerDir = await mkdtemp(join(tmpdir(), 'ccat-worker-'));
  workerPath = await bundleWorker(workerDir);
});
afterAll(() => rm(workerDir, { recursive: true, force: true }));

describe('assessment store: read-only snapshot', () => {
  it('lists and opens while another process holds the folder, and writes nothing', async () => {
    const dataDir = await tempDir();
    const setup = await openAssessmentStore({ dataDir });
    const a = sampleAssessment();
    await setup.create(a);
    await setup.save(nextRevision(a, { title: 'Kenya field assessment, week 2' }));
    await setup.close();
    const holder = startWorker(workerPath, ['hold', dataDir]);
    try {
      await holder.waitForLine('held');
      const before = await snapshotTree(dataDir);
      const snapshot = await openAssessmentStore({ dataDir, readOnly: true });
      expect((await snapshot.list()).map((s) => [s.id, s.title])).toEqual([[SAMPLE_ID, 'Kenya field assessment, week 2']]);
      expect((await snapshot.get(SAMPLE_ID)).revision).toBe(2);
      expect((await coreFailure(snapshot.save(nextRevision(await snapshot.get(SAMPLE_ID))))).code).toBe('READ_ONLY');
      await snapshot.close();
      expect(await snapshotTree(dataDir)).toEqual(before);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.closed;
    }
  });

  it('reports a damaged generation, a damaged index and a leftover temp file without moving, rewriting or deleting anything', async () => {
    const dataDir = await tempDir();
    const setup = await openAssessmentStore({ dataDir });
    const a = sampleAssessment();
    await setup.create(a);
    await setup.save(nextRevision(a));
    await setup.close();
    await writeFile(generationPath(dataDir, SAMPLE_ID, 3), '{ cut off');
    await writeFile(join(dataDir, 'index.json'), 'not json');
    await writeFile(join(dataDir, 'assessments', SAMPLE_ID, '.r000000004.json.0123456789ab.tmp'), 'half');
    const before = await snapshotTree(dataDir);

    const snapshot = await openAssessmentStore({ dataDir, readOnly: true });
    expect((await snapshot.list()).map((s) => s.id)).toEqual([SAMPLE_ID]);
    expect((await snapshot.get(SAMPLE_ID)).revision).toBe(2);
    expect(snapshot.notices().map((n) => [n.kind, n.file])).toEqual([
      ['damaged-left-in-place', 'index.json'],
      ['damaged-left-in-place', `assessments/${SAMPLE_ID}/r000000003.json`],
      ['recovered-older-generation', `assessments/${SAMPLE_ID}/r000000002.json`],
    ]);
    await snapshot.close();
    expect(await snapshotTree(dataDir)).toEqual(before);
  });

  it('opens a folder that does not exist as empty, without creating it', async () => {
    const dataDir = join(await tempDir(), 'not-there');
    const snapshot = await openAssessmentStore({ dataDir, readOnly: true });
    expect(await snapshot.list()).toEqual([]);
    await snapshot.close();
    expect(await snapshotTree(join(dataDir, '..'))).toEqual({});
  });
});
