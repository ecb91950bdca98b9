import type { Assessment, CountryContext, PlanState } from '../model/assessment';
import type { Framework } from '../model/framework';
import type { AssessmentScores } from '../scoring/scores';
import { targetFor } from '../scoring/scores';
import type { CapabilityPriority, FeasibilityPart, PriorityFactor, RankedCapabilityPriority } from './types';

/**
 * Design §1: others already fund this domain, so our support risks duplicating theirs.
 * Indexed by donor-support extent 0 none known, 1 some, 2 substantial, 3 extensive.
 */
export const DONOR_SUPPORT_MULTIPLIER: readonly [number, number, number, number] = [1, 0.85, 0.7, 0.5];

/**
 * Design §1 "support where support can work": a country that cannot absorb support (staff,
 * counterparts, budget to sustain it) gets less out of it. Indexed by absorptive capacity 0 none … 3 high;
 * 2 and 3 both count as able to absorb.
 */
export const ABSORPTIVE_CAPACITY_MULTIPLIER: readonly [number, number, number, number] = [0.6, 0.8, 1, 1];

const IMPORTANCE_WORDS: Record<number, string> = { 1: 'supporting', 2: 'important', 3: 'essential' };
const EXTENT_WORDS: Record<number, string> = { 0: 'none known', 1: 'some', 2: 'substantial', 3: 'extensive' };

export interface PriorityInput {
  framework: Framework;
  assessment: Pick<Assessment, 'targets' | 'context' | 'plan'>;
  scores: AssessmentScores;
}

/**
 * Priority of every capability of the framework (design §4): gap × importance × feasibility.
 * Returned ranked (priority desc, then gap desc, then framework order); capabilities with no gap
 * or no score follow, unranked, in framework order, so that reports can still list them.
 */
export function prioritise({ framework, assessment, scores }: PriorityInput): CapabilityPriority[] {
  const scoreById = new Map(scores.domains.flatMap((d) => d.capabilities.map((c) => [c.capabilityId, c.mean] as const)));
  const all = framework.domains.flatMap((domain) =>
    domain.capabilities.map((capability): CapabilityPriority => {
      const score = scoreById.get(capability.id) ?? null;
      const target = targetFor(capability, assessment);
      const gap = score === null ? null : Math.max(0, target - score);
      const importance = importanceFactor(capability.id, capability.importance, assessment.plan);
      const feasibility = feasibilityFactor(domain.id, assessment.context);
      // Gap stays unrounded (as in scoring) so that the docs' example 0.67 × 3 × 1 gives 2.0, not 2.01.
      const priority = gap === null ? 0 : round2(gap * importance.value * feasibility.value);
      return { capabilityId: capability.id, domainId: domain.id, score, target, gap, importance, feasibility, priority, rank: null };
    }),
  );
  // Framework order is the index in `all`; Array.prototype.sort is stable, so equal keys keep it.
  const ranked = all
    .filter((p) => p.gap !== null && p.gap > 0)
    .sort((a, b) => b.priority - a.priority || b.gap! - a.gap!)
    .map((p, i) => ({ ...p, rank: i + 1 }));
  const unranked = all.filter((p) => p.gap === null || p.gap <= 0);
  return [...ranked, ...unranked];
}

/** Narrows to ranked capabilities, e.g. `plan.priorities.filter(isRanked)`, whose score, gap and rank are numbers. */
export function isRanked(priority: CapabilityPriority): priority is RankedCapabilityPriority {
  return priority.rank !== null && priority.score !== null && priority.gap !== null;
}

/** The team's adjustment wins over the framework weight; its note travels with it for the report. */
export function importanceFactor(capabilityId: string, frameworkWeight: number, plan: Pick<PlanState, 'importance'>): PriorityFactor {
  const team = plan.importance[capabilityId];
  if (team) {
    return {
      value: team.value,
      source: 'team',
      explanation: `team adjustment ${team.value} (${IMPORTANCE_WORDS[team.value]}; framework weight ${frameworkWeight})${team.note.trim() ? `: ${team.note.trim()}` : ''}`,
      note: team.note,
    };
  }
  return { value: frameworkWeight, source: 'framework', explanation: `framework weight ${frameworkWeight} (${IMPORTANCE_WORDS[frameworkWeight]})` };
}

/**
 * Feasibility in (0, 1]: starts at 1 and is lowered by each context adjustment. Both parts are
 * always listed, with source 'default' where the team recorded nothing, so a report shows that
 * the factor was not forgotten but unknown.
 */
export function feasibilityFactor(domainId: string, context: CountryContext): PriorityFactor {
  const donor = context.donorSupport[domainId];
  const donorPart: FeasibilityPart = donor
    ? { kind: 'donorSupport', value: donor.extent, multiplier: DONOR_SUPPORT_MULTIPLIER[donor.extent] ?? 1, source: 'context', who: donor.who }
    : { kind: 'donorSupport', value: null, multiplier: 1, source: 'default' };
  const absorptive = context.absorptiveCapacity;
  const absorptivePart: FeasibilityPart =
    absorptive === undefined
      ? { kind: 'absorptiveCapacity', value: null, multiplier: 1, source: 'default' }
      : { kind: 'absorptiveCapacity', value: absorptive, multiplier: ABSORPTIVE_CAPACITY_MULTIPLIER[absorptive] ?? 1, source: 'context' };
  const parts = [donorPart, absorptivePart];
  // Rounded so that the factor shown equals the factor used (0.85 × 0.8 is 0.6799999… in binary).
  const value = round2(parts.reduce((product, part) => product * part.multiplier, 1));
  const source = parts.some((part) => part.source === 'context') ? 'context' : 'default';
  return { value, source, explanation: `${formatFactor(value)} = ${parts.map(describePart).join('; ')}`, parts };
}

function describePart(part: FeasibilityPart): string {
  const times = `×${formatFactor(part.multiplier)}`;
  if (part.kind === 'donorSupport') {
    if (part.value === null) return `support by other donors in this domain not recorded ${times} (default)`;
    if (part.value === 0) return `no known support by other donors in this domain ${times}`;
    const who = part.who?.trim() ? ` (${part.who.trim()})` : '';
    return `other donors already support this domain${who}, extent ${part.value} of 3 (${EXTENT_WORDS[part.value]}): avoid duplication ${times}`;
  }
  if (part.value === null) return `absorptive capacity not recorded ${times} (default)`;
  return `absorptive capacity ${part.value} of 3 ${times}`;
}

function formatFactor(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * Rounds to 2 decimals, half up (inputs are never negative), without binary noise deciding the half
 * (4.5 × 0.7 is 3.1499999… in binary; toPrecision(12) brings back 3.15 before rounding).
 */
export function round2(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}
