import { describe, expect, it } from 'vitest';
import { importSigner, planValue } from '../../../core/portfolio/facts';
import { sortRows } from '../../../core/portfolio/portfolio';
import type { PortfolioRow } from '../../../core/portfolio/types';
import type { CapabilityPriority, ProposedPlan, Recommendation } from '../../../core/planning/types';
import { emptyProposedPlan } from '../../../core/planning/types';

function priority(capabilityId: string, score: number, target: number, importance: number): CapabilityPriority {
  const factor = { value: importance, source: 'framework' as const, explanation: '' };
  return { capabilityId, domainId: 'd', score, target, gap: Math.max(0, target - score), importance: factor, feasibility: { ...factor, value: 1 }, priority: 0, rank: 1 };
}

function rec(id: string, capabilityId: string, decision: Recommendation['decision'], extra: Partial<Recommendation> = {}): Recommendation {
  return { id, kind: 'programme', capabilityId, phase: 'short', donorOverlap: null, decision, priority: 1, ...extra };
}

describe('the plan’s value for its effort', () => {
  it('counts accepted actions only: gap closed up to the programme’s upper level or the target, × importance; every action’s effort', () => {
    const plan: ProposedPlan = {
      ...emptyProposedPlan(),
      priorities: [priority('csirt', 1.5, 4, 3), priority('law', 2, 3, 2), priority('skills', 1, 3, 1)],
      recommendations: [
        // csirt: up to level 3 → closes 1.5 of the 2.5 gap; a second programme up to 5 is capped at the target: closes 2.5 — the larger counts once.
        rec('csirt/p3', 'csirt', 'accepted', { programmeId: 'p3', effort: 'M' }),
        rec('csirt/p5', 'csirt', 'accepted', { programmeId: 'p5', effort: 'L' }),
        // law: the team's own action aims at the target: closes 1; no band counts M.
        rec('a-1', 'law', 'accepted', { kind: 'custom' }),
        // skills: proposed and rejected matches count for nothing.
        rec('skills/p3', 'skills', 'proposed', { programmeId: 'p3', effort: 'S' }),
        rec('skills/p5', 'skills', 'rejected', { programmeId: 'p5', effort: 'S' }),
      ],
    };
    const catalogue = { programmes: [{ id: 'p3', toLevel: 3 }, { id: 'p5', toLevel: 5 }] } as unknown as Parameters<typeof planValue>[1];
    // value = 2.5 × 3 + 1 × 2 = 9.5; effort = M 2 + L 3 + M 2 = 7.
    expect(planValue(plan, catalogue, { S: 1, M: 2, L: 3 })).toEqual({ value: 9.5, effort: 7 });
    expect(planValue({ ...plan, recommendations: plan.recommendations.slice(3) }, catalogue, { S: 1, M: 2, L: 3 })).toBeNull();
  });

  it('the signer is the last import’s; an assessment made here has none', () => {
    const entry = (signer: string) => ({ at: '2026-01-01T00:00:00.000Z', by: 'HQ', field: 'import', from: null, to: { signer, installation: `laptop ${signer}` } });
    expect(importSigner([entry('A'), { at: '2026-01-02T00:00:00.000Z', by: 'x', field: 'status', from: 'draft', to: 'final' }, entry('B')])).toEqual({ fingerprint: 'B', installation: 'laptop B' });
    expect(importSigner([{ at: '2026-01-01T00:00:00.000Z', by: 'x', field: 'created', from: null, to: 'T' }])).toBeNull();
  });
});

describe('sorting the portfolio', () => {
  const row = (id: string, overall: number | null): PortfolioRow => ({ id, country: 'VN', title: id, overall } as PortfolioRow);
  it('puts rows without a value last in either direction', () => {
    const rows = [row('a', 2), row('b', null), row('c', 3.5), row('d', 1)];
    expect(sortRows(rows, 'overall', 'asc').map((r) => r.id)).toEqual(['d', 'a', 'c', 'b']);
    expect(sortRows(rows, 'overall', 'desc').map((r) => r.id)).toEqual(['c', 'a', 'd', 'b']);
  });
});
