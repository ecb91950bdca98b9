import { useTranslation } from 'react-i18next';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import type { AssessmentScores } from '../../core/scoring/scores';
import { fixed, fixedOr } from '../numbers';

const fmt = (value: number | null, fallback: string) => fixedOr(value, 2, fallback);

/** Every score with its coverage and confidence beside it (design §4). */
export function DomainTable({ framework, scores, baseline }: { framework: Framework; scores: AssessmentScores; baseline: AssessmentScores | undefined }) {
  const { t, i18n } = useTranslation();
  const notScored = t('results.notScored');
  return (
    <div className="table-scroll">
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('results.domain')}</th>
          <th scope="col">{t('results.score')}</th>
          <th scope="col">{t('results.weakest')}</th>
          <th scope="col">{t('results.target')}</th>
          <th scope="col">{t('results.gap')}</th>
          {baseline && <th scope="col">{t('results.baseline')}</th>}
          <th scope="col">{t('results.coverage')}</th>
          <th scope="col">{t('results.confidence')}</th>
        </tr>
      </thead>
      <tbody>
        {framework.domains.map((domain, i) => {
          const s = scores.domains[i]!;
          const before = baseline?.domains.find((d) => d.domainId === domain.id);
          return (
            <tr key={domain.id}>
              <th scope="row">
                {i + 1}. {pickText(domain.title, i18n.language)}
              </th>
              <td>{fmt(s.mean, notScored)}</td>
              <td>{fmt(s.min, notScored)}</td>
              <td>{fixed(s.target, 1)}</td>
              <td>{fmt(s.gap, notScored)}</td>
              {baseline && <td>{fmt(before?.mean ?? null, notScored)}</td>}
              <td>{t('assess.answered', { count: s.coverage.answered, total: s.coverage.total })}</td>
              <td>{t('results.confidenceCounts', { ...s.confidence })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
