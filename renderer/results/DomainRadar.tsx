import { useTranslation } from 'react-i18next';
import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from 'recharts';

export interface RadarRow {
  domain: string;
  /** null: the domain has no score yet, so no point is drawn on its axis. */
  score: number | null;
  target: number;
  baseline?: number | null;
}

/** The compare view names the two series after the assessments and leaves out the target. */
export interface RadarNames {
  score: string;
  baseline: string;
}

interface RadarPoint {
  x: number;
  y: number;
  value?: unknown;
}

interface SeriesShapeProps {
  points?: RadarPoint[];
  stroke?: string;
  strokeWidth?: number;
  strokeDasharray?: string;
  fill?: string;
  fillOpacity?: number;
}

const scored = (point: RadarPoint) => typeof point.value === 'number';

/**
 * A series drawn only where it has values. recharts puts a missing value at the centre, which on
 * a 1–5 axis reads as level 1 (and on a 0–5 axis as "no capacity"); here an unscored domain
 * breaks the outline instead, and the outline is filled only when every domain has a value.
 */
export function GappedSeries({ points = [], stroke, strokeWidth, strokeDasharray, fill, fillOpacity }: SeriesShapeProps) {
  const complete = points.length > 0 && points.every(scored);
  const line = { stroke, strokeWidth, strokeDasharray };
  return (
    <g className={complete ? 'radar-series' : 'radar-series radar-series-partial'}>
      {complete ? (
        <polygon points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill={fill} fillOpacity={fillOpacity} {...line} />
      ) : (
        points.map((p, i) => {
          const next = points[(i + 1) % points.length]!;
          return scored(p) && scored(next) && points.length > 1 ? <line key={i} x1={p.x} y1={p.y} x2={next.x} y2={next.y} {...line} /> : null;
        })
      )}
      {points.filter(scored).map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={3} fill={stroke} />
      ))}
    </g>
  );
}

interface AngleTickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  payload?: { value?: unknown };
}

/** A domain's name on its axis; an unscored domain's is grey and says so, where the eye looks for its point. */
function AngleTick({ x = 0, y = 0, textAnchor = 'middle', payload, missing, label }: AngleTickProps & { missing: ReadonlySet<string>; label: string }) {
  const name = String(payload?.value ?? '');
  const unscored = missing.has(name);
  return (
    <text x={x} y={y} textAnchor={textAnchor} fontSize={12} fill={unscored ? '#666' : '#222'} dominantBaseline="central">
      <tspan x={x} fontStyle={unscored ? 'italic' : undefined}>
        {name}
      </tspan>
      {unscored && (
        <tspan x={x} dy="1.2em" fontStyle="italic">
          ({label})
        </tspan>
      )}
    </text>
  );
}

/**
 * Current (solid, filled), target (dashed) and baseline (dotted) so the chart reads in grayscale
 * and in print; the summary text is the chart's text alternative. The radius runs over the
 * maturity levels 1–5.
 */
export function DomainRadar({ rows, summary, withBaseline, names }: { rows: RadarRow[]; summary: string; withBaseline: boolean; names?: RadarNames | undefined }) {
  const { t, i18n } = useTranslation();
  const missing = rows.filter((r) => r.score === null).map((r) => r.domain);
  const missingSet = new Set(missing);
  // Level labels sit between the first two domain axes, clear of the first domain's name at the top.
  const tickAngle = 90 - 180 / Math.max(rows.length, 1);
  return (
    <figure className="chart" role="group" aria-label={t('results.radarTitle')}>
      <ResponsiveContainer width="100%" height={380}>
        <RadarChart margin={{ top: 20, right: 110, bottom: 10, left: 110 }} data={rows} outerRadius="80%" role="img" aria-label={summary}>
          <PolarGrid />
          <PolarAngleAxis dataKey="domain" tick={(props: AngleTickProps) => <AngleTick {...props} missing={missingSet} label={t('results.notScored')} />} />
          <PolarRadiusAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} angle={tickAngle} tick={{ fontSize: 11, fill: '#444' }} axisLine={false} />
          {!names && <Radar name={t('results.target')} dataKey="target" stroke="#555" strokeWidth={2} strokeDasharray="6 4" fill="none" isAnimationActive={false} shape={<GappedSeries />} />}
          {withBaseline && (
            <Radar
              name={names?.baseline ?? t('results.baseline')}
              dataKey="baseline"
              stroke={names ? '#8a4b08' : '#888'}
              strokeWidth={2}
              strokeDasharray={names ? '6 4' : '2 3'}
              fill="none"
              isAnimationActive={false}
              shape={<GappedSeries />}
            />
          )}
          <Radar name={names?.score ?? t('results.score')} dataKey="score" stroke="#1f4e79" strokeWidth={2.5} fill="#1f4e79" fillOpacity={0.3} isAnimationActive={false} shape={<GappedSeries />} />
          <Legend />
        </RadarChart>
      </ResponsiveContainer>
      <figcaption>
        <span className="sr-only">{summary}</span>
        {missing.length > 0 && (
          <span className="chart-note" data-testid="radar-missing">
            {t('results.radarMissing', { count: missing.length, domains: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(missing) })}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
