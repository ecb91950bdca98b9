import { useTranslation } from 'react-i18next';
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Legend } from 'recharts';
import type { Assessment } from '../../core/model/assessment';
import type { Framework } from '../../core/model/framework';
import { domainLabel } from '../../core/framework/summary';
import { pickText } from '../../core/model/pick-text';
import { scoreAssessment } from '../../core/scoring/scores';

const fmt = (value: number | null, fallback: string) => (value === null ? fallback : value.toFixed(2));

/** Scores are computed by the same pure core function the reports use, so screen and report agree. */
export function ResultsView({ framework, assessment }: { framework: Framework; assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const scores = scoreAssessment(framework, assessment);
  const notScored = t('results.notScored');
  const data = framework.domains.map((domain, i) => ({
    domain: `${i + 1}. ${domainLabel(domain, i18n.language)}`,
    score: scores.domains[i]!.mean ?? 0,
    target: scores.domains[i]!.target,
  }));
  const anyScore = scores.domains.some((d) => d.mean !== null);
  const summary = framework.domains
    .map((domain, i) =>
      t('results.chartSummary', {
        domain: pickText(domain.title, i18n.language),
        score: fmt(scores.domains[i]!.mean, notScored),
        target: scores.domains[i]!.target.toFixed(1),
        answered: scores.domains[i]!.coverage.answered,
        total: scores.domains[i]!.coverage.total,
      }),
    )
    .join('. ');

  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('results.heading')}</h2>
      {!anyScore && <p className="notice">{t('results.noScores')}</p>}
      <figure className="chart" aria-label={summary}>
        <RadarChart width={720} height={420} margin={{ top: 20, right: 100, bottom: 20, left: 100 }} data={data} outerRadius={140} role="img" aria-label={summary}>
          <PolarGrid />
          <PolarAngleAxis dataKey="domain" tick={{ fontSize: 12, fill: '#222' }} />
          <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90} />
          <Radar name={t('results.target')} dataKey="target" stroke="#6b6b6b" strokeDasharray="6 4" fill="none" isAnimationActive={false} />
          <Radar name={t('results.score')} dataKey="score" stroke="#1f4e79" fill="#1f4e79" fillOpacity={0.3} isAnimationActive={false} />
          <Legend />
        </RadarChart>
      </figure>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('results.domain')}</th>
            <th scope="col">{t('results.score')}</th>
            <th scope="col">{t('results.target')}</th>
            <th scope="col">{t('results.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {framework.domains.map((domain, i) => {
            const s = scores.domains[i]!;
            return (
              <tr key={domain.id}>
                <th scope="row">
                  {i + 1}. {pickText(domain.title, i18n.language)}
                </th>
                <td>{fmt(s.mean, notScored)}</td>
                <td>{s.target.toFixed(1)}</td>
                <td>{t('assess.answered', { count: s.coverage.answered, total: s.coverage.total })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
