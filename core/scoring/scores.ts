import type { Assessment, IndicatorResponse } from '../model/assessment';
import type { Confidence } from '../model/vocabulary';
import type { Capability, Framework } from '../model/framework';

export interface Coverage {
  total: number;
  /** Indicators with any answer: a level, N/A or unknown. */
  answered: number;
  rated: number;
  notApplicable: number;
  unknown: number;
}

export type ConfidenceCounts = Record<Confidence | 'unstated', number>;

export interface ScoreSummary {
  /** Mean of the parts that have a score; null when nothing is rated. */
  mean: number | null;
  /** Weakest link: the lowest part. */
  min: number | null;
  target: number;
  /** target − mean, floored at 0; null without a score. */
  gap: number | null;
  coverage: Coverage;
  confidence: ConfidenceCounts;
}

export interface CapabilityScore extends ScoreSummary {
  capabilityId: string;
  domainId: string;
}

export interface DomainScore extends ScoreSummary {
  domainId: string;
  capabilities: CapabilityScore[];
}

export interface AssessmentScores {
  method: 'mean-of-rated-v1';
  domains: DomainScore[];
  overall: Coverage;
  /**
   * The overall score: the mean of the domain scores, defined only when every domain has one.
   * A mean over the scored domains alone would rank a country by whichever domains its team
   * happened to reach, so a partial assessment has no overall score rather than a misleading one.
   */
  overallMean: number | null;
}

/** The level a capability is aimed at: the team's target where set, else the framework default. */
export function targetFor(capability: Capability, assessment: Pick<Assessment, 'targets'>): number {
  return assessment.targets[capability.id] ?? capability.defaultTarget;
}

/**
 * Design §4: N/A and unknown are left out of scores but counted in coverage; a capability is the
 * mean of its rated indicators, a domain the mean of its scored capabilities; both also carry the minimum.
 */
export function scoreAssessment(framework: Framework, assessment: Pick<Assessment, 'responses' | 'targets'>): AssessmentScores {
  const domains = framework.domains.map((domain): DomainScore => {
    const capabilities = domain.capabilities.map((capability): CapabilityScore => {
      const responses = capability.indicators.map((indicator) => assessment.responses[indicator.id]);
      const levels = responses.flatMap((r) => (r?.rating?.kind === 'level' ? [r.rating.level] : []));
      const target = targetFor(capability, assessment);
      const mean = average(levels);
      return {
        capabilityId: capability.id,
        domainId: domain.id,
        mean,
        min: levels.length ? Math.min(...levels) : null,
        target,
        gap: gapOf(target, mean),
        coverage: coverageOf(responses),
        confidence: confidenceOf(responses),
      };
    });
    const means = capabilities.flatMap((c) => (c.mean === null ? [] : [c.mean]));
    const mean = average(means);
    const target = average(capabilities.map((c) => c.target)) ?? 0;
    return {
      domainId: domain.id,
      capabilities,
      mean,
      min: means.length ? Math.min(...means) : null,
      target,
      gap: gapOf(target, mean),
      coverage: sumCoverage(capabilities.map((c) => c.coverage)),
      confidence: sumConfidence(capabilities.map((c) => c.confidence)),
    };
  });
  return { method: 'mean-of-rated-v1', domains, overall: sumCoverage(domains.map((d) => d.coverage)), overallMean: overallMeanOf(domains) };
}

/** See {@link AssessmentScores.overallMean}. */
export function overallMeanOf(domains: ReadonlyArray<Pick<DomainScore, 'mean'>>): number | null {
  if (domains.length === 0 || domains.some((d) => d.mean === null)) return null;
  return average(domains.map((d) => d.mean ?? 0));
}

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function gapOf(target: number, mean: number | null): number | null {
  return mean === null ? null : Math.max(0, target - mean);
}

function coverageOf(responses: ReadonlyArray<IndicatorResponse | undefined>): Coverage {
  const kinds = responses.map((r) => r?.rating?.kind);
  return {
    total: responses.length,
    answered: kinds.filter((k) => k !== undefined).length,
    rated: kinds.filter((k) => k === 'level').length,
    notApplicable: kinds.filter((k) => k === 'notApplicable').length,
    unknown: kinds.filter((k) => k === 'unknown').length,
  };
}

function sumCoverage(parts: readonly Coverage[]): Coverage {
  return parts.reduce(
    (sum, c) => ({
      total: sum.total + c.total,
      answered: sum.answered + c.answered,
      rated: sum.rated + c.rated,
      notApplicable: sum.notApplicable + c.notApplicable,
      unknown: sum.unknown + c.unknown,
    }),
    { total: 0, answered: 0, rated: 0, notApplicable: 0, unknown: 0 },
  );
}

function confidenceOf(responses: ReadonlyArray<IndicatorResponse | undefined>): ConfidenceCounts {
  const counts: ConfidenceCounts = { low: 0, medium: 0, high: 0, unstated: 0 };
  for (const response of responses) {
    if (response?.rating?.kind !== 'level') continue;
    counts[response.confidence ?? 'unstated']++;
  }
  return counts;
}

function sumConfidence(parts: readonly ConfidenceCounts[]): ConfidenceCounts {
  return parts.reduce(
    (sum, c) => ({ low: sum.low + c.low, medium: sum.medium + c.medium, high: sum.high + c.high, unstated: sum.unstated + c.unstated }),
    { low: 0, medium: 0, high: 0, unstated: 0 },
  );
}
