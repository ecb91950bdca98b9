import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { SAMPLE_ID, nextRevision, sampleAssessment } from './documents';
import { coreFailure, findTempFiles, generationPath, instrumentedFs, listFolder } from './helpers';
import { useTempDirs } from '../temp-dir';
import type { FsOperation } from './helpers';

const tempDir = useTempDirs();


describe('assessment store: disk full and permissions', () => {
  it.each<FsOperation>(['writeFile', 'sync', 'rename'])(
    'ENOSPC at %s while saving: previous file byte-identical, no temp file, DISK_FULL, and a later retry succeeds',
    async (op) => {
      const dataDir = await tempDir();
      let diskFull = false;
      const fs = instrumentedFs({ fail: (c) => (diskFull && c.op === op && c.path.endsWith('.tmp') ? 'ENOSPC' : undefined) });
      const store = await openAssessmentStore({ dataDir, fs });
      const r1 = sampleAssessment();
      await store.create(r1);
      const before = await readFile(generationPath(dataDir, SAMPLE_ID, 1));

      diskFull = true;
      const r2 = nextRevision(r1, { scope: { kind: 'national', name: 'x'.repeat(400) } });
      const error = await coreFailure(store.save(r2));
      expect(error.code).toBe('DISK_FULL');
      expect(error.message).toMatch(/^The disk is full: .+r000000002\.json\. Free some space; your changes are kept in the app and will be saved again\.$/);
      expect((await readFile(generationPath(dataDir, SAMPLE_ID, 1))).equals(before)).toBe(true);
      expect(await listFolder(join(dataDir, 'assessments', SAMPLE_ID))).toEqual(['r000000001.json']);
      expect(await findTempFiles(dataDir)).toEqual([]);
      expect(await store.get(SAMPLE_ID)).toEqual(r1);

      diskFull = false;
      await store.save(r2);
      expect(await store.get(SAMPLE_ID)).toEqual(r2);
      await store.close();
    },
  );

  it('ENOSPC during an edit: the stored history is as before, and the retried edit adds its entry once', async () => {
    const dataDir = await tempDir();
    let diskFull = false;
    const fs = instrumentedFs({ fail: (c) => (diskFull && c.op === 'writeFile' && c.path.endsWith('.tmp') ? 'ENOSPC' : undefined) });
    const store = await openAssessmentStore({ dataDir, fs });
    const r1 = sampleAssessment();
    await store.create(r1);
    const change = { at: '2025-03-01T09:00:00.000Z', by: 'A. Tanaka', field: 'title', from: r1.title, to: 'Renamed' };

    diskFull = true;
    const first = await store.getForEdit(SAMPLE_ID);
    expect((await coreFailure(store.saveEdit({ ...first, revision: 2, title: 'Renamed' }, [change]))).code).toBe('DISK_FULL');
    expect(await store.get(SAMPLE_ID)).toEqual(r1);

    diskFull = false;
    const retry = await store.getForEdit(SAMPLE_ID);
    await store.saveEdit({ ...retry, revision: 2, title: 'Renamed' }, [change]);
    await store.close();
    const reopened = await openAssessmentStore({ dataDir });
    expect((await reopened.get(SAMPLE_ID)).history).toEqual([...r1.history, change]);
    await reopened.close();
  });

  it('ENOSPC on index.json: saves still succeed and list in this session, and a restart brings the index up to date', async () => {
    const dataDir = await tempDir();
    let diskFull = false;
    const fs = instrumentedFs({ fail: (c) => (diskFull && c.op === 'writeFile' && c.path.includes('.index.json.') ? 'ENOSPC' : undefined) });
    const store = await openAssessmentStore({ dataDir, fs });
    const indexBefore = await readFile(join(dataDir, 'index.json'));
    diskFull = true;
    const r1 = sampleAssessment();
    await store.create(r1);
    const r2 = nextRevision(r1, { title: 'Renamed during the mission' });
    await store.save(r2);
    expect((await store.list()).map((s) => [s.id, s.title])).toEqual([[SAMPLE_ID, 'Renamed during the mission']]);
    // The index is a summary the documents can rebuild: closing does not fail on it.
    await store.close();
    expect((await readFile(join(dataDir, 'index.json'))).equals(indexBefore)).toBe(true);
    expect(await findTempFiles(dataDir)).toEqual([]);

    const reopened = await openAssessmentStore({ dataDir });
    expect(await reopened.get(SAMPLE_ID)).toEqual(r2);
    expect((await reopened.list()).map((s) => s.title)).toEqual(['Renamed during the mission']);
    expect(await readFile(join(dataDir, 'index.json'), 'utf8')).toContain('Renamed during the mission');
    await reopened.close();
  });

  it('EACCES when creating: NO_PERMISSION naming the folder, nothing half-created is listed, and creating works later', async () => {
    const dataDir = await tempDir();
    let denied = true;
    const fs = instrumentedFs({ fail: (c) => (denied && c.op === 'open' && c.flags === 'wx' && c.path.includes('other-assessment') ? 'EACCES' : undefined) });
    const store = await openAssessmentStore({ dataDir, fs });
    const a = sampleAssessment({ id: 'other-assessment-1' });
    const error = await coreFailure(store.create(a));
    expect(error.code).toBe('NO_PERMISSION');
    expect(error.message).toContain(join(dataDir, 'assessments', 'other-assessment-1'));
    expect(await store.list()).toEqual([]);
    await store.close();

    // After a restart the empty folder it left is neither listed nor treated as damage.
    const reopened = await openAssessmentStore({ dataDir, fs });
    expect(await reopened.list()).toEqual([]);
    expect(reopened.notices()).toEqual([]);
    denied = false;
    await reopened.create(a);
    expect(await reopened.get(a.id)).toEqual(a);
    await reopened.close();
  });
});
