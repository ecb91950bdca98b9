import { useTranslation } from 'react-i18next';
import type { AssessmentScores } from '../../core/scoring/scores';
import { fixed } from '../numbers';

/** The overall score as core/scoring defines it, or the plain statement that there is none yet (the reports word it the same). */
export function OverallScore({ scores }: { scores: AssessmentScores }) {
  const { t } = useTranslation();
  const total = scores.domains.length;
  if (scores.overallMean === null) {
    const scored = scores.domains.filter((d) => d.mean !== null).length;
    return <p className="overall-score overall-none">{t('method.noOverall', { scored, total })}</p>;
  }
  return <p className="overall-score">{t('method.overallValue', { score: fixed(scores.overallMean, 2), count: total })}</p>;
}
