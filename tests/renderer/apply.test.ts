import { describe, expect, it } from 'vitest';
import type { InterviewSession } from '../../core/model/assessment';
import { applyInput, applyResponsePatch, applySession } from '../../renderer/workspace/apply';

const session: InterviewSession = {
  id: 'session-1',
  title: 'CSIRT',
  date: '2025-03-11',
  cluster: 'csirt',
  participants: 4,
  organisations: '',
  nonAttributable: false,
  notes: '',
  inputs: { 'a.b.c': { note: 'old', level: 2, updatedAt: '2025-03-11T10:00:00.000Z', updatedBy: 'A' } },
};

/** The screen applies edits itself before the core answers; it must make the same change the core makes. */
describe('edits applied on screen', () => {
  it('sets and clears rating and confidence, keeping the rest', () => {
    const rated = applyResponsePatch(undefined, { rating: { kind: 'level', level: 3 }, confidence: 'high', notes: 'seen' });
    expect(rated).toMatchObject({ rating: { kind: 'level', level: 3 }, confidence: 'high', notes: 'seen', flagged: false, attachmentIds: [] });
    const cleared = applyResponsePatch(rated, { rating: null, confidence: null });
    expect(cleared.rating).toBeUndefined();
    expect(cleared.confidence).toBeUndefined();
    expect(cleared.notes).toBe('seen');
    expect(applyResponsePatch(cleared, { sessionIds: ['session-1'], flagged: true })).toMatchObject({ sessionIds: ['session-1'], flagged: true });
  });

  it('replaces, levels and removes a session input', () => {
    expect(applyInput(session, 'a.b.c', { note: 'new', level: null }).inputs['a.b.c']).toEqual({ note: 'new', updatedAt: '2025-03-11T10:00:00.000Z', updatedBy: 'A' });
    expect(applyInput(session, 'x.y.z', { note: '', level: 4 }).inputs['x.y.z']).toMatchObject({ note: '', level: 4 });
    expect(applyInput(session, 'a.b.c', null).inputs).toEqual({});
    expect(session.inputs['a.b.c']?.note).toBe('old');
  });

  it('updates session details without touching its inputs', () => {
    const next = applySession(session, { sessionId: 'session-1', title: 'CSIRT team', date: '2025-03-12', cluster: 'csirt', participants: 5, organisations: 'KE-CIRT', nonAttributable: true, notes: 'n' });
    expect(next).toMatchObject({ id: 'session-1', title: 'CSIRT team', participants: 5, nonAttributable: true, inputs: session.inputs });
  });
});
