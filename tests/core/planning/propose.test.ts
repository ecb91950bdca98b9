import { describe, expect, it } from 'vitest';
import type { PlanState } from '../../../core/model/assessment';
import { emptyPlan } from '../../../core/model/assessment';
import { fitsLevel, phaseFor } from '../../../core/planning/match';
import { assessmentWith, level, notApplicable, planOf, rate, unknown } from './helpers';

/**
 * One assessment on the real CCAT 1.0.0 framework and the catalogue shipped with it (frozen in
 * tests/fixtures/catalogue); every number below is worked
 * out by hand from the data files.
 *
 * Context: hygiene donor extent 2 (×0.7), cybercrime extent 1 (×0.85), cip extent 0 (×1),
 * hr and norms not recorded (×1); absorptive capacity 1 (×0.8) everywhere.
 *
 * | capability                | ratings          | score | target | gap | importance | feasibility | priority | rank |
 * | hr.workforce              | 2 2 2 2          | 2     | 5 team | 3   | 3 fw       | 0.8         | 7.2      | 1    |
 * | hygiene.csirt             | 1 2 unknown N/A  | 1.5   | 3      | 1.5 | 3 fw       | 0.56        | 2.52     | 2    |
 * | cybercrime.procedural-law | 2 2 2 2          | 2     | 4 team | 2   | 1 team     | 0.68        | 1.36     | 3    |
 * | hr.research-industry      | 1 1 1 1          | 1     | 2      | 1   | 1 fw       | 0.8         | 0.8      | 4 (tie: larger gap) |
 * | cip.ics-ot                | 2 2 3 3          | 2.5   | 3      | 0.5 | 2 fw       | 0.8         | 0.8      | 5 (tie: framework order) |
 * | cip.exercises-sharing     | 2 3 – –          | 2.5   | 3      | 0.5 | 2 fw       | 0.8         | 0.8      | 6    |
 * | hygiene.strategy          | 3 3 4 3          | 3.25  | 3      | 0   | 3 fw       | 0.56        | 0        | –    |
 * | norms.cbms                | unknown ×4       | –     | 3      | –   | 3 fw       | 0.8         | 0        | –    |
 */
const assessment = assessmentWith(
  {
    ...rate('hr.workforce', [level(2), level(2), level(2), level(2)]),
    ...rate('hygiene.csirt', [level(1), level(2), unknown, notApplicable]),
    ...rate('cybercrime.procedural-law', [level(2), level(2), level(2), level(2)]),
    ...rate('hr.research-industry', [level(1), level(1), level(1), level(1)]),
    ...rate('cip.ics-ot', [level(2), level(2), level(3), level(3)]),
    ...rate('cip.exercises-sharing', [level(2), level(3)]),
    ...rate('hygiene.strategy', [level(3), level(3), level(4), level(3)]),
    ...rate('norms.cbms', [unknown, unknown, unknown, unknown]),
  },
  {
    targets: { 'hr.workforce': 5, 'cybercrime.procedural-law': 4 },
    context: {
      donorSupport: {
        hygiene: { extent: 2, who: 'World Bank, EU' },
        cybercrime: { extent: 1, who: 'UNODC' },
        cip: { extent: 0, who: '' },
      },
      absorptiveCapacity: 1,
      notes: '',
    },
    plan: { ...emptyPlan(), importance: { 'cybercrime.procedural-law': { value: 1, note: 'Law reform already under way' } } },
  },
);

const hygieneOverlap = { extent: 2, who: 'World Bank, EU' };
const cybercrimeOverlap = { extent: 1, who: 'UNODC' };

/**
 * The computed order without team state: phase, then priority, then capability rank, then
 * catalogue order. Phase is the later of the effort's (S short, M medium, L long) and the gap's
 * (≤ 1 short, ≤ 2 medium, more long).
 */
