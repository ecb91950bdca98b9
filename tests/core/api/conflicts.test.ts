import { describe, expect, it } from 'vitest';
import { snapshotTree } from '../store/helpers';
import { failure, ok, useCores } from './core-harness';

const { core } = useCores();
const indicatorId = 'hygiene.csirt.mandate';

/** One core, two windows: each client remembers what it last saw, as the UI does. */
async function twoClients() {
  const api = await core();
  const created = await ok(api, 'createAssessment', {
    title: 'Ghana 2026',
    country: 'GH',
    mode: 'field',
    team: [
      { name: 'A. Tanaka', role: 'Lead' },
      { name: 'K. Mensah', role: 'Assessor' },
    ],
  });
  return { api, id: created.id };
}

describe('two windows on one assessment', () => {
  it('refuses a stale change to the same notes with both texts, and leaves the store byte-identical', async () => {
    const { api, id } = await twoClients();
    await ok(api, 'updateResponse', { id, indicatorId, patch: { notes: 'A: decree 12/2020 seen' }, base: { notes: '' }, by: 'A' });
    const before = await snapshotTree(api.dataDir);

    const error = await failure(api, 'updateResponse', { id, indicatorId, patch: { notes: 'B: CSIRT set up by law' }, base: { notes: '' }, by: 'B' });

    expect(error).toMatchObject({ code: 'CONFLICT', details: { conflicts: [{ field: 'notes', stored: 'A: decree 12/2020 seen', yours: 'B: CSIRT set up by law' }] } });
    expect(error.message).toMatch(/changed elsewhere/);
    expect(await snapshotTree(api.dataDir)).toEqual(before);
    expect((await ok(api, 'getAssessment', { id })).responses[indicatorId]?.notes).toBe('A: decree 12/2020 seen');
  });

  it('keeps both when the two windows change different fields', async () => {
    const { api, id } = await twoClients();
    await ok(api, 'updateResponse', { id, indicatorId, patch: { notes: 'from A' }, base: { notes: '' } });
    await ok(api, 'updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level: 3 }, confidence: 'high' }, base: { rating: null, confidence: null } });
    await ok(api, 'updateSetup', { id, patch: { title: 'Ghana national 2026' }, base: { title: 'Ghana 2026' } });
    await ok(api, 'updateSetup', { id, patch: { period: { from: '2026-03-02', to: '2026-03-13' } }, base: { period: {} } });
    const stored = await ok(api, 'getAssessment', { id });
    expect(stored.responses[indicatorId]).toMatchObject({ notes: 'from A', rating: { kind: 'level', level: 3 }, confidence: 'high' });
    expect(stored).toMatchObject({ title: 'Ghana national 2026', period: { from: '2026-03-02', to: '2026-03-13' } });
  });

  it('merges different parts of the country context and of the target levels, and refuses the same part', async () => {
    const { api, id } = await twoClients();
    const seen = { donorSupport: {}, notes: '' };
    await ok(api, 'updateSetup', { id, patch: { context: { ...seen, absorptiveCapacity: 2 } }, base: { context: seen } });
    await ok(api, 'updateSetup', { id, patch: { context: { donorSupport: { cybercrime: { extent: 2, who: 'UNODC' } }, notes: 'B typed' } }, base: { context: seen } });
    await ok(api, 'updateSetup', { id, patch: { targets: { 'hygiene.csirt': 4 } }, base: { targets: {} } });
    await ok(api, 'updateSetup', { id, patch: { targets: { 'hygiene.strategy': 2 } }, base: { targets: {} } });
    const stored = await ok(api, 'getAssessment', { id });
    expect(stored.context).toEqual({ donorSupport: { cybercrime: { extent: 2, who: 'UNODC' } }, notes: 'B typed', absorptiveCapacity: 2 });
    expect(stored.targets).toEqual({ 'hygiene.csirt': 4, 'hygiene.strategy': 2 });

    await ok(api, 'updateSetup', { id, patch: { targets: {} }, base: { targets: { 'hygiene.csirt': 4 } } });
    expect((await ok(api, 'getAssessment', { id })).targets).toEqual({ 'hygiene.strategy': 2 });
    expect(await failure(api, 'updateSetup', { id, patch: { context: { ...seen, notes: 'A typed' } }, base: { context: seen } })).toMatchObject({
      code: 'CONFLICT',
      details: { conflicts: [{ field: 'context/notes', stored: 'B typed', yours: 'A typed' }] },
    });
  });

  it('accepts a retried save that already went through, and the same change made in both windows', async () => {
    const { api, id } = await twoClients();
    const edit = { id, indicatorId, patch: { notes: 'same text' }, base: { notes: '' } };
    const first = await ok(api, 'updateResponse', edit);
    const again = await ok(api, 'updateResponse', edit);
    expect(again.revision).toBe(first.revision);
  });

  it('keeps a team member added in one window and another member edited in the other', async () => {
    const { api, id } = await twoClients();
    await ok(api, 'addTeamMember', { id, member: { name: 'B. Sato', role: 'Legal' } });
    await ok(api, 'updateTeamMember', { id, index: 1, base: { name: 'K. Mensah', role: 'Assessor' }, patch: { role: 'Technical' } });
    expect((await ok(api, 'getAssessment', { id })).team).toEqual([
      { name: 'A. Tanaka', role: 'Lead' },
      { name: 'K. Mensah', role: 'Technical' },
      { name: 'B. Sato', role: 'Legal' },
    ]);
  });

  it('finds a member moved by a removal elsewhere', async () => {
    const { api, id } = await twoClients();
    await ok(api, 'removeTeamMember', { id, index: 0, member: { name: 'A. Tanaka', role: 'Lead' } });
    await ok(api, 'updateTeamMember', { id, index: 1, base: { name: 'K. Mensah', role: 'Assessor' }, patch: { name: 'Kwame Mensah' } });
    expect((await ok(api, 'getAssessment', { id })).team).toEqual([{ name: 'Kwame Mensah', role: 'Assessor' }]);
  });

  it('merges a different field of a member changed elsewhere and refuses the same field with both values', async () => {
    const { api, id } = await twoClients();
    const seen = { name: 'K. Mensah', role: 'Assessor' };
    await ok(api, 'updateTeamMember', { id, index: 1, base: seen, patch: { name: 'Kwame Mensah' } });
    await ok(api, 'updateTeamMember', { id, index: 1, base: seen, patch: { role: 'Technical' } });
    expect((await ok(api, 'getAssessment', { id })).team[1]).toEqual({ name: 'Kwame Mensah', role: 'Technical' });
    const before = await snapshotTree(api.dataDir);
    const error = await failure(api, 'updateTeamMember', { id, index: 1, base: seen, patch: { name: 'Kofi Mensah' } });
    expect(error).toMatchObject({ code: 'CONFLICT', details: { conflicts: [{ field: 'name', stored: 'Kwame Mensah', yours: 'Kofi Mensah' }] } });
    expect(await snapshotTree(api.dataDir)).toEqual(before);
  });

  it('does not remove a member that was changed elsewhere', async () => {
    const { api, id } = await twoClients();
    await ok(api, 'updateTeamMember', { id, index: 1, base: { name: 'K. Mensah', role: 'Assessor' }, patch: { role: 'Legal' } });
    const after = await ok(api, 'removeTeamMember', { id, index: 1, member: { name: 'K. Mensah', role: 'Assessor' } });
    expect(after.team).toEqual([
      { name: 'A. Tanaka', role: 'Lead' },
      { name: 'K. Mensah', role: 'Legal' },
    ]);
  });

  it('refuses stale session notes and session inputs with both values, and merges other session fields', async () => {
    const { api, id } = await twoClients();
    const fields = { title: 'CSIRT visit', date: '2026-03-03', cluster: 'csirt', participants: 4, organisations: '', nonAttributable: false, notes: '' };
    const session = await ok(api, 'saveSession', { id, session: fields });
    await ok(api, 'saveSession', { id, session: { ...fields, sessionId: session.id, notes: 'A wrote this' }, base: fields });
    await ok(api, 'saveSession', { id, session: { ...fields, sessionId: session.id, participants: 6 }, base: fields });
    expect((await ok(api, 'getAssessment', { id })).sessions[0]).toMatchObject({ notes: 'A wrote this', participants: 6 });
    expect(await failure(api, 'saveSession', { id, session: { ...fields, sessionId: session.id, notes: 'B wrote that' }, base: fields })).toMatchObject({
      code: 'CONFLICT',
      details: { conflicts: [{ field: 'notes', stored: 'A wrote this', yours: 'B wrote that' }] },
    });

    await ok(api, 'updateSessionInput', { id, sessionId: session.id, indicatorId, input: { note: 'A: decree shown' }, base: null });
    await ok(api, 'updateSessionInput', { id, sessionId: session.id, indicatorId, input: { note: '', level: 3 }, base: null });
    expect((await ok(api, 'getAssessment', { id })).sessions[0]!.inputs[indicatorId]).toMatchObject({ note: 'A: decree shown', level: 3 });
    expect(await failure(api, 'updateSessionInput', { id, sessionId: session.id, indicatorId, input: null, base: { note: 'A: decree' } })).toMatchObject({
      code: 'CONFLICT',
      details: { conflicts: [{ field: 'note', stored: 'A: decree shown', yours: '' }] },
    });
  });

  it('merges citations as a set and refuses a stale plan decision', async () => {
    const { api, id } = await twoClients();
    const fields = { title: 'S', date: '2026-03-03', cluster: 'csirt', participants: 4, organisations: '', nonAttributable: false, notes: '' };
    const s1 = await ok(api, 'saveSession', { id, session: fields });
    const s2 = await ok(api, 'saveSession', { id, session: { ...fields, title: 'T' } });
    await ok(api, 'updateResponse', { id, indicatorId, patch: { sessionIds: [s1.id] }, base: { sessionIds: [] } });
    await ok(api, 'updateResponse', { id, indicatorId, patch: { sessionIds: [s2.id] }, base: { sessionIds: [] } });
    expect((await ok(api, 'getAssessment', { id })).responses[indicatorId]?.sessionIds).toEqual([s1.id, s2.id]);

    await ok(api, 'updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level: 1 } }, base: { rating: null } });
    const recommendation = (await ok(api, 'getPlan', { id })).recommendations[0]!;
    await ok(api, 'updatePlan', { id, change: { kind: 'decide', recommendationId: recommendation.id, decision: 'accepted', base: { decision: null } } });
    expect(await failure(api, 'updatePlan', { id, change: { kind: 'decide', recommendationId: recommendation.id, decision: 'rejected', base: { decision: null } } })).toMatchObject({
      code: 'CONFLICT',
      details: { conflicts: [{ field: 'decision', stored: 'accepted', yours: 'rejected' }] },
    });
  });

  it('requires every changed field to say what the client last saw of it', async () => {
    const { api, id } = await twoClients();
    const error = await failure(api, 'updateResponse', { id, indicatorId, patch: { notes: 'x', flagged: true }, base: { notes: '' } });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'base.flagged: what this client last saw of the field is required' });
    expect(await failure(api, 'updateSetup', { id, patch: { team: [] }, base: {} })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/team/) });
  });
});

describe('the assessment period', () => {
  const message = 'period.to: the period ends before it starts: the end date must be on or after the start date';

  it('refuses a period that ends before it starts, on create and on update', async () => {
    const { api, id } = await twoClients();
    expect(await failure(api, 'createAssessment', { title: 'T', country: 'GH', mode: 'field', period: { from: '2026-03-13', to: '2026-03-02' } })).toMatchObject({ code: 'INVALID_INPUT', message });
    expect(await failure(api, 'updateSetup', { id, patch: { period: { from: '2026-03-13', to: '2026-03-02' } }, base: { period: {} } })).toMatchObject({
      code: 'INVALID_INPUT',
      message: `patch.${message}`,
    });
    expect((await ok(api, 'updateSetup', { id, patch: { period: { from: '2026-03-02', to: '2026-03-02' } }, base: { period: {} } })).period).toEqual({ from: '2026-03-02', to: '2026-03-02' });
  });
});
