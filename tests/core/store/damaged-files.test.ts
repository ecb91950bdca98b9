import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../core/model/assessment';
import { STORED_DOCUMENT_VERSION } from '../../../core/store/stored-document';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { SAMPLE_ID, nextRevision, sampleAssessment } from './documents';
import { coreFailure, generationPath, instrumentedFs, listFolder, snapshotTree } from './helpers';
import { useTempDirs } from '../temp-dir';

const tempDir = useTempDirs();


/** A data root holding revisions 1–3 of the sample assessment; returns revision 3. */
async function storeWithThreeRevisions(dataDir: string): Promise<Assessment> {
  const store = await openAssessmentStore({ dataDir });
  let a = sampleAssessment();
  await store.create(a);
  await store.save((a = nextRevision(a, { scope: { kind: 'national', name: 'second' } })));
  await store.save((a = nextRevision(a, { scope: { kind: 'national', name: 'third' } })));
  await store.close();
  return a;
}

const r4 = (a: Assessment): Assessment => nextRevision(a, { scope: { kind: 'national', name: 'fourth' } });
const fullR4 = (a: Assessment): string => JSON.stringify(r4(a), null, 2);

const damages: [string, (a: Assessment) => Uint8Array | string][] = [
  ['empty', () => ''],
  ['truncated', (a) => fullR4(a).slice(0, Math.floor(fullR4(a).length / 2))],
  ['null', () => 'null'],
  ['[] (a list)', () => '[]'],
  ['a number', () => '42'],
  ['wrong schema (title is a number)', (a) => JSON.stringify({ ...r4(a), title: 42 })],
  ['wrong schema (unknown field)', (a) => JSON.stringify({ ...r4(a), extra: true })],
  ['not UTF-8', () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
  ['another assessment', (a) => JSON.stringify({ ...r4(a), id: 'someone-elses-1' })],
  ['a revision that does not match its name', (a) => JSON.stringify({ ...r4(a), revision: 9 })],
];

describe('assessment store: damaged generations', () => {
  it.each(damages)('a newest generation that is %s is quarantined unchanged and the previous one is used', async (_name, damage) => {
    const dataDir = await tempDir();
    const r3 = await storeWithThreeRevisions(dataDir);
    const bad = damage(r3);
    await writeFile(generationPath(dataDir, SAMPLE_ID, 4), bad);

    const store = await openAssessmentStore({ dataDir });
    expect(await store.get(SAMPLE_ID)).toEqual(r3);

    const notices = store.notices();
    expect(notices.map((n) => n.kind)).toEqual(['quarantined', 'recovered-older-generation']);
    const [quarantined, recovered] = notices;
    expect(quarantined).toMatchObject({ file: `assessments/${SAMPLE_ID}/r000000004.json`, assessmentId: SAMPLE_ID });
    expect(quarantined?.quarantinedAs).toMatch(new RegExp(`^quarantine/\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-${SAMPLE_ID}-r000000004\\.json$`));
    expect(quarantined?.reason).not.toBe('');
    expect(recovered).toMatchObject({ file: `assessments/${SAMPLE_ID}/r000000003.json`, assessmentId: SAMPLE_ID });

    // Moved, byte for byte; not left in place where pruning or a save could replace it.
    const moved = join(dataDir, quarantined?.quarantinedAs ?? '');
    expect(Buffer.from(await readFile(moved)).equals(Buffer.from(bad))).toBe(true);
    expect(await listFolder(join(dataDir, 'assessments', SAMPLE_ID))).toEqual(['r000000001.json', 'r000000002.json', 'r000000003.json']);

    // The next save (revision 4 again) writes a fresh file; the quarantined one stays as it was.
    await store.save(r4(r3));
    expect(Buffer.from(await readFile(moved)).equals(Buffer.from(bad))).toBe(true);
    await store.close();
  });

  it('skips several damaged generations in a row and reports each', async () => {
    const dataDir = await tempDir();
    const r3 = await storeWithThreeRevisions(dataDir);
    await writeFile(generationPath(dataDir, SAMPLE_ID, 4), '');
    await writeFile(generationPath(dataDir, SAMPLE_ID, 5), '{"schemaVersion": 2');
    const store = await openAssessmentStore({ dataDir });
    const listed = await store.list();
    expect(listed.map((s) => s.revision)).toEqual([3]);
    expect(await store.get(SAMPLE_ID)).toEqual(r3);
    expect(store.notices().map((n) => [n.kind, n.file])).toEqual([
      ['quarantined', `assessments/${SAMPLE_ID}/r000000005.json`],
      ['quarantined', `assessments/${SAMPLE_ID}/r000000004.json`],
      ['recovered-older-generation', `assessments/${SAMPLE_ID}/r000000003.json`],
    ]);
    expect(await listFolder(join(dataDir, 'quarantine'))).toHaveLength(2);
    await store.close();
  });

  it('when every generation is damaged: DAMAGED_FILE naming the file and the quarantine folder, nothing replaced by defaults', async () => {
    const dataDir = await tempDir();
    await storeWithThreeRevisions(dataDir);
    for (const r of [1, 2, 3]) await writeFile(generationPath(dataDir, SAMPLE_ID, r), `garbage ${r}`);

    const store = await openAssessmentStore({ dataDir });
    const error = await coreFailure(store.get(SAMPLE_ID));
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toContain(`assessments/${SAMPLE_ID}/r000000003.json`);
    expect(error.message).toContain(join(dataDir, 'quarantine'));
    expect(await store.list()).toEqual([]);
    expect((await coreFailure(store.save(nextRevision(sampleAssessment(), { revision: 9 })))).code).toBe('DAMAGED_FILE');
    expect(store.notices().filter((n) => n.kind === 'quarantined')).toHaveLength(3);
    expect(await listFolder(join(dataDir, 'assessments', SAMPLE_ID))).toEqual([]);
    const quarantined = await listFolder(join(dataDir, 'quarantine'));
    expect(quarantined).toHaveLength(3);
    const contents = await Promise.all(quarantined.map((name) => readFile(join(dataDir, 'quarantine', name), 'utf8')));
    expect(contents.sort()).toEqual(['garbage 1', 'garbage 2', 'garbage 3']);
    await store.close();

    // Still listed in the index and still refused after a restart: it does not silently vanish.
    const again = await openAssessmentStore({ dataDir });
    expect((await coreFailure(again.get(SAMPLE_ID))).code).toBe('DAMAGED_FILE');
    const index = JSON.parse(await readFile(join(dataDir, 'index.json'), 'utf8')) as { assessments: { id: string }[] };
    expect(index.assessments.map((e) => e.id)).toEqual([SAMPLE_ID]);
    await again.close();
  });

  it('a generation from a newer CCAT is left untouched and the assessment is refused with a clear message', async () => {
    const dataDir = await tempDir();
    const r3 = await storeWithThreeRevisions(dataDir);
    await writeFile(generationPath(dataDir, SAMPLE_ID, 4), JSON.stringify({ ...r4(r3), schemaVersion: STORED_DOCUMENT_VERSION + 1, newField: { x: 1 } }));
    const before = await snapshotTree(dataDir);

    const store = await openAssessmentStore({ dataDir });
    const error = await coreFailure(store.get(SAMPLE_ID));
    expect(error.code).toBe('STORE_NEWER_VERSION');
    expect(error.message).toBe('This assessment was saved by a newer version of CCAT; update CCAT to open it.');
    expect(store.notices()).toEqual([
      expect.objectContaining({ kind: 'unreadable-newer-version', file: `assessments/${SAMPLE_ID}/r000000004.json`, assessmentId: SAMPLE_ID }),
    ]);
    expect(await store.list()).toEqual([]);
    // Not even a save with a higher revision may add a generation beside it.
    expect((await coreFailure(store.save(nextRevision(r4(r3))))).code).toBe('STORE_NEWER_VERSION');
    await store.close();
    expect(await snapshotTree(dataDir)).toEqual(before);
  });

  it('an older-format generation that cannot be upgraded is treated as damage', async () => {
    const dataDir = await tempDir();
    const r3 = await storeWithThreeRevisions(dataDir);
    await writeFile(generationPath(dataDir, SAMPLE_ID, 4), JSON.stringify({ ...r4(r3), schemaVersion: 1, responses: { x: { level: 'maybe' } } }));
    const store = await openAssessmentStore({ dataDir });
    expect(await store.get(SAMPLE_ID)).toEqual(r3);
    expect(store.notices()[0]?.reason).toMatch(/could not be upgraded from version 1/);
    await store.close();
  });

  it('moves a quarantined file under a new name when one with the same name is already there', async () => {
    const dataDir = await tempDir();
    const r3 = await storeWithThreeRevisions(dataDir);
    const fixed = new Date('2025-03-02T10:00:00.000Z');
    for (const round of [1, 2]) {
      await writeFile(generationPath(dataDir, SAMPLE_ID, 4), `bad ${round}`);
      const store = await openAssessmentStore({ dataDir, now: () => fixed });
      expect(await store.get(SAMPLE_ID)).toEqual(r3);
      await store.close();
    }
    const names = await listFolder(join(dataDir, 'quarantine'));
    expect(names).toEqual([`2025-03-02T10-00-00-000Z-${SAMPLE_ID}-r000000004.json`, `2025-03-02T10-00-00-000Z-2-${SAMPLE_ID}-r000000004.json`].sort());
    const contents = await Promise.all(names.map((n) => readFile(join(dataDir, 'quarantine', n), 'utf8')));
    expect(contents.sort()).toEqual(['bad 1', 'bad 2']);
  });

  it('ignores files in an assessment folder that are not generations', async () => {
    const dataDir = await tempDir();
    const r3 = await storeWithThreeRevisions(dataDir);
    await rename(generationPath(dataDir, SAMPLE_ID, 1), join(dataDir, 'assessments', SAMPLE_ID, 'copy of r1.json'));
    const store = await openAssessmentStore({ dataDir });
    expect(await store.get(SAMPLE_ID)).toEqual(r3);
    expect(store.notices()).toEqual([]);
    await store.close();
  });
});

describe('assessment store: one unreadable entry hides no other assessment', () => {
  const OTHER_ID = 'other-assessment-2';

  async function storeWithTwo(dataDir: string): Promise<Assessment> {
    const r3 = await storeWithThreeRevisions(dataDir);
    const store = await openAssessmentStore({ dataDir });
    await store.create(sampleAssessment({ id: OTHER_ID, title: 'Philippines self-assessment', country: 'PH' }));
    await store.close();
    return r3;
  }

  it('a folder in place of the newest generation is set aside; that assessment opens its previous save and the other lists and opens', async () => {
    const dataDir = await tempDir();
    const r3 = await storeWithTwo(dataDir);
    await mkdir(generationPath(dataDir, SAMPLE_ID, 4));

    const store = await openAssessmentStore({ dataDir });
    expect((await store.list()).map((s) => s.id).sort()).toEqual([OTHER_ID, SAMPLE_ID].sort());
    expect(await store.get(SAMPLE_ID)).toEqual(r3);
    expect((await store.get(OTHER_ID)).title).toBe('Philippines self-assessment');
    expect(store.notices().map((n) => [n.kind, n.file])).toEqual([
      ['quarantined', `assessments/${SAMPLE_ID}/r000000004.json`],
      ['recovered-older-generation', `assessments/${SAMPLE_ID}/r000000003.json`],
    ]);
    await store.close();
  });

  it.each([
    ['a file in place of its folder', 'file'],
    ['a folder that cannot be listed (I/O error)', 'EIO'],
  ] as const)('an assessment with %s is set aside with a notice; the other lists and opens, also when the index is rebuilt', async (_name, damage) => {
    const dataDir = await tempDir();
    await storeWithTwo(dataDir);
    const folder = join(dataDir, 'assessments', SAMPLE_ID);
    if (damage === 'file') {
      await rm(folder, { recursive: true });
      await writeFile(folder, 'not a folder');
    }
    const fs = instrumentedFs({ fail: (c) => (damage === 'EIO' && c.op === 'readdir' && c.path === folder ? 'EIO' : undefined) });

    for (const indexState of ['intact', 'damaged']) {
      if (indexState === 'damaged') await writeFile(join(dataDir, 'index.json'), '{ cut off');
      const store = await openAssessmentStore({ dataDir, fs });
      expect((await store.list()).map((s) => s.id), indexState).toEqual([OTHER_ID]);
      expect((await store.get(OTHER_ID)).country).toBe('PH');
      const error = await coreFailure(store.get(SAMPLE_ID));
      expect(error.code).toBe('DAMAGED_FILE');
      expect(error.message).toContain(`The assessment "${SAMPLE_ID}" cannot be opened: its folder ${folder} cannot be read`);
      expect(store.notices().filter((n) => n.kind === 'set-aside')).toEqual([
        expect.objectContaining({ file: `assessments/${SAMPLE_ID}`, assessmentId: SAMPLE_ID }),
      ]);
      await store.close();
    }
    if (damage === 'file') expect(await readFile(folder, 'utf8')).toBe('not a folder');
  });
});