const computed: Array<[id: string, phase: string, effort: string, priority: number]> = [
  ['hr.research-industry/asean-japan-awareness', 'short', 'S', 0.8], // S, gap 1
  ['hr.research-industry/gfce-clearing-house', 'short', 'S', 0.8],
  ['cip.ics-ot/icscoe-ics-week', 'short', 'S', 0.8], // S, gap 0.5
  ['cip.exercises-sharing/ajccbc-cyder', 'short', 'S', 0.8],
  ['cip.exercises-sharing/asean-japan-exercises', 'short', 'S', 0.8],
  ['cip.exercises-sharing/asean-japan-ciip-guidelines', 'short', 'S', 0.8],
  ['hygiene.csirt/ajccbc-cyder', 'medium', 'S', 2.52], // S, but gap 1.5 → medium
  ['hygiene.csirt/jica-expert-csirt', 'medium', 'M', 2.52],
  ['hygiene.csirt/gfce-clearing-house', 'medium', 'S', 2.52],
  ['cybercrime.procedural-law/jica-group-training-cybercrime', 'medium', 'S', 1.36], // gap 2 → medium
  ['cybercrime.procedural-law/unodc-gpc', 'medium', 'M', 1.36],
  ['cybercrime.procedural-law/unafei-cybercrime-course', 'medium', 'S', 1.36],
  ['cybercrime.procedural-law/asean-japan-cybercrime-dialogue', 'medium', 'S', 1.36],
  ['cybercrime.procedural-law/gfce-clearing-house', 'medium', 'S', 1.36],
  ['cip.ics-ot/icscoe-core-programme', 'medium', 'M', 0.8], // M, gap 0.5 → medium
  ['hr.workforce/ajccbc-youth-challenge', 'long', 'S', 7.2], // gap 3 → long whatever the effort
  ['hr.workforce/icscoe-core-programme', 'long', 'M', 7.2],
  ['hr.workforce/jica-technical-cooperation', 'long', 'L', 7.2],
  ['hr.workforce/jica-hr-higher-education', 'long', 'L', 7.2],
  ['hr.workforce/worldbank-mdtf-ta', 'long', 'L', 7.2],
  ['hr.workforce/gfce-clearing-house', 'long', 'S', 7.2],
  ['hygiene.csirt/jica-technical-cooperation', 'long', 'L', 2.52], // L → long
  ['hygiene.csirt/itu-cirt-programme', 'long', 'L', 2.52],
  ['hr.research-industry/jica-hr-higher-education', 'long', 'L', 0.8], // L, gap 1 → long
];

