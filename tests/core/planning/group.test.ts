import { describe, expect, it } from 'vitest';
import { emptyPlan } from '../../../core/model/assessment';
import { bulkDecisions, groupPlan, orderAfterMove } from '../../../core/planning/group';
import type { Recommendation } from '../../../core/planning/types';
import { response } from '../fixtures';
import { assessmentWith, framework, level, planOf } from './helpers';

/** Every indicator of the framework at level 2: score 2 everywhere, the full-size plan a finished assessment gets. */
const allTwo = assessmentWith(Object.fromEntries(framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators.map((i) => [i.id, response(level(2))])))));

describe('grouping the plan by programme', () => {
  /*
   * Worked from the frozen 1.0.0 catalogue: at score 2 every programme in it fits
   * (fromLevel ≤ 2 < toLevel, all running), and only capabilities with target 3 have a gap, of 1,
   * so the phase follows the effort alone: S short, M medium, L long. Capabilities served:
   *   short (14 programmes, 55 matches): ajccbc-cyder 5, ajccbc-forensics 4, ajccbc-malware-analysis 3,
   *     ajccbc-youth-challenge 3, icscoe-ics-week 4, jica-group-training-cybercrime 5,
   *     unafei-cybercrime-course 3, asean-japan-cybercrime-dialogue 4, asean-japan-exercises 6,
   *     asean-japan-awareness 2, asean-japan-ciip-guidelines 4, arf-cbm-workshops 2,
   *     bilateral-cyber-dialogue 3, gfce-clearing-house 7
   *   medium (5, 18): icscoe-core-programme 3, jica-expert-csirt 4, unodc-gpc 7, interpol-asean-cyber 3, worldbank-mdtf-assessment 1
   *   long (4, 23): jica-technical-cooperation 10, jica-hr-higher-education 3, worldbank-mdtf-ta 7, itu-cirt-programme 3
   * 96 cards one per match become 23, one per programme.
   */
  const plan = planOf(allTwo);

  it('makes one card per programme per phase, listing every capability it serves', () => {
    const grouped = groupPlan(plan.recommendations, 'programme');
    expect(plan.recommendations).toHaveLength(96);
    expect(grouped.map((p) => [p.phase, p.count, p.groups.length])).toEqual([
      ['short', 55, 14],
      ['medium', 18, 5],
      ['long', 23, 4],
    ]);
    const sizes = (phase: number) => Object.fromEntries(grouped[phase]!.groups.map((g) => [g.id, g.recommendations.length]));
    expect(sizes(0)).toEqual({
      'ajccbc-cyder': 5,
      'ajccbc-forensics': 4,
      'ajccbc-malware-analysis': 3,
      'ajccbc-youth-challenge': 3,
      'icscoe-ics-week': 4,
      'jica-group-training-cybercrime': 5,
      'unafei-cybercrime-course': 3,
      'asean-japan-cybercrime-dialogue': 4,
      'asean-japan-exercises': 6,
      'asean-japan-awareness': 2,
      'asean-japan-ciip-guidelines': 4,
      'arf-cbm-workshops': 2,
      'bilateral-cyber-dialogue': 3,
      'gfce-clearing-house': 7,
    });
    expect(sizes(1)).toEqual({ 'icscoe-core-programme': 3, 'jica-expert-csirt': 4, 'unodc-gpc': 7, 'interpol-asean-cyber': 3, 'worldbank-mdtf-assessment': 1 });
    expect(sizes(2)).toEqual({ 'jica-technical-cooperation': 10, 'jica-hr-higher-education': 3, 'worldbank-mdtf-ta': 7, 'itu-cirt-programme': 3 });
    const jica = grouped[2]!.groups.find((g) => g.id === 'jica-technical-cooperation')!;
    expect(jica.kind).toBe('programme');
    expect(new Set(jica.recommendations.map((r) => r.capabilityId)).size).toBe(10);
  });

  it('by capability, makes one card per capability per phase holding its programmes and own actions', () => {
    const withAction = planOf(allTwo, { ...emptyPlan(), customActions: [{ id: 'action-0001', capabilityId: 'hygiene.csirt', title: 'Staff rota', owner: '', note: '', phase: 'long' }] });
    const long = groupPlan(withAction.recommendations, 'capability')[2]!;
    const csirt = long.groups.find((g) => g.id === 'hygiene.csirt')!;
    expect(csirt.kind).toBe('capability');
    expect(csirt.recommendations.map((r) => r.programmeId ?? r.title)).toEqual(expect.arrayContaining(['jica-technical-cooperation', 'Staff rota']));
    expect(long.groups.every((g) => g.recommendations.every((r) => r.capabilityId === g.id && r.phase === 'long'))).toBe(true);
  });

  it('keeps the team’s own actions as cards of their own and follows the team’s order', () => {
    const actions = [{ id: 'action-0001', capabilityId: 'hygiene.csirt', title: 'Staff rota', owner: '', note: '', phase: 'short' as const }];
    const base = planOf(allTwo, { ...emptyPlan(), customActions: actions });
    const exercises = base.recommendations.filter((r) => r.programmeId === 'asean-japan-exercises').map((r) => r.id);
    // The team put the action first, then one exercise match: groups follow their first item.
    const ordered = planOf(allTwo, { ...emptyPlan(), customActions: actions, order: ['action-0001', exercises[3]!] });
    const short = groupPlan(ordered.recommendations, 'programme')[0]!;
    expect(short.groups.slice(0, 2).map((g) => [g.kind, g.id])).toEqual([
      ['action', 'action-0001'],
      ['programme', 'asean-japan-exercises'],
    ]);
    expect(short.groups[1]!.recommendations[0]!.id).toBe(exercises[3]);
  });

  it('returns all three phases, empty ones included, for an empty plan', () => {
    expect(groupPlan([], 'programme')).toEqual([
      { phase: 'short', groups: [], count: 0 },
      { phase: 'medium', groups: [], count: 0 },
      { phase: 'long', groups: [], count: 0 },
    ]);
  });
});

