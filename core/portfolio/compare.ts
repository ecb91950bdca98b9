import { CoreError } from '../api/result';
import type { FrameworkLibrary } from '../framework/library';
import { applyMove, previewMove } from '../framework/move';
import { compareVersions } from '../framework/summary';
import type { Assessment } from '../model/assessment';
import type { Framework } from '../model/framework';
import { scoreAssessment, type AssessmentScores } from '../scoring/scores';
import type { ComparedScores, Comparison } from './types';

type Library = Pick<FrameworkLibrary, 'get' | 'mapping'>;

/** Assessments carried onto one framework version, and the indicators of that version every one of them can speak to. */
export interface OnOneVersion {
  framework: Framework;
  assessments: Assessment[];
  /** Indicators of `framework` that some older version has nothing mapping to. */
  excluded: Set<string>;
}

/**
 * Carries each assessment onto the newest framework version among them through the installed
 * mapping (the same move the team can make, computed here without saving anything). Indicators
 * the mapping lists as added have no counterpart in the older version and are left out of the
 * comparison for everyone, so that no one is compared on questions another was never asked.
 */
export function onNewestVersion(assessments: readonly Assessment[], library: Library): OnOneVersion {
  const ids = new Set(assessments.map((a) => a.frameworkId));
  if (ids.size > 1) throw new CoreError('INVALID_INPUT', `ids: these assessments use different frameworks (${[...ids].join(', ')}); only assessments of one framework can be compared.`);
  const frameworkId = assessments[0]!.frameworkId;
  const newest = [...new Set(assessments.map((a) => a.frameworkVersion))].sort(compareVersions).at(-1)!;
  const framework = library.get(frameworkId, newest);
  const excluded = new Set<string>();
  const carried = assessments.map((assessment) => {
    if (assessment.frameworkVersion === newest) return assessment;
    const mapping = library.mapping(frameworkId, assessment.frameworkVersion, newest);
    if (!mapping) {
      throw new CoreError(
        'NOT_FOUND',
        `"${assessment.title}" uses framework ${frameworkId} ${assessment.frameworkVersion} and no mapping to ${newest} is installed, so it cannot be compared with assessments on ${newest}.`,
        { id: assessment.id },
      );
    }
    const preview = previewMove(assessment, mapping, library.get(frameworkId, assessment.frameworkVersion), framework);
    for (const id of mapping.added) excluded.add(id);
    return applyMove(assessment, preview, assessment.updatedAt, '');
  });
  return { framework, assessments: carried, excluded };
}

/** The framework with only the indicators to compare; capabilities and domains left empty are dropped. */
export function restrictFramework(framework: Framework, excluded: ReadonlySet<string>): Framework {
  if (excluded.size === 0) return framework;
  return {
    ...framework,
    domains: framework.domains
      .map((d) => ({ ...d, capabilities: d.capabilities.map((c) => ({ ...c, indicators: c.indicators.filter((i) => !excluded.has(i.id)) })).filter((c) => c.indicators.length > 0) }))
      .filter((d) => d.capabilities.length > 0),
  };
}

function compared(scores: Array<number | null>): ComparedScores {
  const first = scores[0] ?? null;
  const present = scores.filter((s): s is number => s !== null);
  return {
    scores,
    differences: scores.map((s) => (s === null || first === null ? null : s - first)),
    spread: present.length < 2 ? null : Math.max(...present) - Math.min(...present),
  };
}

/**
 * 2–8 assessments side by side, per domain and capability: each one's score (mean of rated
 * indicators, as everywhere) over the indicators they share, and the difference to the first.
 */
export function compareAssessments(assessments: readonly Assessment[], library: Library): Comparison {
  const { framework, assessments: carried, excluded } = onNewestVersion(assessments, library);
  const shared = restrictFramework(framework, excluded);
  const scores: AssessmentScores[] = carried.map((a) => scoreAssessment(shared, a));
  const total = framework.domains.reduce((n, d) => n + d.capabilities.reduce((m, c) => m + c.indicators.length, 0), 0);
  return {
    assessments: assessments.map((a, i) => ({
      id: a.id,
      title: a.title,
      country: a.country,
      mode: a.mode,
      status: a.status,
      frameworkVersion: a.frameworkVersion,
      period: a.period,
      overall: scores[i]!.overallMean,
    })),
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    mapped: excluded.size > 0 || carried.some((a, i) => a !== assessments[i]),
    indicatorsCompared: total - excluded.size,
    indicatorsTotal: total,
    excludedIndicators: [...excluded].sort(),
    domains: shared.domains.map((d, di) => ({ domainId: d.id, ...compared(scores.map((s) => s.domains[di]!.mean)) })),
    capabilities: shared.domains.flatMap((d, di) =>
      d.capabilities.map((c, ci) => ({ domainId: d.id, capabilityId: c.id, ...compared(scores.map((s) => s.domains[di]!.capabilities[ci]!.mean)) })),
    ),
  };
}

