import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/api/result';
import { IMPORT_FIELD } from '../../../core/bundle/lineage';
import type { Assessment } from '../../../core/model/assessment';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { SAMPLE_ID, nextRevision, sampleAssessment } from './documents';
import { exists, findTempFiles, generationPath, instrumentedFs, listFolder, readGeneration } from './helpers';
import { useTempDirs } from '../temp-dir';
import type { FsCall } from './helpers';

const tempDir = useTempDirs();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoreError);
  return (error as CoreError).code;
}

function withNote(a: Assessment, note: string): Assessment {
  return nextRevision(a, {
    responses: { ...a.responses, 'csirt-mandate': { notes: note, attachmentIds: [], sessionIds: [], flagged: false, updatedAt: a.updatedAt, updatedBy: 't' } },
  });
}

describe('assessment store: documents and generations', () => {
  it('creates the layout and round-trips an assessment through a reopen', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    expect(await listFolder(dataDir)).toEqual(['assessments', 'backups', 'ccat.lock', 'index.json', 'quarantine']);
    const a = sampleAssessment();
    await store.create(a);
    expect(await store.get(SAMPLE_ID)).toEqual(a);
    await store.close();
    expect(await exists(join(dataDir, 'ccat.lock'))).toBe(false);

    const reopened = await openAssessmentStore({ dataDir });
    expect(await reopened.get(SAMPLE_ID)).toEqual(a);
    expect(await reopened.list()).toEqual([
      {
        id: a.id,
        title: a.title,
        country: a.country,
        mode: a.mode,
        status: a.status,
        frameworkId: a.frameworkId,
        frameworkVersion: a.frameworkVersion,
        period: a.period,
        createdAt: a.createdAt,
        revision: 1,
        updatedAt: a.updatedAt,
        // No framework lookup was given to this store.
        scores: null,
        coverage: null,
        gaps: [],
        signer: null,
        selection: { japaneseBusinessPresence: null, networkNodeImportance: null, donorSupport: {}, plan: null },
      },
    ]);
    expect(reopened.notices()).toEqual([]);
    await reopened.close();
  });

  it('keeps only the newest 5 generations, and honours keepGenerations', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    let a = sampleAssessment();
    await store.create(a);
    for (let i = 0; i < 11; i++) {
      a = withNote(a, `save ${i}`);
      await store.save(a);
    }
    expect(a.revision).toBe(12);
    expect(await listFolder(join(dataDir, 'assessments', SAMPLE_ID))).toEqual([8, 9, 10, 11, 12].map((r) => `r${String(r).padStart(9, '0')}.json`));
    await store.close();

    const small = await tempDir();
    const two = await openAssessmentStore({ dataDir: small, keepGenerations: 2 });
    let b = sampleAssessment();
    await two.create(b);
    for (let i = 0; i < 4; i++) await two.save((b = withNote(b, `n${i}`)));
    expect(await listFolder(join(small, 'assessments', SAMPLE_ID))).toEqual(['r000000004.json', 'r000000005.json']);
    await two.close();
  });

  it('serialises quick saves of one assessment: every save lands, in order, as a valid file', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    let a = sampleAssessment();
    await store.create(a);
    const versions: Assessment[] = [];
    for (let i = 0; i < 20; i++) versions.push((a = withNote(a, `quick ${i} ${'y'.repeat(i * 1000)}`)));
    await Promise.all(versions.map((v) => store.save(v)));
    expect((await store.get(SAMPLE_ID)).revision).toBe(21);
    await store.close();

    const folder = join(dataDir, 'assessments', SAMPLE_ID);
    const names = await listFolder(folder);
    expect(names).toHaveLength(5);
    for (const name of names) {
      const revision = Number(name.slice(1, 10));
      expect(await readGeneration(dataDir, SAMPLE_ID, revision)).toEqual(versions[revision - 2]);
    }
    expect(await findTempFiles(dataDir)).toEqual([]);
  });

  it('refuses a save older than the stored revision (CONFLICT), but accepts a retry of the same revision', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    const a1 = sampleAssessment();
    await store.create(a1);
    const a2 = withNote(a1, 'two');
    const a3 = withNote(a2, 'three');
    await store.save(a3);
    expect(await codeOf(store.save(a2))).toBe('CONFLICT');
    await store.save(a3);
    expect(await store.get(SAMPLE_ID)).toEqual(a3);
    await store.close();
  });

  it('answers NOT_FOUND, CONFLICT and INVALID_INPUT without writing anything', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    await store.create(sampleAssessment());
    expect(await codeOf(store.get('no-such-assessment'))).toBe('NOT_FOUND');
    expect(await codeOf(store.save(sampleAssessment({ id: 'other-assessment-1' })))).toBe('NOT_FOUND');
    expect(await codeOf(store.create(sampleAssessment()))).toBe('CONFLICT');
    expect(await codeOf(store.save(sampleAssessment({ revision: 2, title: '' })))).toBe('INVALID_INPUT');
    expect(await listFolder(join(dataDir, 'assessments'))).toEqual([SAMPLE_ID]);
    expect(await listFolder(join(dataDir, 'assessments', SAMPLE_ID))).toEqual(['r000000001.json']);
    await store.close();
  });

  it('hands out copies: changing a returned or saved object does not change the store', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    const a = sampleAssessment();
    await store.create(a);
    a.title = 'changed by caller after create';
    const got = await store.get(SAMPLE_ID);
    got.title = 'changed by caller after get';
    expect((await store.get(SAMPLE_ID)).title).toBe('Kenya field assessment');
    await store.close();
  });

  it('costs the same to save with 1 or 50 assessments stored: a save writes its generation only, index.json follows at close', async () => {
    async function callsForSave(count: number, change: (a: Assessment) => Assessment): Promise<FsCall[]> {
      const dataDir = await tempDir();
      const calls: FsCall[] = [];
      const store = await openAssessmentStore({ dataDir, fs: instrumentedFs({ calls }) });
      for (let i = 0; i < count; i++) await store.create(sampleAssessment({ id: `assessment-${String(i).padStart(4, '0')}` }));
      const a = await store.get('assessment-0000');
      calls.length = 0;
      await store.save(change(a));
      const made = [...calls];
      await store.close();
      return made.map((c) => ({ ...c, path: c.path.replace(dataDir, '<root>').replace(/\.[0-9a-f]{12}\.tmp$/, '.<random>.tmp'), to: c.to?.replace(dataDir, '<root>') }));
    }
    const contentOnly = (a: Assessment): Assessment => withNote(a, 'edited');
    const one = await callsForSave(1, contentOnly);
    const fifty = await callsForSave(50, contentOnly);
    expect(fifty).toEqual(one);
    expect(one.filter((c) => c.op === 'rename').map((c) => c.to)).toEqual(['<root>/assessments/assessment-0000/r000000002.json']);
    expect(one.filter((c) => c.op === 'readFile')).toEqual([]);

    const retitled = await callsForSave(1, (a) => nextRevision(a, { title: 'New title' }));
    expect(retitled.filter((c) => c.op === 'rename').map((c) => c.to)).toEqual(['<root>/assessments/assessment-0000/r000000002.json']);

    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    await store.create(sampleAssessment());
    await store.save(nextRevision(await store.get(SAMPLE_ID), { title: 'Retitled' }));
    expect((await store.list()).map((s) => s.title)).toEqual(['Retitled']);
    await store.close();
    expect(JSON.parse(await readFile(join(dataDir, 'index.json'), 'utf8'))).toMatchObject({ assessments: [{ title: 'Retitled', revision: 2 }] });
  });

  it('lists from index.json alone, opens a document on demand, and keeps only the recently used in memory', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    for (const id of ['assessment-a-0001', 'assessment-b-0001', 'assessment-c-0001']) {
      let a = sampleAssessment({ id });
      await store.create(a);
      for (let i = 0; i < 6; i++) await store.save((a = withNote(a, 'z'.repeat(50_000))));
    }
    await store.close();

    const calls: FsCall[] = [];
    const reads = (): string[] => calls.filter((c) => c.op === 'readFile').map((c) => c.path.slice(dataDir.length + 1));
    const reopened = await openAssessmentStore({ dataDir, fs: instrumentedFs({ calls }), cachedDocuments: 2 });
    const listed = await reopened.list();
    expect(listed.map((s) => [s.id, s.revision])).toEqual([
      ['assessment-a-0001', 7],
      ['assessment-b-0001', 7],
      ['assessment-c-0001', 7],
    ]);
    // The list is the index and which assessments are archived or in the trash.
    expect(reads()).toEqual(['index.json', 'shelf.json']);
    calls.length = 0;
    for (const x of ['a', 'b', 'b', 'c', 'a']) await reopened.get(`assessment-${x}-0001`);
    // b is read once; a again after c pushed it out of a cache of two.
    expect(reads()).toEqual(['a', 'b', 'c', 'a'].map((x) => `assessments/assessment-${x}-0001/r000000007.json`));
    await reopened.close();
  });

  it('removes temp files left by a crash, and nothing else', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    await store.create(sampleAssessment());
    await store.close();
    const leftovers = [
      join(dataDir, '.index.json.0123456789ab.tmp'),
      join(dataDir, 'assessments', SAMPLE_ID, '.r000000002.json.0123456789ab.tmp'),
      join(dataDir, 'backups', 'pre-migration', '.x-r1-v1.json.0123456789ab.tmp'),
    ];
    await mkdir(join(dataDir, 'backups', 'pre-migration'), { recursive: true });
    for (const path of leftovers) await writeFile(path, '{"half":');
    await writeFile(join(dataDir, 'notes.txt'), 'a file a person put here');

    const reopened = await openAssessmentStore({ dataDir });
    expect(await findTempFiles(dataDir)).toEqual([]);
    expect(await readFile(join(dataDir, 'notes.txt'), 'utf8')).toBe('a file a person put here');
    expect((await reopened.get(SAMPLE_ID)).revision).toBe(1);
    await reopened.close();
  });

  it('adopts an assessment folder that a crash left out of index.json', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    await store.create(sampleAssessment());
    await store.close();
    const orphan = sampleAssessment({ id: 'orphan-assessment-1', title: 'Saved just before the crash' });
    await mkdir(join(dataDir, 'assessments', orphan.id));
    await writeFile(generationPath(dataDir, orphan.id, 1), JSON.stringify(orphan));

    const reopened = await openAssessmentStore({ dataDir });
    expect((await reopened.list()).map((s) => s.id).sort()).toEqual([orphan.id, SAMPLE_ID]);
    const index = JSON.parse(await readFile(join(dataDir, 'index.json'), 'utf8')) as { assessments: { id: string }[] };
    expect(index.assessments.map((e) => e.id).sort()).toEqual([orphan.id, SAMPLE_ID]);
    await reopened.close();
  });

  it('lists each save as soon as it is saved, the signer of an import kept through the edits after it, in the list and in index.json', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    let a = sampleAssessment();
    await store.create(a);
    const signer = { fingerprint: 'ABCD 0123 4567 89AB CDEF 0123 4567 89AB', installation: 'Nairobi laptop' };
    const imported = { at: a.updatedAt, by: 'HQ', field: IMPORT_FIELD, from: null, to: { signer: signer.fingerprint, installation: signer.installation } };
    await store.save((a = nextRevision(a, { history: [...a.history, imported] })));
    await store.save((a = withNote(a, 'after the import')));
    await store.save((a = nextRevision(withNote(a, 'and again'), { title: 'Kenya, week 3' })));
    expect((await store.list()).map(({ title, revision, signer }) => ({ title, revision, signer }))).toEqual([{ title: 'Kenya, week 3', revision: a.revision, signer }]);
    await store.close();
    const index = JSON.parse(await readFile(join(dataDir, 'index.json'), 'utf8')) as { assessments: { revision: number; signer: unknown }[] };
    expect(index.assessments.map(({ revision, signer }) => ({ revision, signer }))).toEqual([{ revision: a.revision, signer }]);
  });

  it('an assessment saved and then deleted with the trash is gone from the list and from index.json', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    let a = sampleAssessment();
    await store.create(a);
    await store.save((a = withNote(a, 'a last note before it goes')));
    await store.setShelf([SAMPLE_ID], 'trashed', 'HQ');
    expect(await store.emptyTrash([SAMPLE_ID], 'HQ')).toEqual([SAMPLE_ID]);
    expect(await store.list()).toEqual([]);
    await store.close();
    expect((JSON.parse(await readFile(join(dataDir, 'index.json'), 'utf8')) as { assessments: unknown[] }).assessments).toEqual([]);
  });

  it('refuses to work after close', async () => {
    const dataDir = await tempDir();
    const store = await openAssessmentStore({ dataDir });
    await store.close();
    await expect(store.list()).rejects.toThrow(/closed/);
    await expect(store.save(sampleAssessment({ revision: 2 }))).rejects.toThrow(/closed/);
  });
});
