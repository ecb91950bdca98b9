import type { Assessment } from '../model/assessment';
import type { Indicator } from '../model/framework';
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

/** Case- and accent-insensitive search over the question (every language), the notes and session inputs. */
export function matchesSearch(query: string, indicator: Indicator, assessment: Assessment): boolean {
  const needle = fold(query.trim());
  if (needle === '') return true;
  const texts = [
    ...Object.values(indicator.question),
    assessment.responses[indicator.id]?.notes ?? '',
    ...assessment.sessions.map((s) => s.inputs[indicator.id]?.note ?? ''),
  ];
  return texts.some((text) => fold(text).includes(needle));
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
