import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGeneration } from '../store/helpers';
import { failure, ok, useCores } from './core-harness';

const { core, closeCore } = useCores();
const base = { title: 'Ghana 2026', country: 'GH', mode: 'field' } as const;

async function newestFile(dataDir: string, id: string): Promise<Record<string, unknown>> {
  const files = (await readdir(join(dataDir, 'assessments', id))).filter((f) => /^r\d+\.json$/.test(f)).sort();
  return JSON.parse(await readFile(join(dataDir, 'assessments', id, files.at(-1)!), 'utf8')) as Record<string, unknown>;
}

describe('setting up', () => {
  it('creates with the full setup and edits it later, logging each change', async () => {
    const api = await core();
    const created = await ok(api, 'createAssessment', {
      ...base,
      scope: { kind: 'agency', name: 'National CSIRT' },
      team: [{ name: 'A. Tanaka', role: 'Lead' }],
      period: { from: '2026-03-02', to: '2026-03-13' },
      languages: ['en', 'ja'],
      targets: { 'hygiene.csirt': 4 },
      context: { donorSupport: { cybercrime: { extent: 2, who: 'UNODC, EU' } }, absorptiveCapacity: 1, notes: '' },
      by: 'A. Tanaka',
    });
    expect(created).toMatchObject({ scope: { kind: 'agency' }, targets: { 'hygiene.csirt': 4 }, context: { absorptiveCapacity: 1 } });
    const added = await ok(api, 'addTeamMember', { id: created.id, member: { name: 'B. Sato', role: 'Legal' }, by: 'A. Tanaka' });
    expect(added.team).toHaveLength(2);
    const updated = await ok(api, 'getAssessment', { id: created.id });
    expect(updated.history.at(-1)).toMatchObject({ field: 'setup.team', by: 'A. Tanaka', from: null, to: { name: 'B. Sato', role: 'Legal' } });
    expect(await failure(api, 'updateSetup', { id: created.id, patch: { targets: { 'made.up': 3 } }, base: { targets: {} } })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/made\.up/) });
  });
});

