import { useTranslation } from 'react-i18next';
import { GappedSeries } from '../results/DomainRadar';
import { CartesianGrid, Legend, Line, LineChart, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/** Up to eight series told apart by colour and by dash, so that they read in grayscale and in print. */
const styles = [
  { stroke: '#1f4e79', dash: undefined },
  { stroke: '#8a4b08', dash: '6 4' },
  { stroke: '#2e7d32', dash: '2 3' },
  { stroke: '#6a1b9a', dash: '10 3 2 3' },
  { stroke: '#b71c1c', dash: '4 2' },
  { stroke: '#00695c', dash: '1 2' },
  { stroke: '#4e342e', dash: '8 2 2 2 2 2' },
  { stroke: '#37474f', dash: '12 4' },
] as const;

export interface Series {
  key: string;
  name: string;
}

/** One polygon per assessment over the domains; `rows` hold each series' score under its key. */
export function CompareRadar({ rows, series, summary }: { rows: Array<Record<string, string | number | null>>; series: Series[]; summary: string }) {
  const { t } = useTranslation();
  return (
    <figure className="chart" role="group" aria-label={t('portfolio.compare.radarTitle')}>
      <ResponsiveContainer width="100%" height={380}>
        <RadarChart margin={{ top: 10, right: 110, bottom: 10, left: 110 }} data={rows} outerRadius="75%" role="img" aria-label={summary}>
          <PolarGrid />
          <PolarAngleAxis dataKey="domain" tick={{ fontSize: 12, fill: '#222' }} />
          {/* Levels run 1–5, labelled between the first two domains, clear of the first domain's name. */}
          <PolarRadiusAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} angle={90 - 180 / Math.max(rows.length, 1)} tick={{ fontSize: 11, fill: '#444' }} axisLine={false} />
          {series.map((s, i) => (
            <Radar key={s.key} name={s.name} dataKey={s.key} stroke={styles[i % styles.length]!.stroke} strokeWidth={2} strokeDasharray={styles[i % styles.length]!.dash} fill={i === 0 ? styles[0].stroke : 'none'} fillOpacity={0.15} isAnimationActive={false} shape={<GappedSeries />} />
          ))}
          <Legend />
        </RadarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}

/** Domain scores over time: one line per domain, one point per assessment in date order. */
export function TrendLines({ rows, series, summary }: { rows: Array<Record<string, string | number | null>>; series: Series[]; summary: string }) {
  const { t } = useTranslation();
  return (
    <figure className="chart" role="group" aria-label={t('portfolio.trend.chartTitle')}>
      <ResponsiveContainer width="100%" height={360}>
        <LineChart data={rows} margin={{ top: 10, right: 30, bottom: 10, left: 0 }} role="img" aria-label={summary}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#222' }} interval={0} padding={{ left: 40, right: 40 }} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
          {series.map((s, i) => (
            <Line key={s.key} name={s.name} dataKey={s.key} stroke={styles[i % styles.length]!.stroke} strokeWidth={2} strokeDasharray={styles[i % styles.length]!.dash} connectNulls isAnimationActive={false} />
          ))}
          <Legend />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
