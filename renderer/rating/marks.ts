import type { TFunction } from 'i18next';
import type { IndicatorResponse, Rating } from '../../core/model/assessment';
import type { Framework } from '../../core/model/framework';
import { levelLabel } from '../format';

/** The short mark the tree shows for a response. */
export function ratingMark(response: IndicatorResponse | undefined): string {
  const rating = response?.rating;
  if (!rating) return '·';
  if (rating.kind === 'level') return String(rating.level);
  return rating.kind === 'notApplicable' ? 'N/A' : '?';
}

/** What a screen reader says after an indicator in the tree, in place of the visual mark. */
export function ratingStatus(t: TFunction, response: IndicatorResponse | undefined): string {
  const rating = response?.rating;
  if (!rating) return t('assess.unanswered');
  if (rating.kind === 'level') return t('tree.rated', { level: rating.level });
  return rating.kind === 'notApplicable' ? t('tree.notApplicable') : t('tree.unknown');
}

/** A rating in words, for the undo toast: "3 — Established", "Not applicable", "not rated". */
export function ratingText(t: TFunction, framework: Framework, rating: Rating | undefined, language: string): string {
  if (!rating) return t('baseline.notRated');
  if (rating.kind === 'level') return levelLabel(framework, rating.level, language);
  return rating.kind === 'notApplicable' ? t('assess.notApplicable') : t('assess.unknown');
}

/** Whether two ratings differ as answers; an N/A whose reason is being typed stays the same answer. */
export function sameAnswer(a: Rating | undefined, b: Rating | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'level' && b.kind === 'level') return a.level === b.level;
  return a.kind === b.kind;
}