describe('sessions and quick notes', () => {
  it('records sessions, per-indicator input, and refuses to delete a session a rating cites', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', base);
    const session = { title: 'CSIRT visit', date: '2026-03-03', cluster: 'csirt', participants: 4, organisations: 'GH-CERT', nonAttributable: true, notes: '' };
    const s1 = await ok(api, 'saveSession', { id, session });
    await ok(api, 'updateSessionInput', { id, sessionId: s1.id, indicatorId: 'hygiene.csirt.mandate', input: { note: 'Decree 2019 shown', level: 3 }, base: null });
    await ok(api, 'updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { rating: { kind: 'level', level: 3 }, sessionIds: [s1.id] }, base: { rating: null, sessionIds: [] } });
    const got = await ok(api, 'getAssessment', { id });
    expect(got.sessions[0]!.inputs['hygiene.csirt.mandate']).toMatchObject({ note: 'Decree 2019 shown', level: 3 });
    expect(await failure(api, 'deleteSession', { id, sessionId: s1.id })).toMatchObject({ code: 'CONFLICT' });
    expect(await failure(api, 'updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { sessionIds: ['nope-nope-nope'] }, base: { sessionIds: [s1.id] } })).toMatchObject({ code: 'INVALID_INPUT' });
    const s2 = await ok(api, 'saveSession', { id, session: { ...session, title: 'Ministry', cluster: 'ministries' } });
    await ok(api, 'deleteSession', { id, sessionId: s2.id });
    const after = await ok(api, 'getAssessment', { id });
    expect(after.sessions.map((s) => s.title)).toEqual(['CSIRT visit']);
    expect(after.history.find((h) => h.field === `session:${s2.id}` && h.to === null)).toBeTruthy();
  });
});

describe('attachments', () => {
  it('stores files by content hash, lists and returns them, and removes only the link', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', base);
    const bytes = Buffer.from('%PDF-1.4 fake decree for the test');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const meta = await ok(api, 'addAttachment', { id, indicatorId: 'hygiene.csirt.mandate', fileName: 'decree.pdf', mediaType: 'application/pdf', contentBase64: bytes.toString('base64') });
    expect(meta).toMatchObject({ id: sha, fileName: 'decree.pdf', size: bytes.length });
    expect(await readFile(join(api.dataDir, 'attachments', sha))).toEqual(bytes);
    const back = await ok(api, 'getAttachment', { id, attachmentId: sha });
    expect(Buffer.from(back.contentBase64, 'base64')).toEqual(bytes);
    // Object.prototype's names are no indicators: a plain refusal, not a crash (found by the fuzz test).
    for (const indicatorId of ['toString', '__proto__', 'constructor']) {
      expect(await failure(api, 'removeAttachment', { id, indicatorId, attachmentId: sha }), indicatorId).toMatchObject({ code: 'NOT_FOUND' });
    }
    await ok(api, 'removeAttachment', { id, indicatorId: 'hygiene.csirt.mandate', attachmentId: sha });
    const got = await ok(api, 'getAssessment', { id });
    expect(got.responses['hygiene.csirt.mandate']!.attachmentIds).toEqual([]);
    expect(await readFile(join(api.dataDir, 'attachments', sha))).toEqual(bytes);
    expect(await failure(api, 'addAttachment', { id, indicatorId: 'hygiene.csirt.mandate', fileName: 'x', mediaType: '', contentBase64: 'not base64!' })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('review, finalise and reopen', () => {
  it('reviews, makes the assessment read-only when final, and logs every later change with the reopen reason', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', base);
    await ok(api, 'updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { rating: { kind: 'level', level: 4 }, confidence: 'low', flagged: true }, base: { rating: null, confidence: null, flagged: false } });
    const review = await ok(api, 'getReview', { id });
    expect(review).toMatchObject({ flagged: ['hygiene.csirt.mandate'], lowConfidence: ['hygiene.csirt.mandate'], highWithoutEvidence: ['hygiene.csirt.mandate'] });
    expect(review.unanswered).toHaveLength(127);

    const final = await ok(api, 'finalizeAssessment', { id, by: 'A. Tanaka' });
    expect(final).toMatchObject({ status: 'final', signOff: { by: 'A. Tanaka', at: '2026-03-05T08:00:00.000Z' } });
    const revision = final.revision;
    expect(await failure(api, 'updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { notes: 'late' }, base: { notes: '' } })).toMatchObject({ code: 'READ_ONLY' });
    expect((await ok(api, 'getAssessment', { id })).revision).toBe(revision);
    expect(await failure(api, 'reopenAssessment', { id, reason: '  ', by: 'A. Tanaka' })).toMatchObject({ code: 'INVALID_INPUT' });

    const reopened = await ok(api, 'reopenAssessment', { id, reason: 'Ministry sent the 2025 decree', by: 'A. Tanaka' });
    expect(reopened).toMatchObject({ status: 'draft', reopened: { reason: 'Ministry sent the 2025 decree' } });
    await ok(api, 'updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { notes: 'Decree 2025 in force' }, base: { notes: '' } });
    const stored = await newestFile(api.dataDir, id);
    const history = (await readGeneration(api.dataDir, id, stored.revision as number)).history as Array<{ field: string; reason?: string }>;
    expect(history.filter((h) => h.field === 'status').map((h) => h.reason)).toEqual([undefined, 'Ministry sent the 2025 decree']);
    expect(history.at(-1)).toMatchObject({ field: 'response:hygiene.csirt.mandate.notes', reason: 'Ministry sent the 2025 decree' });
  });
});

describe('follow-up assessments', () => {
  it('carries team and context over from the baseline but never its ratings', async () => {
    const api = await core();
    const first = await ok(api, 'createAssessment', { ...base, team: [{ name: 'A. Tanaka', role: 'Lead' }], context: { donorSupport: {}, absorptiveCapacity: 2, notes: 'n' } });
    await ok(api, 'updateResponse', { id: first.id, indicatorId: 'hygiene.csirt.mandate', patch: { rating: { kind: 'level', level: 2 } }, base: { rating: null } });
    const second = await ok(api, 'createAssessment', { ...base, title: 'Ghana 2028', baselineId: first.id });
    expect(second).toMatchObject({ baselineId: first.id, team: [{ name: 'A. Tanaka' }], context: { absorptiveCapacity: 2 }, responses: {} });
    expect(await failure(api, 'createAssessment', { ...base, country: 'KE', baselineId: first.id })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/same country/) });
  });
});

describe('the support plan', () => {
  it('proposes programmes for gaps and stores the team’s decisions and own actions', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', base);
    for (const indicatorId of ['hygiene.csirt.mandate', 'hygiene.csirt.services', 'hygiene.csirt.staffing', 'hygiene.csirt.tools', 'hygiene.csirt.international']) {
      await ok(api, 'updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level: 1 } }, base: { rating: null } });
    }
    const plan = await ok(api, 'getPlan', { id });
    const csirt = plan.recommendations.filter((r) => r.capabilityId === 'hygiene.csirt');
    expect(csirt.length).toBeGreaterThan(0);
    const first = csirt[0]!;
    const decided = await ok(api, 'updatePlan', { id, change: { kind: 'decide', recommendationId: first.id, decision: 'rejected', note: 'Already funded', base: { decision: null } } });
    expect(decided.recommendations.find((r) => r.id === first.id)).toMatchObject({ decision: 'rejected' });
    const withAction = await ok(api, 'updatePlan', { id, change: { kind: 'saveAction', capabilityId: 'hygiene.csirt', title: 'Mentor CSIRT staff', owner: 'JICA', note: '', phase: 'short', effort: 'S' } });
    expect(withAction.recommendations.some((r) => r.kind === 'custom' && r.title === 'Mentor CSIRT staff')).toBe(true);
    expect(await failure(api, 'updatePlan', { id, change: { kind: 'decide', recommendationId: 'nope/nope', decision: 'accepted', base: { decision: null } } })).toMatchObject({ code: 'INVALID_INPUT' });
    const stored = await newestFile(api.dataDir, id);
    expect(stored.plan).toMatchObject({ decisions: { [first.id]: { decision: 'rejected', note: 'Already funded' } } });
  });
});

describe('reopening the data folder', () => {
  it('finds sessions, attachments (link and bytes), plan decisions and the team’s own actions after a restart', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', base);
    const session = { title: 'W', date: '2026-03-04', cluster: 'academia', participants: 12, organisations: 'University of Ghana', nonAttributable: false, notes: 'workshop' };
    const s = await ok(api, 'saveSession', { id, session });
    const bytes = Buffer.from('%PDF-1.4 decree kept across a restart');
    const attachment = await ok(api, 'addAttachment', { id, indicatorId: 'hygiene.csirt.mandate', fileName: 'decree.pdf', mediaType: 'application/pdf', contentBase64: bytes.toString('base64') });
    for (const indicatorId of ['hygiene.csirt.mandate', 'hygiene.csirt.services']) await ok(api, 'updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level: 1 } }, base: { rating: null } });
    const recommendation = (await ok(api, 'getPlan', { id })).recommendations.find((r) => r.kind !== 'custom')!;
    await ok(api, 'updatePlan', { id, change: { kind: 'decide', recommendationId: recommendation.id, decision: 'rejected', note: 'Already funded by the EU', base: { decision: null } } });
    await ok(api, 'updatePlan', { id, change: { kind: 'saveAction', capabilityId: 'hygiene.csirt', title: 'Mentor CSIRT staff', owner: 'JICA', note: '', phase: 'short', effort: 'S' } });
    await closeCore(api);

    const again = await core(api.dataDir);
    const reopened = await ok(again, 'getAssessment', { id });
    expect(reopened.sessions).toEqual([{ ...session, id: s.id, inputs: {} }]);
    expect(reopened.responses['hygiene.csirt.mandate']!.attachmentIds).toEqual([attachment.id]);
    expect(reopened.attachments).toEqual([attachment]);
    const back = await ok(again, 'getAttachment', { id, attachmentId: attachment.id });
    expect(Buffer.from(back.contentBase64, 'base64')).toEqual(bytes);
    const plan = await ok(again, 'getPlan', { id });
    expect(plan.recommendations.find((r) => r.id === recommendation.id)).toMatchObject({ decision: 'rejected', decisionNote: 'Already funded by the EU' });
    expect(plan.recommendations.filter((r) => r.kind === 'custom').map((r) => [r.title, r.owner])).toEqual([['Mentor CSIRT staff', 'JICA']]);
  });
});

describe('history while typing', () => {
  it('logs a typed setup field once per few minutes per author, but every discrete change', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', base);
    let seen = { donorSupport: {}, notes: '' };
    for (const notes of ['U', 'UN', 'UNO', 'UNODC']) {
      await ok(api, 'updateSetup', { id, patch: { context: { donorSupport: {}, notes } }, base: { context: seen } });
      seen = { donorSupport: {}, notes };
    }
    await ok(api, 'updateSetup', { id, patch: { mode: 'self' }, base: { mode: 'field' } });
    await ok(api, 'updateSetup', { id, patch: { mode: 'field' }, base: { mode: 'self' } });
    const history = (await ok(api, 'getAssessment', { id })).history.map((h) => h.field);
    expect(history.filter((f) => f === 'setup.context')).toHaveLength(1);
    expect(history.filter((f) => f === 'setup.mode')).toHaveLength(2);
    expect((await ok(api, 'getAssessment', { id })).context.notes).toBe('UNODC');
  });
});
