import { useTranslation } from 'react-i18next';
import { pickText } from '../../core/model/pick-text';
import type { Review } from '../../core/review/review';
import type { Coverage } from '../../core/scoring/scores';
import { useWorkspace } from '../workspace/context';

function Row({ label, coverage }: { label: string; coverage: Coverage }) {
  const { t } = useTranslation();
  const percent = coverage.total ? Math.round((100 * coverage.answered) / coverage.total) : 0;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <span className="coverage-cell">
          <span>{t('review.answeredOf', { answered: coverage.answered, total: coverage.total, percent })}</span>
          <span className="meter meter-wide" aria-hidden="true">
            <span style={{ width: `${percent}%` }} />
          </span>
        </span>
      </td>
      <td>{coverage.rated}</td>
      <td>{coverage.notApplicable}</td>
      <td>{coverage.unknown}</td>
    </tr>
  );
}

/** Coverage per domain: answered, rated, N/A and unknown. */
export function CoverageTable({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const { framework } = useWorkspace();
  return (
    <div className="table-scroll">
      <table className="data-table coverage-table">
        <caption>{t('review.coverage')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.domain')}</th>
            <th scope="col">{t('review.answered')}</th>
            <th scope="col">{t('review.rated')}</th>
            <th scope="col">{t('assess.notApplicable')}</th>
            <th scope="col">{t('assess.unknown')}</th>
          </tr>
        </thead>
        <tbody>
          {review.domains.map((entry, i) => {
            const domain = framework.domains.find((d) => d.id === entry.domainId);
            return <Row key={entry.domainId} label={`${i + 1}. ${domain ? pickText(domain.title, i18n.language) : entry.domainId}`} coverage={entry.coverage} />;
          })}
        </tbody>
        <tfoot>
          <Row label={t('review.overall')} coverage={review.overall} />
        </tfoot>
      </table>
    </div>
  );
}
