import { useTranslation } from 'react-i18next';
import { indicatorNumber, indicatorPlaces } from '../../core/framework/summary';
import { pickText } from '../../core/model/pick-text';
import { href } from '../route';
import { useWorkspace } from '../workspace/context';

export type IssueKind = 'flagged' | 'lowConfidence' | 'highWithoutEvidence' | 'unanswered';

/** One review list; each item links to the indicator. */
export function IssueList({ kind, ids, limit }: { kind: IssueKind; ids: string[]; limit?: number }) {
  const { t, i18n } = useTranslation();
  const { assessment, framework } = useWorkspace();
  const places = new Map(indicatorPlaces(framework).map((p) => [p.indicator.id, p]));
  const shown = limit ? ids.slice(0, limit) : ids;
  const headingId = `issues-${kind}`;
  return (
    <section className={`issue-list ${ids.length > 0 ? 'has-issues' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`review.lists.${kind}`)} <span className="chip-count">{ids.length}</span>
      </h3>
      {ids.length === 0 ? (
        <p className="muted">{t(`review.empty.${kind}`)}</p>
      ) : (
        <>
          <ul>
            {shown.map((id) => {
              const place = places.get(id);
              return (
                <li key={id}>
                  <a href={href({ screen: 'assessment', id: assessment.id, view: 'rate', indicatorId: id })}>
                    {indicatorNumber(framework, id)} {place ? pickText(place.indicator.question, i18n.language) : id}
                  </a>
                </li>
              );
            })}
          </ul>
          {ids.length > shown.length && <p className="muted">{t('review.more', { count: ids.length - shown.length })}</p>}
        </>
      )}
    </section>
  );
}
