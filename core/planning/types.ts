import type { EffortBand, Phase } from '../model/vocabulary';

/** Where a priority factor came from, so every report can show it. */
export type FactorSource = 'framework' | 'team' | 'context' | 'default';

/**
 * One context adjustment to feasibility (design §1, §4). `value` is what the team recorded
 * (donor-support extent 0–3, absorptive capacity 0–3), null when nothing was recorded.
 */
export interface FeasibilityPart {
  kind: 'donorSupport' | 'absorptiveCapacity';
  value: number | null;
  multiplier: number;
  source: 'context' | 'default';
  /** For donor support: who already supports the domain, as the team wrote it. */
  who?: string;
}

export interface PriorityFactor {
  value: number;
  source: FactorSource;
  /** Plain words for the report, e.g. "framework weight 3 (essential)". English; the report layer localizes. */
  explanation: string;
  /** The team's reason when it adjusted the factor. */
  note?: string;
  /** Feasibility only: each context adjustment, so a report can show and localize them. */
  parts?: FeasibilityPart[];
}

/** One capability's gap and its priority = gap × importance × feasibility (design §4). */
export interface CapabilityPriority {
  capabilityId: string;
  domainId: string;
  score: number | null;
  target: number;
  /** target − score floored at 0; null when nothing in the capability is rated (then it is not prioritised). */
  gap: number | null;
  importance: PriorityFactor;
  feasibility: PriorityFactor;
  /** Rounded to 2 decimals; 0 when the gap is 0 or unknown. */
  priority: number;
  /** 1 = highest priority; capabilities without a gap (or without a score) are not ranked. */
  rank: number | null;
}

/** A capability with a score and a gap above 0: the only ones that get a rank and catalogue matches. */
export type RankedCapabilityPriority = CapabilityPriority & { score: number; gap: number; rank: number };

export interface Recommendation {
  /** "<capabilityId>/<programmeId>" for catalogue matches, the action id for the team's own actions. */
  id: string;
  kind: 'programme' | 'custom';
  capabilityId: string;
  programmeId?: string;
  /** The team's own action. */
  title?: string;
  owner?: string;
  note?: string;
  phase: Phase;
  effort?: EffortBand;
  /** Other donors already support this capability's domain (context.donorSupport extent ≥ 1). */
  donorOverlap: { extent: number; who: string } | null;
  decision: 'proposed' | 'accepted' | 'rejected';
  /** The team's note on its accept/reject decision of a catalogue match. */
  decisionNote?: string;
  /** The priority of the recommendation's capability. */
  priority: number;
}

export interface ProposedPlan {
  method: 'gap-importance-feasibility-v1';
  /** Ranked capabilities first (rank 1, 2, …), then the unranked ones in framework order. */
  priorities: CapabilityPriority[];
  /** In the team's order where it set one, else by phase then priority. */
  recommendations: Recommendation[];
  /** Count of S/M/L efforts of recommendations that are not rejected, per phase. */
  effortByPhase: Record<Phase, Record<EffortBand, number>>;
}

/** A plan with nothing in it: what reports show when no catalogue is installed. */
export function emptyProposedPlan(): ProposedPlan {
  const none = { S: 0, M: 0, L: 0 };
  return { method: 'gap-importance-feasibility-v1', priorities: [], recommendations: [], effortByPhase: { short: { ...none }, medium: { ...none }, long: { ...none } } };
}
