import { describe, expect, it } from 'vitest';
import { isRanked, prioritise, round2 } from '../../../core/planning/priority';
import { scoreAssessment } from '../../../core/scoring/scores';
import type { Assessment } from '../../../core/model/assessment';
import { assessmentWith, framework, level, notApplicable, rate, unknown } from './helpers';

function prioritiesOf(assessment: Assessment) {
  return prioritise({ framework, assessment, scores: scoreAssessment(framework, assessment) });
}
const find = (assessment: Assessment, capabilityId: string) => prioritiesOf(assessment).find((p) => p.capabilityId === capabilityId)!;

describe('priority = gap × importance × feasibility, by hand-checked numbers', () => {
  it('reproduces the brief’s example: levels 1 and 2, target 3, importance 3, donor extent 2 → 3.15', () => {
    // hygiene.csirt: mean(1, 2) = 1.5; target 3 → gap 1.5; framework importance 3;
    // hygiene has donor support extent 2 → ×0.7; absorptive capacity not recorded → ×1.0.
    // 1.5 × 3 × 0.7 = 3.15.
    const assessment = assessmentWith(rate('hygiene.csirt', [level(1), level(2)]), {
      context: { donorSupport: { hygiene: { extent: 2, who: 'World Bank' } }, notes: '' },
    });
    const p = find(assessment, 'hygiene.csirt');
    expect(p).toMatchObject({ domainId: 'hygiene', score: 1.5, target: 3, gap: 1.5, priority: 3.15, rank: 1 });
    expect(p.importance).toMatchObject({ value: 3, source: 'framework', explanation: 'framework weight 3 (essential)' });
    expect(p.feasibility).toMatchObject({ value: 0.7, source: 'context' });
    expect(p.feasibility.parts).toEqual([
      { kind: 'donorSupport', value: 2, multiplier: 0.7, source: 'context', who: 'World Bank' },
      { kind: 'absorptiveCapacity', value: null, multiplier: 1, source: 'default' },
    ]);
    expect(p.feasibility.explanation).toBe(
      '0.7 = other donors already support this domain (World Bank), extent 2 of 3 (substantial): avoid duplication ×0.7; absorptive capacity not recorded ×1.0 (default)',
    );
  });

  it('reproduces the assessor guide’s example: 2, 3, N/A, 2 → score 2.33, gap 0.67, importance 3, feasibility 1 → 2.0', () => {
    // The gap is used unrounded: (3 − 7/3) × 3 × 1 = 2 exactly; with 0.67 it would be 2.01.
    const assessment = assessmentWith(rate('hygiene.strategy', [level(2), level(3), notApplicable, level(2)]));
    const p = find(assessment, 'hygiene.strategy');
    expect(p.score).toBeCloseTo(2.3333, 4);
    expect(p.gap).toBeCloseTo(0.6667, 4);
    expect(p.priority).toBe(2);
    expect(p.feasibility).toMatchObject({ value: 1, source: 'default' });
    expect(p.feasibility.explanation).toBe(
      '1.0 = support by other donors in this domain not recorded ×1.0 (default); absorptive capacity not recorded ×1.0 (default)',
    );
  });

  it.each([
    // extent, absorptive capacity, expected feasibility (hand-multiplied)
    [0, 0, 0.6],
    [0, 1, 0.8],
    [0, 2, 1],
    [0, 3, 1],
    [1, 0, 0.51], // 0.85 × 0.6
    [1, 1, 0.68], // 0.85 × 0.8 (0.6799999… in binary, shown and used as 0.68)
    [2, 1, 0.56], // 0.7 × 0.8
    [2, 3, 0.7],
    [3, 0, 0.3], // 0.5 × 0.6
    [3, 2, 0.5],
  ])('donor extent %i and absorptive capacity %i give feasibility %f', (extent, capacity, expected) => {
    const assessment = assessmentWith(rate('cip.identification', [level(1), level(1), level(1), level(1)]), {
      context: { donorSupport: { cip: { extent, who: 'ADB' } }, absorptiveCapacity: capacity, notes: '' },
    });
    const p = find(assessment, 'cip.identification');
    expect(p.feasibility.value).toBe(expected);
    // cip.identification: score 1, target 3 → gap 2; importance 3 → priority 6 × feasibility.
    expect(p.priority).toBe(round2(6 * expected));
    expect(p.feasibility.source).toBe('context');
  });

  it('uses the team’s importance, with its note, over the framework weight', () => {
    const assessment = assessmentWith(rate('cybercrime.forensics', [level(1), level(2), level(2), level(1)]), {
      plan: { decisions: {}, order: [], customActions: [], importance: { 'cybercrime.forensics': { value: 3, note: 'Courts reject digital evidence' } } },
    });
    const p = find(assessment, 'cybercrime.forensics');
    // score 1.5, target 3 → gap 1.5; team importance 3 (framework 2); feasibility 1 → 4.5.
    expect(p.importance).toEqual({
      value: 3,
      source: 'team',
      note: 'Courts reject digital evidence',
      explanation: 'team adjustment 3 (essential; framework weight 2): Courts reject digital evidence',
    });
    expect(p.priority).toBe(4.5);
  });

  it('lists unrated and met capabilities without a rank, after the ranked ones in framework order', () => {
    const assessment = assessmentWith({
      ...rate('norms.cbms', [unknown, unknown, notApplicable]),
      ...rate('hygiene.strategy', [level(3), level(4)]),
      ...rate('hr.awareness', [level(2)]),
    });
    const priorities = prioritiesOf(assessment);
    expect(priorities).toHaveLength(27);
    expect(priorities[0]).toMatchObject({ capabilityId: 'hr.awareness', gap: 1, priority: 2, rank: 1 });
    expect(priorities.slice(1).every((p) => p.rank === null)).toBe(true);
    expect(priorities[1]).toMatchObject({ capabilityId: 'hygiene.strategy', score: 3.5, gap: 0, priority: 0, rank: null });
    expect(priorities.find((p) => p.capabilityId === 'norms.cbms')).toMatchObject({ score: null, gap: null, priority: 0, rank: null });
    const unrankedOrder = priorities.slice(1).map((p) => p.capabilityId);
    const frameworkOrder = framework.domains.flatMap((d) => d.capabilities.map((c) => c.id)).filter((id) => id !== 'hr.awareness');
    expect(unrankedOrder).toEqual(frameworkOrder);
  });

  it('rounds to 2 decimals without binary noise deciding the half', () => {
    expect(round2(4.5 * 0.7)).toBe(3.15);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2 / 3)).toBe(0.67);
    expect(round2(0)).toBe(0);
  });
});

describe('isRanked', () => {
  it('keeps exactly the capabilities with a rank', () => {
    const assessment = assessmentWith({ ...rate('hr.awareness', [level(2)]), ...rate('hygiene.strategy', [level(3)]) });
    const ranked = prioritiesOf(assessment).filter(isRanked);
    expect(ranked.map((p) => [p.capabilityId, p.gap.toFixed(1), p.rank])).toEqual([['hr.awareness', '1.0', 1]]);
  });
});