describe('proposePlan on CCAT 1.0.0, by hand-checked numbers', () => {
  const plan = planOf(assessment);

  it('ranks the capabilities', () => {
    expect(plan.method).toBe('gap-importance-feasibility-v1');
    expect(plan.priorities.slice(0, 6).map((p) => [p.capabilityId, p.gap, p.importance.value, p.feasibility.value, p.priority, p.rank])).toEqual([
      ['hr.workforce', 3, 3, 0.8, 7.2, 1],
      ['hygiene.csirt', 1.5, 3, 0.56, 2.52, 2],
      ['cybercrime.procedural-law', 2, 1, 0.68, 1.36, 3],
      ['hr.research-industry', 1, 1, 0.8, 0.8, 4],
      ['cip.ics-ot', 0.5, 2, 0.8, 0.8, 5],
      ['cip.exercises-sharing', 0.5, 2, 0.8, 0.8, 6],
    ]);
    expect(plan.priorities.slice(6).every((p) => p.rank === null)).toBe(true);
    expect(plan.priorities.find((p) => p.capabilityId === 'hygiene.strategy')).toMatchObject({ score: 3.25, gap: 0, priority: 0 });
    expect(plan.priorities.find((p) => p.capabilityId === 'norms.cbms')).toMatchObject({ score: null, gap: null, priority: 0 });
    expect(plan.priorities.find((p) => p.capabilityId === 'cybercrime.procedural-law')!.importance).toMatchObject({
      source: 'team',
      note: 'Law reform already under way',
    });
  });

  it('matches programmes by capability and level range, phases them and orders them', () => {
    expect(plan.recommendations.map((r) => [r.id, r.phase, r.effort, r.priority])).toEqual(computed);
    expect(plan.recommendations.every((r) => r.kind === 'programme' && r.decision === 'proposed')).toBe(true);
    expect(plan.recommendations[0]).toMatchObject({ capabilityId: 'hr.research-industry', programmeId: 'asean-japan-awareness' });
  });

  it('leaves out programmes whose range does not fit', () => {
    const ids = new Set(plan.recommendations.map((r) => r.id));
    // hygiene.csirt at 1.5 has only reached level 1: the 2→4 and 2→3 courses come later.
    expect(ids.has('hygiene.csirt/ajccbc-malware-analysis')).toBe(false);
    expect(ids.has('hygiene.csirt/ajccbc-forensics')).toBe(false);
    expect(ids.has('hygiene.csirt/asean-japan-exercises')).toBe(false);
    // hr.research-industry at 1: World Bank TA starts at 2.
    expect(ids.has('hr.research-industry/worldbank-mdtf-ta')).toBe(false);
    // Nothing for met (hygiene.strategy) or unrated (norms.cbms) capabilities.
    expect([...ids].some((id) => id.startsWith('hygiene.strategy/') || id.startsWith('norms.cbms/'))).toBe(false);
  });

  it('marks overlaps with other donors from the domain’s donor support (extent ≥ 1 only)', () => {
    const overlap = (id: string) => plan.recommendations.find((r) => r.id === id)!.donorOverlap;
    expect(overlap('hygiene.csirt/ajccbc-cyder')).toEqual(hygieneOverlap);
    expect(overlap('cybercrime.procedural-law/unodc-gpc')).toEqual(cybercrimeOverlap);
    expect(overlap('cip.ics-ot/icscoe-ics-week')).toBeNull(); // extent 0
    expect(overlap('hr.workforce/gfce-clearing-house')).toBeNull(); // not recorded
  });

  it('counts efforts per phase', () => {
    expect(plan.effortByPhase).toEqual({
      short: { S: 6, M: 0, L: 0 },
      medium: { S: 6, M: 3, L: 0 },
      long: { S: 2, M: 1, L: 6 },
    });
  });

  describe('with the team’s plan state', () => {
    const state: PlanState = {
      ...assessment.plan,
      decisions: {
        'hygiene.csirt/itu-cirt-programme': { decision: 'rejected', note: 'ITU project already running' },
        'cybercrime.procedural-law/unodc-gpc': { decision: 'accepted' },
        // hygiene.strategy has no gap any more: this decision is ignored but stays in the state.
        'hygiene.strategy/gfce-clearing-house': { decision: 'accepted' },
      },
      customActions: [
        { id: 'action-0001', capabilityId: 'hygiene.csirt', title: 'Second CSIRT staff to JPCERT/CC', owner: 'JICA', note: '', phase: 'short', effort: 'M' },
        { id: 'action-0002', capabilityId: 'norms.cbms', title: 'Nominate a UN point of contact', owner: 'MOFA', note: 'Ask at the next ARF', phase: 'long' },
      ],
      order: ['hr.research-industry/gfce-clearing-house', 'hygiene.strategy/gfce-clearing-house', 'action-0002'],
    };
    const teamPlan = planOf(assessment, state);

    it('puts the team’s order first, skipping ids that no longer exist, then the computed order', () => {
      const rest = computed.map(([id]) => id).filter((id) => id !== 'hr.research-industry/gfce-clearing-house');
      // action-0001 (short, priority 2.52) leads the short-term items, which all have priority 0.8.
      rest.splice(0, 0, 'action-0001');
      expect(teamPlan.recommendations.map((r) => r.id)).toEqual(['hr.research-industry/gfce-clearing-house', 'action-0002', ...rest]);
    });

    it('applies decisions and adds the team’s actions as accepted', () => {
      const byId = new Map(teamPlan.recommendations.map((r) => [r.id, r]));
      expect(byId.get('hygiene.csirt/itu-cirt-programme')).toMatchObject({ decision: 'rejected', decisionNote: 'ITU project already running' });
      expect(byId.get('cybercrime.procedural-law/unodc-gpc')).toMatchObject({ decision: 'accepted' });
      expect(byId.get('hygiene.csirt/ajccbc-cyder')).toMatchObject({ decision: 'proposed' });
      expect(byId.get('action-0001')).toEqual({
        id: 'action-0001',
        kind: 'custom',
        capabilityId: 'hygiene.csirt',
        title: 'Second CSIRT staff to JPCERT/CC',
        owner: 'JICA',
        note: '',
        phase: 'short',
        effort: 'M',
        donorOverlap: hygieneOverlap,
        decision: 'accepted',
        priority: 2.52,
      });
      expect(byId.get('action-0002')).toMatchObject({ kind: 'custom', phase: 'long', decision: 'accepted', priority: 0, donorOverlap: null });
      expect(byId.get('action-0002')?.effort).toBeUndefined();
    });

    it('counts the action’s effort, not the rejected match nor effort-less actions', () => {
      expect(teamPlan.effortByPhase).toEqual({
        short: { S: 6, M: 1, L: 0 }, // + action-0001 (M)
        medium: { S: 6, M: 3, L: 0 },
        long: { S: 2, M: 1, L: 5 }, // − itu-cirt-programme (L, rejected); action-0002 has no effort
      });
    });

    it('leaves priorities as they were', () => {
      expect(teamPlan.priorities).toEqual(plan.priorities);
    });
  });
});

describe('the matching rules', () => {
  it.each([
    // fromLevel, toLevel, score, fits
    [1, 3, 1, true],
    [1, 3, 1.5, true],
    [2, 4, 1.75, false], // level 2 not reached yet
    [2, 4, 2, true],
    [1, 3, 2.75, true],
    [1, 3, 3, false], // cannot lift it any further
    [2, 3, 2.5, true],
  ])('a %i→%i programme for score %f fits: %s', (fromLevel, toLevel, score, fits) => {
    expect(fitsLevel({ fromLevel, toLevel }, score)).toBe(fits);
  });

  it.each([
    ['S', 0.5, 'short'],
    ['S', 1, 'short'],
    ['S', 1.5, 'medium'],
    ['S', 3, 'long'],
    ['M', 0.5, 'medium'],
    ['M', 2, 'medium'],
    ['M', 2.25, 'long'],
    ['L', 1, 'long'],
  ] as const)('effort %s with gap %f is %s term', (effort, gap, phase) => {
    expect(phaseFor(effort, gap)).toBe(phase);
  });
});
