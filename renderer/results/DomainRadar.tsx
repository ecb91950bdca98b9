import { useTranslation } from 'react-i18next';
import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from 'recharts';

export interface RadarRow {
  domain: string;
  score: number;
  target: number;
  baseline?: number;
}

/** The compare view names the two series after the assessments and leaves out the target. */
export interface RadarNames {
  score: string;
  baseline: string;
}

/**
 * Current (solid, filled), target (dashed) and baseline (dotted) so the chart reads in grayscale
 * and in print; the summary text is the chart's text alternative.
 */
export function DomainRadar({ rows, summary, withBaseline, names }: { rows: RadarRow[]; summary: string; withBaseline: boolean; names?: RadarNames | undefined }) {
  const { t } = useTranslation();
  return (
    <figure className="chart" role="group" aria-label={t('results.radarTitle')}>
      <ResponsiveContainer width="100%" height={420}>
      <RadarChart margin={{ top: 20, right: 110, bottom: 20, left: 110 }} data={rows} outerRadius="70%" role="img" aria-label={summary}>
        <PolarGrid />
        <PolarAngleAxis dataKey="domain" tick={{ fontSize: 12, fill: '#222' }} />
        <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90} />
        {!names && <Radar name={t('results.target')} dataKey="target" stroke="#555" strokeWidth={2} strokeDasharray="6 4" fill="none" isAnimationActive={false} />}
        {withBaseline && <Radar name={names?.baseline ?? t('results.baseline')} dataKey="baseline" stroke={names ? '#8a4b08' : '#888'} strokeWidth={2} strokeDasharray={names ? '6 4' : '2 3'} fill="none" isAnimationActive={false} />}
        <Radar name={names?.score ?? t('results.score')} dataKey="score" stroke="#1f4e79" strokeWidth={2.5} fill="#1f4e79" fillOpacity={0.3} isAnimationActive={false} />
        <Legend />
      </RadarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
