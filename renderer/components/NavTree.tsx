import { useTranslation } from 'react-i18next';
import type { Assessment, IndicatorResponse } from '../../core/model/assessment';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import { href } from '../route';

function mark(response: IndicatorResponse | undefined): string {
  const rating = response?.rating;
  if (!rating) return '○';
  if (rating.kind === 'level') return String(rating.level);
  return rating.kind === 'notApplicable' ? 'N/A' : '?';
}

/** Domain → capability → indicator, with answered counts per node. */
export function NavTree({ framework, assessment, currentId }: { framework: Framework; assessment: Assessment; currentId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const answered = (ids: string[]) => ids.filter((id) => assessment.responses[id]?.rating).length;
  return (
    <nav className="nav-tree" aria-label={t('assess.chooseLevel')}>
      <ol>
        {framework.domains.map((domain, d) => {
          const domainIds = domain.capabilities.flatMap((c) => c.indicators.map((i) => i.id));
          return (
            <li key={domain.id}>
              <div className="nav-domain">
                <span>
                  {d + 1}. {pickText(domain.title, i18n.language)}
                </span>
                <span className="count">
                  {answered(domainIds)}/{domainIds.length}
                </span>
              </div>
              <ol>
                {domain.capabilities.map((capability, c) => {
                  const ids = capability.indicators.map((i) => i.id);
                  return (
                    <li key={capability.id}>
                      <div className="nav-capability">
                        <span>
                          {d + 1}.{c + 1} {pickText(capability.title, i18n.language)}
                        </span>
                        <span className="count">
                          {answered(ids)}/{ids.length}
                        </span>
                      </div>
                      <ol>
                        {capability.indicators.map((indicator, i) => {
                          const response = assessment.responses[indicator.id];
                          return (
                            <li key={indicator.id}>
                              <a
                                className="nav-indicator"
                                href={href({ screen: 'assessment', id: assessment.id, indicatorId: indicator.id, view: 'rate' })}
                                aria-current={indicator.id === currentId ? 'page' : undefined}
                              >
                                <span className={`mark ${response?.rating ? 'mark-done' : ''}`} aria-hidden="true">
                                  {mark(response)}
                                </span>
                                <span>
                                  {d + 1}.{c + 1}.{i + 1} {pickText(indicator.question, i18n.language)}
                                </span>
                                {!response?.rating && <span className="sr-only">({t('assess.unanswered')})</span>}
                              </a>
                            </li>
                          );
                        })}
                      </ol>
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
