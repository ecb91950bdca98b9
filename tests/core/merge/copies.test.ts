import { describe, expect, it } from 'vitest';
import { mergeAssessments } from '../../../core/merge/merge';
import type { InterviewSession } from '../../../core/model/assessment';
import { assessmentFor, response, shippedFramework } from '../fixtures';

const framework = shippedFramework('1.1.0');
const session = (notes: string): InterviewSession => ({ id: 'shared-session', title: 'CSIRT visit', date: '2026-03-03', cluster: 'csirt', participants: 4, organisations: 'CSIRT', nonAttributable: false, notes, inputs: {} });
const services = { id: 'merged-0001', at: '2026-03-05T08:00:00.000Z', by: 'HQ', newId: () => 'renamed-0001' };

/** Two team members' copies of one assessment (imported as a diverged copy) share session ids. */
describe('merging two copies of one assessment', () => {
  it('keeps a session both copies hold unchanged once, and a session edited apart under a new id that the copy’s ratings follow', () => {
    const indicatorId = 'hygiene.csirt.mandate';
    const same = session('Met the head of the CSIRT.');
    const left = assessmentFor(framework, { [indicatorId]: response({ kind: 'level', level: 3 }, { sessionIds: [same.id] }) }, { id: 'copy-left-01', sessions: [same] });
    const edited = { ...same, notes: 'Met the head of the CSIRT and two analysts.' };
    const right = assessmentFor(framework, { 'hygiene.csirt.services': response({ kind: 'level', level: 2 }, { sessionIds: [edited.id] }) }, { id: 'copy-right-1', sessions: [edited] });

    const merged = mergeAssessments(framework, left, right, { title: 'Merged', choices: {} }, services);
    expect(merged.sessions.map((s) => [s.id, s.notes])).toEqual([
      ['shared-session', 'Met the head of the CSIRT.'],
      ['renamed-0001', 'Met the head of the CSIRT and two analysts.'],
    ]);
    expect(merged.responses[indicatorId]!.sessionIds).toEqual(['shared-session']);
    expect(merged.responses['hygiene.csirt.services']!.sessionIds).toEqual(['renamed-0001']);

    const identical = mergeAssessments(framework, left, { ...right, sessions: [same] }, { title: 'Merged', choices: {} }, services);
    expect(identical.sessions).toEqual([same]);
  });
});
