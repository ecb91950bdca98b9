import { IMPORT_FIELD } from '../bundle/lineage';
import type { Assessment } from '../model/assessment';
import type { Catalogue } from '../model/catalogue';
import type { EffortBand } from '../model/vocabulary';
import type { ProposedPlan } from '../planning/types';
import type { AssessmentScores } from '../scoring/scores';
import type { CapabilityGap, SignerInfo } from './types';

/** How many of the largest capability gaps the index keeps per assessment. */
export const GAPS_KEPT = 5;

/** The largest capability gaps, largest first; ties in framework order. */
export function largestGaps(scores: AssessmentScores): CapabilityGap[] {
  return scores.domains
    .flatMap((d) => d.capabilities)
    .flatMap((c) => (c.gap !== null && c.gap > 0 ? [{ capabilityId: c.capabilityId, domainId: c.domainId, gap: c.gap }] : []))
    .sort((a, b) => b.gap - a.gap)
    .slice(0, GAPS_KEPT);
}

/** Who signed the .ccat file the assessment was last imported from (the import's history entry); null when made here. */
export function importSigner(history: Assessment['history']): SignerInfo | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (entry.field !== IMPORT_FIELD) continue;
    const to = entry.to as { signer?: unknown; installation?: unknown } | null;
    if (typeof to?.signer === 'string') return { fingerprint: to.signer, installation: typeof to.installation === 'string' ? to.installation : '' };
  }
  return null;
}

/**
 * What the plan promises for its cost: Σ over capabilities with accepted actions of
 * (gap closed × importance), and Σ of the accepted actions' effort units. A catalogue programme
 * closes the gap up to its upper level (never beyond the target); the team's own action aims at
 * the target. Several actions on one capability close its gap once (the largest reach counts),
 * but every action costs its effort. An action without an effort band counts as M.
 */
export function planValue(plan: ProposedPlan, catalogue: Pick<Catalogue, 'programmes'>, effortUnits: Record<EffortBand, number>): { value: number; effort: number } | null {
  const accepted = plan.recommendations.filter((r) => r.decision === 'accepted');
  if (accepted.length === 0) return null;
  const upper = new Map(catalogue.programmes.map((p) => [p.id, p.toLevel]));
  const closedBy = new Map<string, number>();
  let effort = 0;
  for (const rec of accepted) {
    effort += effortUnits[rec.effort ?? 'M'];
    const priority = plan.priorities.find((p) => p.capabilityId === rec.capabilityId);
    if (priority?.score == null || priority.gap == null) continue;
    const aimed = Math.min(priority.target, rec.programmeId === undefined ? priority.target : (upper.get(rec.programmeId) ?? priority.target));
    const closed = Math.min(priority.gap, Math.max(0, aimed - priority.score));
    closedBy.set(rec.capabilityId, Math.max(closedBy.get(rec.capabilityId) ?? 0, closed * priority.importance.value));
  }
  const value = [...closedBy.values()].reduce((sum, v) => sum + v, 0);
  return { value, effort };
}
