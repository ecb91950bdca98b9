import type { Assessment } from '../model/assessment';
import type { Indicator } from '../model/framework';
import { foldedIncludes, foldForSearch, matchesNumber } from '../search/fold';
import { hasEvidence } from './review';

export const indicatorFilters = ['all', 'unanswered', 'flagged', 'lowConfidence', 'notApplicable', 'withoutEvidence'] as const;
export type IndicatorFilter = (typeof indicatorFilters)[number];

/** The rating view's filters: which indicators the team still has to look at. */
export function matchesFilter(filter: IndicatorFilter, indicatorId: string, assessment: Assessment): boolean {
  const response = assessment.responses[indicatorId];
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return !response?.rating;
    case 'flagged':
      return response?.flagged === true;
    case 'lowConfidence':
      return response?.rating?.kind === 'level' && response.confidence === 'low';
    case 'notApplicable':
      return response?.rating?.kind === 'notApplicable';
    case 'withoutEvidence':
      return response?.rating?.kind === 'level' && !hasEvidence(response);
  }
}

/**
 * Search over the indicator's number ("2.3.1", or "2.3" for its capability), its question in
 * every language, the notes and session inputs; width, case, accents and kana are folded.
 */
export function matchesSearch(query: string, indicator: Indicator, assessment: Assessment, number?: string): boolean {
  const needle = foldForSearch(query.trim());
  if (needle === '') return true;
  if (number !== undefined && matchesNumber(needle, number)) return true;
  const texts = [
    ...Object.values(indicator.question),
    assessment.responses[indicator.id]?.notes ?? '',
    ...assessment.sessions.map((s) => s.inputs[indicator.id]?.note ?? ''),
  ];
  return texts.some((text) => foldedIncludes(text, needle));
}
