import type { IndicatorResponse } from '../../core/model/assessment';

/** The short mark the tree shows for a response. */
export function ratingMark(response: IndicatorResponse | undefined): string {
  const rating = response?.rating;
  if (!rating) return '·';
  if (rating.kind === 'level') return String(rating.level);
  return rating.kind === 'notApplicable' ? 'N/A' : '?';
}
