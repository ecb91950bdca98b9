import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_SETTINGS_FILE } from '../../../../core/store/user-settings.node.ts';
import { failure, ok, useCores } from '../core-harness';

const { core, closeCore } = useCores();

describe('user settings in the data folder', () => {
  it('keeps who enters data per assessment and as the name used last, on disk, across reopening the folder', async () => {
    const first = await core();
    expect(await ok(first, 'getUserSettings', {})).toMatchObject({ assessor: { last: '', byAssessment: {} } });
    await ok(first, 'setAssessorName', { assessmentId: 'a1', name: '  Aiko Tanaka ' });
    await ok(first, 'setAssessorName', { assessmentId: 'a2', name: 'Kwame Mensah' });
    const stored = JSON.parse(await readFile(join(first.dataDir, USER_SETTINGS_FILE), 'utf8')) as unknown;
    expect(stored).toEqual({ schemaVersion: 1, assessor: { last: 'Kwame Mensah', byAssessment: { a1: 'Aiko Tanaka', a2: 'Kwame Mensah' } } });
    await closeCore(first);

    const again = await core(first.dataDir);
    expect((await ok(again, 'getUserSettings', {})).assessor.byAssessment.a1).toBe('Aiko Tanaka');
    // Clearing the name for one assessment keeps the name used last.
    const cleared = await ok(again, 'setAssessorName', { assessmentId: 'a1', name: '' });
    expect(cleared.assessor).toEqual({ last: 'Kwame Mensah', byAssessment: { a2: 'Kwame Mensah' } });
  });

  it('refuses an assessment id that names an Object.prototype member', async () => {
    const c = await core();
    expect((await failure(c, 'setAssessorName', { assessmentId: '__proto__', name: 'Aiko' })).code).toBe('INVALID_INPUT');
  });

  it('reads a damaged file as empty and moves it to quarantine instead of overwriting it', async () => {
    const c = await core();
    await writeFile(join(c.dataDir, USER_SETTINGS_FILE), '{"schemaVersion": 1, "assessor": ');
    expect((await ok(c, 'getUserSettings', {})).assessor.last).toBe('');
    await ok(c, 'setAssessorName', { name: 'Aiko' });
    const quarantined = await readdir(join(c.dataDir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(await readFile(join(c.dataDir, 'quarantine', quarantined[0]!), 'utf8')).toBe('{"schemaVersion": 1, "assessor": ');
    expect((await ok(c, 'getUserSettings', {})).assessor.last).toBe('Aiko');
  });

  it('refuses a name longer than 200 characters', async () => {
    const c = await core();
    expect((await failure(c, 'setAssessorName', { name: 'x'.repeat(201) })).code).toBe('INVALID_INPUT');
  });
});
