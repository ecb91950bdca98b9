import type { Assessment, CountryContext } from '../model/assessment';
import type { Catalogue } from '../model/catalogue';
import type { Framework } from '../model/framework';
import type { EffortBand, Phase } from '../model/vocabulary';
import { effortBands, phases } from '../model/vocabulary';
import type { AssessmentScores } from '../scoring/scores';
import { fitsLevel, phaseFor } from './match';
import { prioritise } from './priority';
import type { CapabilityPriority, ProposedPlan, Recommendation } from './types';

export interface ProposeInput {
  framework: Framework;
  catalogue: Catalogue;
  assessment: Pick<Assessment, 'targets' | 'context' | 'plan'>;
  scores: AssessmentScores;
}

/** Id of a catalogue match; stable across recomputation so that the team's decisions stay attached. */
export function recommendationId(capabilityId: string, programmeId: string): string {
  return `${capabilityId}/${programmeId}`;
}

/**
 * Design §4: match each prioritised gap to catalogue programmes whose level range fits, phase
 * them, mark overlaps with other donors, then lay the team's plan state over the proposal.
 * The proposal is recomputed on every call and never stored: only the team's state is.
 */
export function proposePlan({ framework, catalogue, assessment, scores }: ProposeInput): ProposedPlan {
  const priorities = prioritise({ framework, assessment, scores });
  const byCapability = new Map(priorities.map((p) => [p.capabilityId, p]));
  const { plan, context } = assessment;

  const matched = priorities.flatMap((p) => programmeMatches(p, catalogue, context));
  const withDecisions = matched.map((rec): Recommendation => {
    // Decisions whose id no longer matches (scores changed) are simply not looked up; they stay in state.
    const decision = plan.decisions[rec.id];
    if (!decision) return rec;
    return decision.note === undefined ? { ...rec, decision: decision.decision } : { ...rec, decision: decision.decision, decisionNote: decision.note };
  });
  const custom = plan.customActions.map((action): Recommendation => {
    const capability = byCapability.get(action.capabilityId);
    return {
      id: action.id,
      kind: 'custom',
      capabilityId: action.capabilityId,
      title: action.title,
      owner: action.owner,
      note: action.note,
      phase: action.phase,
      ...(action.effort ? { effort: action.effort } : {}),
      donorOverlap: capability ? donorOverlap(capability.domainId, context) : null,
      // The team wrote it, so it is part of the plan; to drop it the team removes it.
      decision: 'accepted',
      priority: capability?.priority ?? 0,
    };
  });

  const recommendations = inTeamOrder(sortComputed([...withDecisions, ...custom], priorities), plan.order);
  return { method: 'gap-importance-feasibility-v1', priorities, recommendations, effortByPhase: effortByPhase(recommendations) };
}

/** Catalogue programmes, in catalogue order, that still run, address this capability and fit its level. */
function programmeMatches(priority: CapabilityPriority, catalogue: Catalogue, context: CountryContext): Recommendation[] {
  const { score, gap, capabilityId } = priority;
  // Unrated (gap null) and met (gap 0) capabilities are not prioritised, so nothing is proposed for them.
  if (score === null || gap === null || gap <= 0) return [];
  const overlap = donorOverlap(priority.domainId, context);
  return catalogue.programmes
    .filter((programme) => programme.status !== 'past' && programme.capabilities.includes(capabilityId) && fitsLevel(programme, score))
    .map((programme): Recommendation => ({
      id: recommendationId(capabilityId, programme.id),
      kind: 'programme',
      capabilityId,
      programmeId: programme.id,
      phase: phaseFor(programme.effort, gap),
      effort: programme.effort,
      donorOverlap: overlap,
      decision: 'proposed',
      priority: priority.priority,
    }));
}

function donorOverlap(domainId: string, context: CountryContext): Recommendation['donorOverlap'] {
  const support = context.donorSupport[domainId];
  return support && support.extent >= 1 ? { extent: support.extent, who: support.who } : null;
}

/**
 * Computed order: phase short → medium → long, then by the capability's place in the ranking
 * (priority desc, gap desc, framework order), then catalogue matches before the team's own
 * actions, each in its given order (catalogue order, creation order). The sort is stable.
 */
function sortComputed(recommendations: Recommendation[], priorities: readonly CapabilityPriority[]): Recommendation[] {
  const position = new Map(priorities.map((p, i) => [p.capabilityId, i]));
  // Actions on a capability the framework no longer has go last within their phase.
  const placeOf = (rec: Recommendation) => position.get(rec.capabilityId) ?? priorities.length;
  return [...recommendations].sort(
    (a, b) =>
      phases.indexOf(a.phase) - phases.indexOf(b.phase) ||
      b.priority - a.priority ||
      placeOf(a) - placeOf(b) ||
      Number(a.kind === 'custom') - Number(b.kind === 'custom'),
  );
}

/** The ids the team ordered come first in its order; ids it listed that no longer exist are skipped. */
function inTeamOrder(recommendations: Recommendation[], order: readonly string[]): Recommendation[] {
  const byId = new Map(recommendations.map((r) => [r.id, r]));
  const pinned: Recommendation[] = [];
  const seen = new Set<string>();
  for (const id of order) {
    const rec = byId.get(id);
    if (!rec || seen.has(id)) continue;
    seen.add(id);
    pinned.push(rec);
  }
  return [...pinned, ...recommendations.filter((r) => !seen.has(r.id))];
}

/** Effort bands of everything still in the plan; rejected matches and effort-less actions do not count. */
function effortByPhase(recommendations: readonly Recommendation[]): Record<Phase, Record<EffortBand, number>> {
  const counts = Object.fromEntries(phases.map((phase) => [phase, Object.fromEntries(effortBands.map((band) => [band, 0]))])) as Record<
    Phase,
    Record<EffortBand, number>
  >;
  for (const rec of recommendations) {
    if (rec.decision === 'rejected' || !rec.effort) continue;
    counts[rec.phase][rec.effort]++;
  }
  return counts;
}