describe('bulk decisions', () => {
  const rec = (id: string, decision: Recommendation['decision'], kind: Recommendation['kind'] = 'programme'): Recommendation => ({
    id,
    kind,
    capabilityId: 'hygiene.csirt',
    phase: 'short',
    donorOverlap: null,
    decision,
    priority: 1,
  });

  it('sends one edit per match that changes, each with the decision it replaces', () => {
    const items = [rec('a/p', 'proposed'), rec('b/p', 'accepted'), rec('c/p', 'rejected'), rec('action-1', 'accepted', 'custom')];
    expect(bulkDecisions(items, 'accepted')).toEqual([
      { recommendationId: 'a/p', decision: 'accepted', base: { decision: null } },
      { recommendationId: 'c/p', decision: 'accepted', base: { decision: 'rejected' } },
    ]);
    expect(bulkDecisions(items, null).map((d) => d.recommendationId)).toEqual(['b/p', 'c/p']);
    expect(bulkDecisions([rec('b/p', 'accepted')], 'accepted')).toEqual([]);
  });
});

describe('moving a card', () => {
  const actions = [
    { id: 'action-0001', capabilityId: 'hygiene.csirt', title: 'Staff rota', owner: '', note: '', phase: 'medium' as const },
    { id: 'action-0002', capabilityId: 'hr.workforce', title: 'Hire two analysts', owner: '', note: '', phase: 'medium' as const },
  ];
  const plan = planOf(assessmentWith({}), { ...emptyPlan(), customActions: actions });
  const withCatalogue = planOf(allTwo, { ...emptyPlan(), customActions: actions });

  it('moves every item of the card together and keeps the other phases as they are', () => {
    expect(orderAfterMove(plan.recommendations, 'programme', 'medium', 1, -1)).toEqual(['action-0002', 'action-0001']);
    const before = groupPlan(withCatalogue.recommendations, 'programme');
    const order = orderAfterMove(withCatalogue.recommendations, 'programme', 'long', 0, 1);
    expect(order).toHaveLength(withCatalogue.recommendations.length);
    const firstTwo = before[2]!.groups.slice(0, 2);
    const ids = (phases: ReturnType<typeof groupPlan>, i: number) => phases[i]!.groups.map((g) => g.id);
    const after = groupPlan([...withCatalogue.recommendations].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)), 'programme');
    expect([ids(after, 0), ids(after, 1)]).toEqual([ids(before, 0), ids(before, 1)]);
    expect(ids(after, 2).slice(0, 2)).toEqual([firstTwo[1]!.id, firstTwo[0]!.id]);
    // Applied as the team's order, the proposal now shows the second card first.
    const reordered = planOf(allTwo, { ...emptyPlan(), customActions: actions, order });
    expect(groupPlan(reordered.recommendations, 'programme')[2]!.groups.slice(0, 2).map((g) => g.id)).toEqual([firstTwo[1]!.id, firstTwo[0]!.id]);
  });

  it('changes nothing when the card is already at the end it is moved towards', () => {
    const ids = plan.recommendations.map((r) => r.id);
    expect(orderAfterMove(plan.recommendations, 'programme', 'medium', 0, -1)).toEqual(ids);
    expect(orderAfterMove(plan.recommendations, 'programme', 'medium', 1, 1)).toEqual(ids);
  });
});
