import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_SCHEMA_VERSION, type Assessment } from '../../../core/model/assessment';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { SAMPLE_ID, nextRevision, sampleAssessment } from './documents';
import { exists, generationPath, instrumentedFs, listFolder, readGeneration } from './helpers';
import { useTempDirs } from '../temp-dir';
import type { FsCall } from './helpers';

const tempDir = useTempDirs();
const FIXTURE = fileURLToPath(new URL('../../fixtures/store/assessment-v1.json', import.meta.url));
const ID = 'v1-fixture-0001';
const BACKUP = `backups/pre-migration/${ID}-r7-v1.json`;

/** A data root as CCAT with format version 1 left it: the v1 fixture as revision 7. */
async function v1DataRoot(): Promise<string> {
  const dataDir = await tempDir();
  await mkdir(join(dataDir, 'assessments', ID), { recursive: true });
  await copyFile(FIXTURE, generationPath(dataDir, ID, 7));
  const v1 = JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;
  const entry = Object.fromEntries(['id', 'title', 'country', 'mode', 'status', 'frameworkId', 'frameworkVersion', 'createdAt'].map((k) => [k, v1[k]]));
  await writeFile(join(dataDir, 'index.json'), JSON.stringify({ schemaVersion: 1, assessments: [entry] }));
  return dataDir;
}

describe('assessment store: migration of stored files', () => {
  it('opens a v1 file in the current format, backs up the original before the first save, and records a notice', async () => {
    const dataDir = await v1DataRoot();
    const original = await readFile(FIXTURE);
    const calls: FsCall[] = [];
    const store = await openAssessmentStore({ dataDir, fs: instrumentedFs({ calls }) });

    const migrated = await store.get(ID);
    expect(migrated.schemaVersion).toBe(ASSESSMENT_SCHEMA_VERSION);
    expect(migrated.languages).toEqual(['en']);
    expect(migrated.responses['csirt-mandate']?.rating).toEqual({ kind: 'level', level: 3 });
    expect(migrated.responses['threat-sharing']?.rating).toEqual({ kind: 'unknown' });
    expect((await store.list()).map((s) => [s.id, s.revision])).toEqual([[ID, 7]]);
    // Reading alone changes nothing on disk.
    expect(await exists(join(dataDir, BACKUP))).toBe(false);
    expect((await readFile(generationPath(dataDir, ID, 7))).equals(original)).toBe(true);

    calls.length = 0;
    const r8: Assessment = nextRevision(migrated, { status: 'final' });
    await store.save(r8);

    expect((await readFile(join(dataDir, BACKUP))).equals(original)).toBe(true);
    const renames = calls.filter((c) => c.op === 'rename').map((c) => c.to?.slice(dataDir.length + 1));
    expect(renames.indexOf(BACKUP)).toBeGreaterThanOrEqual(0);
    expect(renames.indexOf(BACKUP)).toBeLessThan(renames.indexOf(`assessments/${ID}/r000000008.json`));
    expect(store.notices()).toEqual([
      expect.objectContaining({ kind: 'migrated', file: `assessments/${ID}/r000000007.json`, assessmentId: ID }),
    ]);
    expect(store.notices()[0]?.reason).toContain(BACKUP);
    expect(await readGeneration(dataDir, ID, 8)).toEqual(r8);
    await store.close();

    // Once written in the new format there is nothing more to migrate, and the backup outlives pruning.
    const reopened = await openAssessmentStore({ dataDir });
    let doc = await reopened.get(ID);
    expect(doc).toEqual(r8);
    for (let i = 0; i < 6; i++) await reopened.save((doc = nextRevision(doc)));
    expect(await listFolder(join(dataDir, 'assessments', ID))).not.toContain('r000000007.json');
    expect((await readFile(join(dataDir, BACKUP))).equals(original)).toBe(true);
    expect(reopened.notices()).toEqual([]);
    await reopened.close();
  });

  it('does not overwrite a different backup that already has the same name', async () => {
    const dataDir = await v1DataRoot();
    await mkdir(join(dataDir, 'backups', 'pre-migration'), { recursive: true });
    await writeFile(join(dataDir, BACKUP), 'an older backup a person kept');
    const store = await openAssessmentStore({ dataDir });
    await store.save(nextRevision(await store.get(ID)));
    expect(await readFile(join(dataDir, BACKUP), 'utf8')).toBe('an older backup a person kept');
    const backups = await listFolder(join(dataDir, 'backups', 'pre-migration'));
    expect(backups).toHaveLength(2);
    const fresh = backups.find((name) => `backups/pre-migration/${name}` !== BACKUP) ?? '';
    expect((await readFile(join(dataDir, 'backups', 'pre-migration', fresh))).equals(await readFile(FIXTURE))).toBe(true);
    await store.close();
  });

  it('moves the history of a version 3 file into the change log at the first save, after a backup, and keeps every entry', async () => {
    const dataDir = await tempDir();
    const history = Array.from({ length: 3 }, (_, i) => ({ at: `2025-03-0${i + 1}T08:00:00.000Z`, by: 'A. Tanaka', field: 'title', from: `t${i}`, to: `t${i + 1}` }));
    const v3 = { ...sampleAssessment({ revision: 4, history }), schemaVersion: 3 };
    await mkdir(join(dataDir, 'assessments', SAMPLE_ID), { recursive: true });
    const original = `${JSON.stringify(v3, null, 2)}\n`;
    await writeFile(generationPath(dataDir, SAMPLE_ID, 4), original);

    const store = await openAssessmentStore({ dataDir });
    const opened = await store.get(SAMPLE_ID);
    expect(opened.history).toEqual(history);
    const r5 = nextRevision(opened, { history: [...history, { at: '2025-03-05T08:00:00.000Z', by: 'B. Sato', field: 'status', from: 'draft', to: 'in-review' }] });
    await store.save(r5);
    await store.close();

    expect(await readFile(join(dataDir, `backups/pre-migration/${SAMPLE_ID}-r4-v3.json`), 'utf8')).toBe(original);
    const stored = JSON.parse(await readFile(generationPath(dataDir, SAMPLE_ID, 5), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ schemaVersion: 4, historyCount: 4 });
    expect(stored).not.toHaveProperty('history');
    expect((await readFile(join(dataDir, 'assessments', SAMPLE_ID, 'history.log'), 'utf8')).split('\n').filter((l) => l !== '')).toHaveLength(4);
    expect(await readGeneration(dataDir, SAMPLE_ID, 5)).toEqual(r5);

    const reopened = await openAssessmentStore({ dataDir });
    expect(await reopened.get(SAMPLE_ID)).toEqual(r5);
    expect(reopened.notices()).toEqual([]);
    await reopened.close();
  });
});
