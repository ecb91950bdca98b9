import type { FrameworkLibrary } from '../framework/library';
import { compareVersions } from '../framework/summary';
import type { Assessment } from '../model/assessment';
import type { Catalogue } from '../model/catalogue';
import { proposePlan } from '../planning/propose';
import { scoreAssessment } from '../scoring/scores';
import { CoreError } from '../api/result';
import { onNewestVersion, restrictFramework, type OnOneVersion } from './compare';
import { assessedOn } from './ranking';
import type { CapabilityMove, CountryTrend, TrendPlanItem, TrendPoint, TrendStep } from './types';

type Library = Pick<FrameworkLibrary, 'get' | 'mapping'>;

/** A capability "moved" between two assessments when its score changed by at least this much. */
export const MOVE_THRESHOLD = 0.5;

function byDate(a: Assessment, b: Assessment): number {
  const [da, db] = [assessedOn(a), assessedOn(b)];
  return da < db ? -1 : da > db ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

function capabilityMeans(assessment: Assessment, framework: ReturnType<Library['get']>): Map<string, { domainId: string; mean: number | null; target: number }> {
  const scores = scoreAssessment(framework, assessment);
  return new Map(scores.domains.flatMap((d) => d.capabilities.map((c) => [c.capabilityId, { domainId: d.domainId, mean: c.mean, target: c.target }] as const)));
}

/**
 * One step from an earlier to a later assessment, both read in the later one's framework version
 * (through the mapping, on the indicators both can speak to): which capabilities moved, and
 * which of the earlier plan's accepted items reached what they aimed at.
 */
function step(earlier: Assessment, later: Assessment, library: Library, catalogue: Catalogue | undefined): TrendStep {
  let carried: OnOneVersion;
  try {
    carried = onNewestVersion([earlier, later], library);
  } catch (error) {
    // Versions no mapping joins: the points still show, only this step compares nothing.
    if (error instanceof CoreError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT')) return { fromId: earlier.id, toId: later.id, comparable: false, moved: [], planItems: [] };
    throw error;
  }
  const { framework, assessments, excluded } = carried;
  const shared = restrictFramework(framework, excluded);
  const before = capabilityMeans(assessments[0]!, shared);
  const after = capabilityMeans(assessments[1]!, shared);
  const moved: CapabilityMove[] = [];
  for (const [capabilityId, b] of before) {
    const a = after.get(capabilityId);
    if (b.mean === null || a?.mean == null) continue;
    const change = a.mean - b.mean;
    if (Math.abs(change) >= MOVE_THRESHOLD) moved.push({ capabilityId, domainId: b.domainId, from: b.mean, to: a.mean, change });
  }
  moved.sort((x, y) => Math.abs(y.change) - Math.abs(x.change));

  const planItems: TrendPlanItem[] = [];
  if (catalogue !== undefined) {
    const ownFramework = library.get(earlier.frameworkId, earlier.frameworkVersion);
    const plan = proposePlan({ framework: ownFramework, catalogue, assessment: earlier, scores: scoreAssessment(ownFramework, earlier) });
    const upper = new Map(catalogue.programmes.map((p) => [p.id, p.toLevel]));
    for (const rec of plan.recommendations) {
      if (rec.decision !== 'accepted') continue;
      const priority = plan.priorities.find((p) => p.capabilityId === rec.capabilityId);
      const target = priority?.target ?? 0;
      const aimedLevel = rec.programmeId === undefined ? target : Math.min(target, upper.get(rec.programmeId) ?? target);
      const afterMean = after.get(rec.capabilityId)?.mean ?? null;
      planItems.push({
        recommendationId: rec.id,
        capabilityId: rec.capabilityId,
        ...(rec.programmeId === undefined ? {} : { programmeId: rec.programmeId }),
        ...(rec.title === undefined ? {} : { title: rec.title }),
        ...(rec.effort === undefined ? {} : { effort: rec.effort }),
        aimedLevel,
        before: priority?.score ?? null,
        after: afterMean,
        completed: afterMean !== null && afterMean >= aimedLevel,
      });
    }
  }
  return { fromId: earlier.id, toId: later.id, comparable: true, moved, planItems };
}

/** Every assessment of one country in date order, each scored on its own framework version, and what changed between neighbours. */
export function countryTrend(country: string, assessments: readonly Assessment[], library: Library, catalogue: Catalogue | undefined): CountryTrend {
  const sorted = assessments.filter((a) => a.country === country).sort(byDate);
  const points: TrendPoint[] = sorted.map((a) => {
    const scores = scoreAssessment(library.get(a.frameworkId, a.frameworkVersion), a);
    return {
      id: a.id,
      title: a.title,
      mode: a.mode,
      status: a.status,
      frameworkId: a.frameworkId,
      frameworkVersion: a.frameworkVersion,
      date: assessedOn(a),
      overall: scores.overallMean,
      domains: Object.fromEntries(scores.domains.map((d) => [d.domainId, d.mean])),
    };
  });
  const newest = [...sorted].sort((a, b) => compareVersions(a.frameworkVersion, b.frameworkVersion)).at(-1);
  return {
    country,
    points,
    domainIds: newest === undefined ? [] : library.get(newest.frameworkId, newest.frameworkVersion).domains.map((d) => d.id),
    steps: sorted.slice(1).map((later, i) => step(sorted[i]!, later, library, catalogue)),
  };
}
