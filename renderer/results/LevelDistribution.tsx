import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { domainLabel } from '../../core/framework/summary';
import type { Assessment } from '../../core/model/assessment';
import type { Framework } from '../../core/model/framework';

type Key = 'l1' | 'l2' | 'l3' | 'l4' | 'l5' | 'na' | 'unknown' | 'open';
/** Light to dark for levels 1–5, then distinct greys, so the bars read without colour. */
const series: Array<{ key: Key; fill: string }> = [
  { key: 'l1', fill: '#dbe6f1' },
  { key: 'l2', fill: '#a9c3de' },
  { key: 'l3', fill: '#6f97c2' },
  { key: 'l4', fill: '#3a6a9e' },
  { key: 'l5', fill: '#143a61' },
  { key: 'na', fill: '#bdbdbd' },
  { key: 'unknown', fill: '#7d7d7d' },
  { key: 'open', fill: '#f3f3f3' },
];

/** How the indicator ratings of each domain are spread over the levels, N/A, unknown and unanswered. */
export function LevelDistribution({ framework, assessment }: { framework: Framework; assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const rows = framework.domains.map((domain, d) => {
    const counts: Record<Key, number> = { l1: 0, l2: 0, l3: 0, l4: 0, l5: 0, na: 0, unknown: 0, open: 0 };
    for (const indicator of domain.capabilities.flatMap((c) => c.indicators)) {
      const rating = assessment.responses[indicator.id]?.rating;
      if (!rating) counts.open++;
      else if (rating.kind === 'level') counts[`l${rating.level}` as Key]++;
      else if (rating.kind === 'notApplicable') counts.na++;
      else counts.unknown++;
    }
    return { domain: `${d + 1}. ${domainLabel(domain, i18n.language)}`, ...counts };
  });
  const name = (key: Key) => (key.startsWith('l') ? t('results.levelN', { level: key.slice(1) }) : t(`results.distribution.${key as 'na' | 'unknown' | 'open'}`));
  return (
    <figure className="chart" role="group" aria-label={t('results.distributionTitle')}>
      <ResponsiveContainer width="100%" height={320}>
      <BarChart data={rows} layout="vertical" margin={{ left: 10, right: 20 }} role="img" aria-label={t('results.distributionTitle')}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="domain" width={170} tick={{ fontSize: 12, fill: '#222' }} />
        <Tooltip />
        <Legend />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={name(s.key)} stackId="levels" fill={s.fill} stroke="#555" strokeWidth={0.5} isAnimationActive={false} />
        ))}
      </BarChart>
      </ResponsiveContainer>
      <details>
        <summary>{t('results.asTable')}</summary>
        <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('results.domain')}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {name(s.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.domain}>
                <th scope="row">{row.domain}</th>
                {series.map((s) => (
                  <td key={s.key}>{row[s.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </details>
    </figure>
  );
}
