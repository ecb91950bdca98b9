import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVersions, domainLabel } from '../../core/framework/summary';
import type { Assessment } from '../../core/model/assessment';
import { countryName } from '../../core/model/countries';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import { scoreAssessment, type AssessmentScores } from '../../core/scoring/scores';
import { call, request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { loadFramework } from '../frameworks';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import { ExportBar } from './ExportBar';
import './portfolio.css';

// recharts loads with the first chart, as on the results screen.
const CompareRadar = lazy(() => import('./charts').then((module) => ({ default: module.CompareRadar })));

interface Compared {
  assessment: Assessment;
  framework: Framework;
  scores: AssessmentScores;
}

async function loadCompared(ids: string[]): Promise<Compared[]> {
  return Promise.all(
    ids.map(async (id) => {
      const assessment = await request('getAssessment', { id });
      const framework = await loadFramework(assessment);
      return { assessment, framework, scores: scoreAssessment(framework, assessment) };
    }),
  );
}

const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(2));
const signed = (value: number) => (value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2));

/**
 * Capabilities present in every compared framework version, in the newest one's order. Scores are
 * compared by capability: where versions differ, an indicator that was renamed, split or added is
 * inside its capability's mean rather than matched one to one.
 */
function sharedCapabilities(items: Compared[]) {
  const base = items.reduce((a, b) => (compareVersions(b.framework.version, a.framework.version) > 0 ? b : a)).framework;
  return base.domains.map((domain) => ({
    domain,
    capabilities: domain.capabilities.filter((c) => items.every((item) => item.framework.domains.some((d) => d.capabilities.some((other) => other.id === c.id)))),
  }));
}

function capabilityMean(item: Compared, capabilityId: string): number | null {
  for (const domain of item.scores.domains) for (const c of domain.capabilities) if (c.capabilityId === capabilityId) return c.mean;
  return null;
}

function domainMean(item: Compared, domainId: string): number | null {
  return item.scores.domains.find((d) => d.domainId === domainId)?.mean ?? null;
}

export function CompareManyScreen({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const valid = ids.length >= 2 && ids.length <= 8;
  const loaded = useLoad(() => (valid ? loadCompared(ids) : Promise.resolve([])), ids.join(','));
  return (
    <div className="page page-wide">
      <p className="back-link">
        <a href={href({ screen: 'home' })}>← {t('portfolio.back')}</a>
      </p>
      <h1>{t('portfolio.compare.heading', { count: ids.length })}</h1>
      {!valid && <p className="error-box" role="alert">{t('portfolio.compare.count')}</p>}
      {valid && loaded.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loaded.kind === 'error' && <ErrorMessage error={loaded.error} />}
      {valid && loaded.kind === 'ready' && <Comparison items={loaded.data} />}
    </div>
  );
}

function Comparison({ items }: { items: Compared[] }) {
  const { t, i18n } = useTranslation();
  const versions = new Set(items.map((i) => `${i.framework.id}@${i.framework.version}`));
  const groups = sharedCapabilities(items);
  const name = (a: Assessment) => t('portfolio.compare.named', { title: a.title, country: countryName(a.country, i18n.language), mode: t(`mode.${a.mode}`) });
  const rows = groups.map(({ domain }, d) => ({
    domain: `${d + 1}. ${domainLabel(domain, i18n.language)}`,
    ...Object.fromEntries(items.map((item, i) => [`s${i}`, domainMean(item, domain.id) ?? 0])),
  }));
  const summary = groups
    .map(({ domain }, d) => `${d + 1}. ${domainLabel(domain, i18n.language)}: ${items.map((item) => `${item.assessment.title} ${fmt(domainMean(item, domain.id))}`).join(', ')}`)
    .join('; ');
  const pair = items.length === 2 && items[0]!.assessment.country === items[1]!.assessment.country && versions.size === 1;
  const difference = (values: Array<number | null>) => {
    const known = values.filter((v): v is number => v !== null);
    if (known.length < 2) return '–';
    const [first, second] = values;
    if (items.length > 2) return (Math.max(...known) - Math.min(...known)).toFixed(2);
    return first === null || first === undefined || second === null || second === undefined ? '–' : signed(first - second);
  };

  return (
    <>
      <p className="muted">{t('portfolio.compare.intro')}</p>
      {versions.size > 1 && (
        <p className="notice" role="note">
          {t('portfolio.compare.versions', { versions: [...versions].map((v) => v.split('@')[1]).join(', ') })}
        </p>
      )}
      {pair && (
        <p>
          <a href={href({ screen: 'compare', leftId: items[0]!.assessment.id, rightId: items[1]!.assessment.id })}>{t('portfolio.compare.byIndicator')}</a>
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
          <CompareRadar rows={rows} series={items.map((item, i) => ({ key: `s${i}`, name: name(item.assessment) }))} summary={summary} />
        </Suspense>
      </section>
      <ExportBar what={t('portfolio.export.comparison')} run={(format, language) => call('exportComparison', { format, language, ids: items.map((i) => i.assessment.id) })} />
      <section className="panel" aria-labelledby="compare-many-table">
        <h2 id="compare-many-table">{t('portfolio.compare.tableTitle')}</h2>
        <p className="muted">{items.length === 2 ? t('portfolio.compare.differenceTwo') : t('portfolio.compare.differenceMany')}</p>
        <div className="table-scroll">
          <table className="data-table compare-many">
            <thead>
              <tr>
                <th scope="col">{t('compare.capability')}</th>
                {items.map((item) => (
                  <th scope="col" key={item.assessment.id}>
                    {name(item.assessment)}
                  </th>
                ))}
                <th scope="col">{items.length === 2 ? t('compare.difference') : t('portfolio.compare.spread')}</th>
              </tr>
            </thead>
            {groups.map(({ domain, capabilities }, d) => (
              <tbody key={domain.id}>
                <tr className="group-row">
                  <th scope="row">
                    {d + 1}. {pickText(domain.title, i18n.language)}
                  </th>
                  {items.map((item) => (
                    <td key={item.assessment.id} className="num strong">
                      {fmt(domainMean(item, domain.id))}
                    </td>
                  ))}
                  <td className="num strong">{difference(items.map((item) => domainMean(item, domain.id)))}</td>
                </tr>
                {capabilities.map((capability) => {
                  const values = items.map((item) => capabilityMean(item, capability.id));
                  return (
                    <tr key={capability.id}>
                      <th scope="row" className="indent">
                        {d + 1}.{domain.capabilities.indexOf(capability) + 1} {pickText(capability.title, i18n.language)}
                      </th>
                      {values.map((v, i) => (
                        <td key={items[i]!.assessment.id} className="num">
                          {fmt(v)}
                        </td>
                      ))}
                      <td className="num">{difference(values)}</td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
      </section>
    </>
  );
}
