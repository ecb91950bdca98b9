import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, ok, useCores } from '../api/core-harness';
import { readGeneration, snapshotTree } from '../store/helpers';
import { ids, level, twoViews } from './two-views';

const { core, tempDir } = useCores();

const choices = {
  [ids.near]: { take: 'left', notes: 'both' },
  [ids.far]: { take: 'new', rating: level(2), confidence: 'medium', reason: 'Only incident handling and advisories run today; the catalogue is planned.', notes: 'both' },
  [ids.unknown]: { take: 'right', notes: 'right' },
} as const;

describe('previewMerge', () => {
  it('lists agreements, differences and indicators only one side rated, with sessions and attachments to unite', async () => {
    const api = await core();
    const { field, self } = await twoViews(api);
    const preview = await ok(api, 'previewMerge', { leftId: field.id, rightId: self.id });
    expect(preview.counts).toEqual({ agree: 2, differ: 3, leftOnly: 1, rightOnly: 1 });
    expect(preview.indicators.map((c) => [c.indicatorId, c.status, c.levelDistance, c.reasonRequired])).toEqual([
      [ids.agreeBoth, 'agree', 0, false],
      [ids.agreeNotes, 'agree', 0, false],
      [ids.leftOnly, 'leftOnly', null, false],
      [ids.rightOnly, 'rightOnly', null, false],
      [ids.near, 'differ', 1, false],
      [ids.far, 'differ', 3, true],
      [ids.unknown, 'differ', null, false],
    ]);
    const far = preview.indicators.find((c) => c.indicatorId === ids.far)!;
    expect(far.left).toMatchObject({ rating: level(1), confidence: 'medium', notes: 'Incident handling only.' });
    expect(far.right).toMatchObject({ rating: level(4), confidence: 'high', notes: 'Full service catalogue.' });
    expect(preview.sessions).toEqual({ left: 1, right: 1, united: 2 });
    expect(preview.attachments).toEqual({ left: 1, right: 2, united: 2 });
  });
});

