import type { Phase } from '../model/vocabulary';
import { phases, type decisions } from '../model/vocabulary';
import type { Recommendation } from './types';

type Decision = (typeof decisions)[number];

/** How the plan screen lays out one phase: one card per programme, or one card per capability. */
export type PlanGrouping = 'programme' | 'capability';

export interface PlanGroup {
  /**
   * 'programme': every match of one catalogue programme in this phase (one per capability it serves);
   * 'capability': every programme and own action for one capability in this phase;
   * 'action': one of the team's own actions, which belongs to no programme.
   */
  kind: 'programme' | 'capability' | 'action';
  /** The programme id, the capability id or the action id. */
  id: string;
  /** In plan order (the team's order where it set one). */
  recommendations: Recommendation[];
}

export interface PlanPhase {
  phase: Phase;
  /** Groups in the order their first recommendation has in the plan. */
  groups: PlanGroup[];
  /** How many recommendations the phase holds, over all its groups. */
  count: number;
}

/**
 * The plan's recommendations by phase, then by programme or by capability. A programme that fits
 * ten capabilities is one card, not ten (a fully rated assessment otherwise lists the same
 * programme over and over). Every phase is returned, empty or not, in roadmap order; within a
 * phase, groups and their items keep the plan order, so the team's reordering still shows.
 */
export function groupPlan(recommendations: readonly Recommendation[], by: PlanGrouping): PlanPhase[] {
  return phases.map((phase) => {
    const groups = new Map<string, PlanGroup>();
    let count = 0;
    for (const rec of recommendations) {
      if (rec.phase !== phase) continue;
      count++;
      const group = groupOf(rec, by);
      const key = `${group.kind}:${group.id}`;
      const existing = groups.get(key);
      if (existing) existing.recommendations.push(rec);
      else groups.set(key, { ...group, recommendations: [rec] });
    }
    return { phase, groups: [...groups.values()], count };
  });
}

function groupOf(rec: Recommendation, by: PlanGrouping): Omit<PlanGroup, 'recommendations'> {
  if (by === 'capability') return { kind: 'capability', id: rec.capabilityId };
  if (rec.kind === 'programme' && rec.programmeId !== undefined) return { kind: 'programme', id: rec.programmeId };
  return { kind: 'action', id: rec.id };
}

/**
 * The decide edits that give every catalogue match among `recommendations` the decision `to`
 * (null: back to proposed), each with the decision it replaces as its base. Matches that already
 * have it, and the team's own actions (removed, never decided on), are left out, so a bulk
 * decision sends only real changes, one plan edit per match.
 */
export function bulkDecisions(
  recommendations: readonly Recommendation[],
  to: Decision | null,
): Array<{ recommendationId: string; decision: Decision | null; base: { decision: Decision | null } }> {
  return recommendations
    .filter((r) => r.kind === 'programme' && (r.decision === 'proposed' ? null : r.decision) !== to)
    .map((r) => ({ recommendationId: r.id, decision: to, base: { decision: r.decision === 'proposed' ? null : r.decision } }));
}

/**
 * The plan order after moving one card of a phase up (-1) or down (+1) past its neighbour: every
 * recommendation of the card moves with it, and the items of each card end up next to each other
 * (card order elsewhere is kept). The result lists every recommendation once, as the `reorder`
 * plan edit takes it. A move past either end returns the order unchanged.
 */
export function orderAfterMove(recommendations: readonly Recommendation[], by: PlanGrouping, phase: Phase, index: number, delta: -1 | 1): string[] {
  const grouped = groupPlan(recommendations, by);
  const groups = grouped.find((p) => p.phase === phase)?.groups ?? [];
  const target = index + delta;
  if (index < 0 || index >= groups.length || target < 0 || target >= groups.length) return recommendations.map((r) => r.id);
  [groups[index], groups[target]] = [groups[target]!, groups[index]!];
  return grouped.flatMap((p) => p.groups.flatMap((g) => g.recommendations.map((r) => r.id)));
}
