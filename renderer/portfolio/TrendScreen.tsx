import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { domainLabel } from '../../core/framework/summary';
import { countryName } from '../../core/model/countries';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import type { CountryTrend } from '../../core/portfolio/types';
import { request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { loadFramework, storedContentLanguages } from '../frameworks';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import './portfolio.css';
import { Arrow } from '../components/Arrow';
import { fixed, fixedOr } from '../numbers';

const TrendLines = lazy(() => import('./charts').then((module) => ({ default: module.TrendLines })));

async function loadTrend(country: string): Promise<{ trend: CountryTrend; framework: Framework | undefined }> {
  const trend = await request('getCountryTrend', { country });
  const newest = trend.points.at(-1);
  // Names of domains and capabilities come from the newest version, in which the trend is stated.
  const framework = newest ? await loadFramework(newest, storedContentLanguages()).catch(() => undefined) : undefined;
  return { trend, framework };
}

const fmt = (value: number | null | undefined) => fixedOr(value, 2);

export function TrendScreen({ country }: { country: string }) {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(() => loadTrend(country), country);
  return (
    <div className="page page-wide">
      <p className="back-link">
        <a href={href({ screen: 'home' })}><Arrow to="back" /> {t('portfolio.back')}</a>
      </p>
      <h1>{t('portfolio.trend.heading', { country: countryName(country, i18n.language) })}</h1>
      {loaded.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loaded.kind === 'error' && <ErrorMessage error={loaded.error} />}
      {loaded.kind === 'ready' && <Trend {...loaded.data} />}
    </div>
  );
}

function Trend({ trend, framework }: { trend: CountryTrend; framework: Framework | undefined }) {
  const { t, i18n } = useTranslation();
  if (trend.points.length === 0) return <p className="notice">{t('portfolio.trend.none')}</p>;
  const domains = trend.domainIds.map((id, i) => {
    const domain = framework?.domains.find((d) => d.id === id);
    return { id, name: `${i + 1}. ${domain ? domainLabel(domain, i18n.language) : id}` };
  });
  const capabilityName = (id: string) => {
    for (const d of framework?.domains ?? []) for (const c of d.capabilities) if (c.id === id) return pickText(c.title, i18n.language);
    return id;
  };
  const title = (id: string) => trend.points.find((p) => p.id === id)?.title ?? id;
  const rows = trend.points.map((p) => ({ label: p.date, ...Object.fromEntries(domains.map((d) => [d.id, p.domains[d.id] ?? null])) }));
  const summary = domains.map((d) => `${d.name}: ${trend.points.map((p) => `${p.date} ${fmt(p.domains[d.id])}`).join(', ')}`).join('; ');

  return (
    <>
      <p className="muted">{t('portfolio.trend.intro', { count: trend.points.length })}</p>
      <section className="panel" aria-labelledby="trend-chart">
        <h2 id="trend-chart">{t('portfolio.trend.chartTitle')}</h2>
        {trend.points.length < 2 && <p className="notice">{t('portfolio.trend.single')}</p>}
        <Suspense
          fallback={
            <p className="muted" aria-busy="true">
              {t('loading')}
            </p>
          }
        >
          <TrendLines rows={rows} series={domains.map((d) => ({ key: d.id, name: d.name }))} summary={summary} />
        </Suspense>
        <div className="table-scroll">
          <table className="data-table trend-table">
            <thead>
              <tr>
                <th scope="col">{t('portfolio.trend.assessment')}</th>
                <th scope="col">{t('portfolio.trend.date')}</th>
                <th scope="col" className="num">
                  {t('portfolio.columns.overall')}
                </th>
                {domains.map((d) => (
                  <th scope="col" key={d.id} className="num">
                    {d.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.points.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a href={href({ screen: 'assessment', id: p.id, view: 'results' })}>{p.title}</a>
                    <span className="muted"> · {t(`mode.${p.mode}`)} · {t(`status.${p.status}`)}</span>
                  </th>
                  <td className="nowrap">{p.date}</td>
                  <td className="num strong">{fmt(p.overall)}</td>
                  {domains.map((d) => (
                    <td key={d.id} className="num">
                      {fmt(p.domains[d.id])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {trend.steps.map((step) => (
        <section className="panel" key={`${step.fromId}/${step.toId}`} aria-labelledby={`step-${step.toId}`}>
          <h2 id={`step-${step.toId}`}>{t('portfolio.trend.step', { from: title(step.fromId), to: title(step.toId) })}</h2>
          {!step.comparable && <p className="notice">{t('portfolio.trend.notComparable')}</p>}
          <h3>{t('portfolio.trend.moved')}</h3>
          {step.moved.length === 0 ? (
            <p className="muted">{t('portfolio.trend.noneMoved')}</p>
          ) : (
            <ul className="trend-moves">
              {step.moved.map((m) => (
                <li key={m.capabilityId}>
                  <span className={m.change > 0 ? 'up' : 'down'} aria-hidden="true">
                    {m.change > 0 ? '▲' : '▼'}
                  </span>{' '}
                  {t(m.change > 0 ? 'portfolio.trend.up' : 'portfolio.trend.down', { capability: capabilityName(m.capabilityId), from: fixed(m.from, 2), to: fixed(m.to, 2) })}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('portfolio.trend.planItems')}</h3>
          {step.planItems.length === 0 ? (
            <p className="muted">{t('portfolio.trend.noPlan')}</p>
          ) : (
            <ul className="trend-plan">
              {step.planItems.map((item) => (
                <li key={item.recommendationId}>
                  <strong>{item.completed ? t('portfolio.trend.completed') : t('portfolio.trend.open')}</strong>{' '}
                  {t('portfolio.trend.planItem', {
                    title: item.title ?? item.programmeId ?? item.recommendationId,
                    capability: capabilityName(item.capabilityId),
                    level: item.aimedLevel,
                    before: fmt(item.before),
                    after: fmt(item.after),
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
