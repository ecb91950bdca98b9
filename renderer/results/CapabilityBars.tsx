import { useTranslation } from 'react-i18next';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import type { AssessmentScores } from '../../core/scoring/scores';
import { fixed, fixedOr } from '../numbers';

const fmt = (value: number | null) => fixedOr(value, 1);

/**
 * Per capability: the score as a solid bar, the gap to the target hatched, the target as a
 * line. Drawn as HTML so that long and Japanese names wrap instead of being cut off, and the
 * numbers beside each bar are the text alternative.
 */
export function CapabilityBars({ framework, scores }: { framework: Framework; scores: AssessmentScores }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="capability-bars">
      {framework.domains.map((domain, d) => (
        <section key={domain.id} aria-labelledby={`bars-${domain.id}`}>
          <h4 id={`bars-${domain.id}`}>
            {d + 1}. {pickText(domain.title, i18n.language)}
          </h4>
          <ul className="bars">
            {domain.capabilities.map((capability, c) => {
              const s = scores.domains[d]!.capabilities[c]!;
              const scoreWidth = ((s.mean ?? 0) / 5) * 100;
              const gapWidth = s.mean === null ? 0 : ((s.gap ?? 0) / 5) * 100;
              return (
                <li key={capability.id} className="bar-row">
                  <span className="bar-label">
                    {d + 1}.{c + 1} {pickText(capability.title, i18n.language)}
                  </span>
                  <span className="bar-track" aria-hidden="true">
                    <span className="bar-score" style={{ width: `${scoreWidth}%` }} />
                    <span className="bar-gap" style={{ width: `${gapWidth}%` }} />
                    <span className="bar-target" style={{ insetInlineStart: `${(s.target / 5) * 100}%` }} />
                  </span>
                  <span className="bar-numbers">
                    {s.mean === null
                      ? t('results.notScored')
                      : t('results.barNumbers', { score: fmt(s.mean), target: fixed(s.target, 1), gap: fmt(s.gap) })}
                    <span className="muted"> · {t('assess.answered', { count: s.coverage.answered, total: s.coverage.total })}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