describe('mergeAssessments', () => {
  it('creates a new assessment from both, keeps the sources byte for byte, and records both sources, the choice and the reason per indicator', async () => {
    const api = await core();
    const { field, self, fieldSession, selfSession, shared, own } = await twoViews(api);
    await api.flush();
    const sources = async () => ({
      field: await snapshotTree(join(api.dataDir, 'assessments', field.id)),
      self: await snapshotTree(join(api.dataDir, 'assessments', self.id)),
    });
    const before = await sources();

    const merged = await ok(api, 'mergeAssessments', { leftId: field.id, rightId: self.id, title: 'Ghana 2026 (merged)', choices, by: 'HQ analyst' });
    await api.flush();
    expect(await sources()).toEqual(before);
    expect(merged.id).not.toBe(field.id);
    expect(merged).toMatchObject({ title: 'Ghana 2026 (merged)', country: 'GH', frameworkVersion: '1.1.0', status: 'draft', mode: 'field', revision: 0, period: { from: '2026-02-01', to: '2026-03-13' } });
    expect(merged.team).toEqual([{ name: 'A. Tanaka', role: 'Lead' }, { name: 'K. Mensah', role: 'CSIRT' }]);

    const r = merged.responses;
    // Agreements as they are; different notes on an agreement are both kept under their source.
    expect(r[ids.agreeBoth]).toMatchObject({ rating: level(2), confidence: 'high', notes: 'Strategy of 2015.' });
    expect(r[ids.agreeNotes]!.notes).toBe('[Ghana field 2026]\nNCSA leads.\n\n[Ghana self 2026]\nThe CSA Act 2020 names us.');
    expect(r[ids.leftOnly]).toMatchObject({ rating: level(1), notes: 'No budget line seen.' });
    expect(r[ids.rightOnly]).toMatchObject({ rating: level(2), notes: 'Reviewed in 2024.' });
    // The three conflicts as chosen.
    expect(r[ids.near]).toMatchObject({ rating: level(3), confidence: 'high', notes: '[Ghana field 2026]\nMandate in the Act.\n\n[Ghana self 2026]\nMandate unclear to us.', attachmentIds: [shared.id] });
    expect(r[ids.far]).toMatchObject({ rating: level(2), confidence: 'medium', sessionIds: [selfSession.id], attachmentIds: [own.id] });
    expect(r[ids.unknown]).toMatchObject({ rating: level(3), confidence: 'low', notes: '12 analysts.' });
    expect(Object.keys(r)).toHaveLength(7);
    expect(merged.sessions.map((s) => s.id)).toEqual([fieldSession.id, selfSession.id]);
    expect(merged.attachments.map((a) => a.id)).toEqual([shared.id, own.id]);

    // What is on disk: the generation plus the history log.
    const stored = await readGeneration(api.dataDir, merged.id, 0);
    expect(stored.responses).toEqual(merged.responses);
    expect(stored.history[0]).toMatchObject({
      field: 'created',
      by: 'HQ analyst',
      to: { title: 'Ghana 2026 (merged)', mergedFrom: [{ id: field.id, title: 'Ghana field 2026', mode: 'field' }, { id: self.id, title: 'Ghana self 2026', mode: 'self' }] },
    });
    const entry = (indicatorId: string) => stored.history.find((e) => e.field === `response:${indicatorId}.merge`);
    expect(entry(ids.far)).toEqual({
      at: '2026-03-05T08:00:00.000Z',
      by: 'HQ analyst',
      field: `response:${ids.far}.merge`,
      from: { status: 'differ', left: { id: field.id, title: 'Ghana field 2026', rating: level(1) }, right: { id: self.id, title: 'Ghana self 2026', rating: level(4) } },
      to: { take: 'new', rating: level(2), notes: 'both' },
      reason: 'Only incident handling and advisories run today; the catalogue is planned.',
    });
    expect(entry(ids.near)).toMatchObject({ from: { left: { rating: level(3) }, right: { rating: level(2) } }, to: { take: 'left', title: 'Ghana field 2026', rating: level(3), notes: 'both' } });
    expect(entry(ids.near)).not.toHaveProperty('reason');
    expect(entry(ids.unknown)).toMatchObject({ from: { left: { rating: { kind: 'unknown' } }, right: { rating: level(3) } }, to: { take: 'right', notes: 'right' } });
    expect(entry(ids.agreeBoth)).toMatchObject({ from: { status: 'agree' }, to: { take: 'left' } });
    expect(entry(ids.rightOnly)).toMatchObject({ from: { status: 'rightOnly', left: { rating: null } }, to: { take: 'right' } });
    expect(await ok(api, 'listAssessments', {})).toHaveLength(3);
  });

  it('refuses a choice between ratings more than one level apart without a reason, naming its path, and stores nothing', async () => {
    const api = await core();
    const { field, self } = await twoViews(api);
    await api.flush();
    const before = await snapshotTree(api.dataDir);
    const error = await failure(api, 'mergeAssessments', { leftId: field.id, rightId: self.id, title: 'Merged', choices: { ...choices, [ids.far]: { take: 'right', reason: '  ', notes: 'left' } } });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(`choices.${ids.far}.reason: the two ratings differ by 3 levels, so a reason is required`);
    expect(error.details).toEqual([{ path: ['choices', ids.far, 'reason'], message: 'the two ratings differ by 3 levels, so a reason is required' }]);
    expect(await snapshotTree(api.dataDir)).toEqual(before);
  });

  it('refuses a difference left without a choice, and a new rating missing', async () => {
    const api = await core();
    const { field, self } = await twoViews(api);
    const { [ids.unknown]: _left, ...rest } = choices;
    void _left;
    const error = await failure(api, 'mergeAssessments', { leftId: field.id, rightId: self.id, title: 'Merged', choices: { ...rest, [ids.near]: { take: 'new', notes: 'left' } } });
    expect(error.message).toBe(
      `choices.${ids.near}.rating: a new rating is required when neither side is taken; choices.${ids.unknown}: the two assessments rate this indicator differently: choose one rating or set a new one`,
    );
  });
});

describe('merging or comparing what does not match', () => {
  it('refuses assessments of different countries, saying which', async () => {
    const api = await core();
    const ghana = await ok(api, 'createAssessment', { title: 'Ghana', country: 'GH', mode: 'field' });
    const kenya = await ok(api, 'createAssessment', { title: 'Kenya', country: 'KE', mode: 'self' });
    const error = await failure(api, 'previewMerge', { leftId: ghana.id, rightId: kenya.id });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'The two assessments are of different countries (GH and KE); only assessments of the same country can be merged or compared.' });
    expect((await failure(api, 'mergeAssessments', { leftId: ghana.id, rightId: kenya.id, title: 'x', choices: {} })).code).toBe('CONFLICT');
    expect((await failure(api, 'exportAssessment', { id: ghana.id, format: 'html', language: 'en', compareWithId: kenya.id })).code).toBe('CONFLICT');
  });

  it('refuses different framework versions and suggests moving to 1.1.0 first', async () => {
    const dataDir = await tempDir();
    const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'assessments', 'sample-framework-v2.json');
    const { id: oldId } = JSON.parse(await readFile(fixture, 'utf8')) as { id: string };
    await mkdir(join(dataDir, 'assessments', oldId), { recursive: true });
    await copyFile(fixture, join(dataDir, 'assessments', oldId, 'r000000004.json'));
    const api = await core(dataDir);
    const current = await ok(api, 'createAssessment', { title: 'Cambodia self 2026', country: 'KH', mode: 'self' });
    const error = await failure(api, 'mergeAssessments', { leftId: oldId, rightId: current.id, title: 'x', choices: {} });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'The two assessments use different frameworks (ccat 0.1.0 and ccat 1.1.0); their indicators do not match one to one. Move "Cambodia pilot on the sample framework" to framework 1.1.0 first (setup → framework version), then merge.',
    );
  });
});
