import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/api/result';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { STORE_INDEX_SCHEMA_VERSION, storeIndexSchema } from '../../../core/store/index-schema';
import type { Framework } from '../../../core/model/framework';
import { sampleAssessment } from './documents';
import { exists, snapshotTree } from './helpers';
import { useTempDirs } from '../temp-dir';

const tempDir = useTempDirs();

async function twoAssessments(dataDir: string): Promise<void> {
  const store = await openAssessmentStore({ dataDir });
  await store.create(sampleAssessment({ id: 'assessment-one-1', title: 'One' }));
  await store.create(sampleAssessment({ id: 'assessment-two-2', title: 'Two', country: 'PH' }));
  await store.close();
}

describe('assessment store: index.json', () => {
  it.each([
    ['empty', ''],
    ['truncated', '{"schemaVersion":2,"assessments":[{"id":"assessm'],
    ['null', 'null'],
    ['a list', '[]'],
    ['wrong schema', `{"schemaVersion":${STORE_INDEX_SCHEMA_VERSION},"assessments":[{"id":"assessment-one-1"}]}`],
    ['listing one id twice', null],
  ])('a damaged index (%s) is quarantined unchanged and rebuilt from the assessment folders', async (_name, content) => {
    const dataDir = await tempDir();
    await twoAssessments(dataDir);
    const indexPath = join(dataDir, 'index.json');
    let bad = content;
    if (bad === null) {
      const index = storeIndexSchema.parse(JSON.parse(await readFile(indexPath, 'utf8')));
      bad = JSON.stringify({ ...index, assessments: [index.assessments[0], index.assessments[0]] });
    }
    await writeFile(indexPath, bad);

    const store = await openAssessmentStore({ dataDir });
    expect((await store.list()).map((s) => s.title).sort()).toEqual(['One', 'Two']);
    const [notice, ...others] = store.notices();
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ kind: 'quarantined', file: 'index.json' });
    expect(notice?.reason).toMatch(/rebuilt from the 2 assessment folder/);
    expect(await readFile(join(dataDir, notice?.quarantinedAs ?? ''), 'utf8')).toBe(bad);
    const rebuilt = storeIndexSchema.parse(JSON.parse(await readFile(indexPath, 'utf8')));
    expect(rebuilt.assessments.map((e) => e.id).sort()).toEqual(['assessment-one-1', 'assessment-two-2']);
    await store.close();
  });

  it('a missing index is recreated from the assessment folders', async () => {
    const dataDir = await tempDir();
    await twoAssessments(dataDir);
    await rm(join(dataDir, 'index.json'));
    const store = await openAssessmentStore({ dataDir });
    expect((await store.list()).map((s) => s.id).sort()).toEqual(['assessment-one-1', 'assessment-two-2']);
    expect(await exists(join(dataDir, 'index.json'))).toBe(true);
    await store.close();
  });

  it('an index from a newer CCAT: STORE_NEWER_VERSION, the store is not opened and nothing changes', async () => {
    const dataDir = await tempDir();
    await twoAssessments(dataDir);
    await writeFile(join(dataDir, 'index.json'), JSON.stringify({ schemaVersion: STORE_INDEX_SCHEMA_VERSION + 1, assessments: [], shelves: [] }));
    const before = await snapshotTree(dataDir);

    const error: unknown = await openAssessmentStore({ dataDir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('STORE_NEWER_VERSION');
    expect((error as CoreError).message).toBe('This data folder was saved by a newer version of CCAT; update CCAT to open it.');
    expect(await snapshotTree(dataDir)).toEqual(before);
    expect(await exists(join(dataDir, 'ccat.lock'))).toBe(false);
  });

  it('an index written by an older CCAT is rebuilt from the documents with scores and coverage, without a notice', async () => {
    const dataDir = await tempDir();
    await twoAssessments(dataDir);
    const v1 = { schemaVersion: 1, assessments: [{ id: 'assessment-one-1', title: 'One', country: 'KE', mode: 'field', status: 'draft', frameworkId: 'ccat-core', frameworkVersion: '1.0.0', createdAt: '2025-03-01T08:00:00.000Z' }] };
    await writeFile(join(dataDir, 'index.json'), JSON.stringify(v1));
    const framework = { domains: [{ id: 'd1', capabilities: [{ id: 'c1', defaultTarget: 3, indicators: [{ id: 'i1' }, { id: 'i2' }] }] }] } as unknown as Framework;
    const store = await openAssessmentStore({ dataDir, frameworkFor: () => framework });
    expect(store.notices()).toEqual([]);
    expect((await store.list()).map((s) => [s.id, s.revision, s.scores, s.coverage])).toEqual([
      ['assessment-one-1', 1, { overall: null, domains: { d1: null } }, { rated: 0, total: 2 }],
      ['assessment-two-2', 1, { overall: null, domains: { d1: null } }, { rated: 0, total: 2 }],
    ]);
    expect(storeIndexSchema.parse(JSON.parse(await readFile(join(dataDir, 'index.json'), 'utf8'))).assessments).toHaveLength(2);
    await store.close();
  });
});
