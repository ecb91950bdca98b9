import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { domainLabel } from '../../core/framework/summary';
import { countryName } from '../../core/model/countries';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import type { ComparedAssessment, ComparedScores, Comparison as Compared } from '../../core/portfolio/types';
import { call, request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { loadFramework, storedContentLanguages } from '../frameworks';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import { ExportBar } from './ExportBar';
import './portfolio.css';
import { Arrow } from '../components/Arrow';
import { fixed, fixedOr } from '../numbers';

// recharts loads with the first chart, as on the results screen.
const CompareRadar = lazy(() => import('./charts').then((module) => ({ default: module.CompareRadar })));

/** The core compares (carrying older versions over through the mapping); the framework only names what it compared. */
async function loadComparison(ids: string[]): Promise<{ comparison: Compared; framework: Framework }> {
  const comparison = await request('compareAssessments', { ids });
  return { comparison, framework: await loadFramework(comparison, storedContentLanguages()) };
}

const fmt = (value: number | null | undefined) => fixedOr(value, 2);
const signed = (value: number) => fixed(value, 2, true);

export function CompareManyScreen({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const valid = ids.length >= 2 && ids.length <= 8;
  const loaded = useLoad(() => (valid ? loadComparison(ids) : Promise.resolve(undefined)), ids.join(','));
  return (
    <div className="page page-wide">
      <p className="back-link">
        <a href={href({ screen: 'home' })}><Arrow to="back" /> {t('portfolio.back')}</a>
      </p>
      <h1>{t('portfolio.compare.heading', { count: ids.length })}</h1>
      {!valid && <p className="error-box" role="alert">{t('portfolio.compare.count')}</p>}
      {valid && loaded.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loaded.kind === 'error' && <ErrorMessage error={loaded.error} />}
      {loaded.kind === 'ready' && loaded.data && <Comparison {...loaded.data} />}
    </div>
  );
}

function Comparison({ comparison, framework }: { comparison: Compared; framework: Framework }) {
  const { t, i18n } = useTranslation();
  const items = comparison.assessments;
  const name = (a: ComparedAssessment) => t('portfolio.compare.named', { title: a.title, country: countryName(a.country, i18n.language), mode: t(`mode.${a.mode}`) });
  const domainName = (id: string) => framework.domains.find((d) => d.id === id);
  const rows = comparison.domains.map((d, i) => {
    const domain = domainName(d.domainId);
    return { domain: `${i + 1}. ${domain ? domainLabel(domain, i18n.language) : d.domainId}`, ...Object.fromEntries(d.scores.map((score, k) => [`s${k}`, score ?? 0])) };
  });
  const summary = comparison.domains.map((d, i) => `${rows[i]!.domain}: ${items.map((a, k) => `${a.title} ${fmt(d.scores[k])}`).join(', ')}`).join('; ');
  const pair = items.length === 2 && items[0]!.country === items[1]!.country && items[0]!.frameworkVersion === items[1]!.frameworkVersion;
  const difference = (c: ComparedScores) => (items.length === 2 ? (c.differences[1] === null || c.differences[1] === undefined ? '–' : signed(-c.differences[1])) : fmt(c.spread));

  return (
    <>
      <p className="muted">{t('portfolio.compare.intro')}</p>
      {comparison.mapped && (
        <p className="notice" role="note">
          {t('portfolio.compare.mapped', {
            versions: [...new Set(items.map((a) => a.frameworkVersion))].join(', '),
            version: comparison.frameworkVersion,
            compared: comparison.indicatorsCompared,
            total: comparison.indicatorsTotal,
          })}
        </p>
      )}
      {pair && (
        <p>
          <a href={href({ screen: 'compare', leftId: items[0]!.id, rightId: items[1]!.id })}>{t('portfolio.compare.byIndicator')}</a>
        </p>
      )}
      <section className="panel" aria-labelledby="compare-many-radar">
        <h2 id="compare-many-radar">{t('portfolio.compare.radarTitle')}</h2>
        <Suspense
          fallback={
            <p className="muted" aria-busy="true">
              {t('loading')}
            </p>
          }
        >
          <CompareRadar rows={rows} series={items.map((item, i) => ({ key: `s${i}`, name: name(item) }))} summary={summary} />
        </Suspense>
      </section>
      <ExportBar what={t('portfolio.export.comparison')} run={(format, language) => call('exportComparison', { format, language, ids: items.map((i) => i.id) })} />
      <section className="panel" aria-labelledby="compare-many-table">
        <h2 id="compare-many-table">{t('portfolio.compare.tableTitle')}</h2>
        <p className="muted">{items.length === 2 ? t('portfolio.compare.differenceTwo') : t('portfolio.compare.differenceMany')}</p>
        <div className="table-scroll">
          <table className="data-table compare-many">
            <thead>
              <tr>
                <th scope="col">{t('compare.capability')}</th>
                {items.map((item) => (
                  <th scope="col" key={item.id}>
                    {name(item)}
                  </th>
                ))}
                <th scope="col">{items.length === 2 ? t('compare.difference') : t('portfolio.compare.spread')}</th>
              </tr>
            </thead>
            {comparison.domains.map((d, i) => {
              const domain = domainName(d.domainId);
              const capabilities = comparison.capabilities.filter((c) => c.domainId === d.domainId);
              return (
                <tbody key={d.domainId}>
                  <tr className="group-row">
                    <th scope="row">
                      {i + 1}. {domain ? pickText(domain.title, i18n.language) : d.domainId}
                    </th>
                    {d.scores.map((score, k) => (
                      <td key={items[k]!.id} className="num strong">
                        {fmt(score)}
                      </td>
                    ))}
                    <td className="num strong">{difference(d)}</td>
                  </tr>
                  {capabilities.map((c) => {
                    const index = domain?.capabilities.findIndex((x) => x.id === c.capabilityId) ?? -1;
                    const capability = domain?.capabilities[index];
                    return (
                      <tr key={c.capabilityId}>
                        <th scope="row" className="indent">
                          {i + 1}.{index + 1} {capability ? pickText(capability.title, i18n.language) : c.capabilityId}
                        </th>
                        {c.scores.map((score, k) => (
                          <td key={items[k]!.id} className="num">
                            {fmt(score)}
                          </td>
                        ))}
                        <td className="num">{difference(c)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              );
            })}
          </table>
        </div>
      </section>
    </>
  );
}
