import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import { countryName } from '../../core/model/countries';
import { pickText } from '../../core/model/pick-text';
import { selectionFactors, type Ranking, type RegionInfo, type SelectionFactor, type SelectionWeights } from '../../core/portfolio/types';
import { call, request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import { ExportBar } from './ExportBar';
import './portfolio.css';
import { Arrow } from '../components/Arrow';
import { fixed } from '../numbers';

const weightsKey = 'ccat.selectionWeights';

function storedWeights(): Partial<SelectionWeights> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(weightsKey) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(selectionFactors.flatMap((f) => {
      const value = (parsed as Record<string, unknown>)[f];
      return typeof value === 'number' && value >= 0 && value <= 100 ? [[f, value]] : [];
    }));
  } catch {
    return {};
  }
}

/**
 * HQ's country selection: the core ranks countries by the weighted factors of the 2021 policy;
 * every weight change asks again at once, and each country shows what put it where it stands.
 * The weights are kept on this computer between visits.
 */
export function RankingScreen() {
  const { t, i18n } = useTranslation();
  const [weights, setWeights] = useState<Partial<SelectionWeights>>(storedWeights);
  const [region, setRegion] = useState('');
  const regions = useLoad(() => request('listRegions', {}), 'regions');
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'ready'; ranking: Ranking } | { kind: 'error'; error: ApiError }>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void call('rankCountries', { weights, ...(region ? { regions: [region] } : {}) }).then((result) => {
      if (live) setState(result.ok ? { kind: 'ready', ranking: result.data } : { kind: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [weights, region]);

  const setWeight = (factor: SelectionFactor, value: number) => {
    const next = { ...weights, [factor]: value };
    localStorage.setItem(weightsKey, JSON.stringify(next));
    setWeights(next);
  };
  const reset = () => {
    localStorage.removeItem(weightsKey);
    setWeights({});
  };
  const ranking = state.kind === 'ready' ? state.ranking : undefined;
  const regionList: RegionInfo[] = regions.kind === 'ready' ? regions.data : [];

  return (
    <div className="page page-wide">
      <p className="back-link">
        <a href={href({ screen: 'home' })}><Arrow to="back" /> {t('portfolio.back')}</a>
      </p>
      <h1>{t('portfolio.ranking.heading')}</h1>
      <p className="muted">{t('portfolio.ranking.intro')}</p>
      <div className="ranking-layout">
        <section className="panel ranking-weights" aria-labelledby="weights-heading">
          <h2 id="weights-heading">{t('portfolio.ranking.weights')}</h2>
          {selectionFactors.map((factor) => {
            const value = ranking?.weights[factor] ?? weights[factor] ?? 0;
            return (
              <div className="field weight-field" key={factor}>
                <label htmlFor={`weight-${factor}`}>{t(`portfolio.factors.${factor}.name`)}</label>
                <div className="weight-input">
                  <input
                    id={`weight-${factor}`}
                    type="number"
                    min={0}
                    max={100}
                    step={0.5}
                    value={value}
                    aria-describedby={`weight-${factor}-hint`}
                    onChange={(e) => {
                      const next = e.target.valueAsNumber;
                      if (Number.isFinite(next) && next >= 0 && next <= 100) setWeight(factor, next);
                    }}
                  />
                  {ranking && <span className="muted">{t('portfolio.ranking.default', { value: ranking.defaultWeights[factor] })}</span>}
                </div>
                <p id={`weight-${factor}-hint`} className="field-hint">
                  {t(`portfolio.factors.${factor}.hint`)}
                </p>
              </div>
            );
          })}
          <button type="button" className="button button-small" onClick={reset}>
            {t('portfolio.ranking.reset')}
          </button>
          <p className="field-hint">{t('portfolio.ranking.method')}</p>
        </section>
        <section className="panel ranking-result" aria-labelledby="ranking-heading">
          <h2 id="ranking-heading">{t('portfolio.ranking.result')}</h2>
          <div className="field ranking-region">
            <label htmlFor="ranking-region">{t('portfolio.filters.region')}</label>
            <select id="ranking-region" value={region} onChange={(e) => setRegion(e.target.value)}>
              <option value="">{t('portfolio.filters.any')}</option>
              {regionList.map((r) => (
                <option key={r.id} value={r.id}>
                  {pickText(r.name, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          {state.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
          {state.kind === 'error' && <ErrorMessage error={state.error} />}
          {ranking && <RankingTable ranking={ranking} />}
          <ExportBar what={t('portfolio.ranking.heading')} run={(format, language) => call('exportRanking', { format, language, weights, ...(region ? { regions: [region] } : {}) })} />
        </section>
      </div>
    </div>
  );
}

function RankingTable({ ranking }: { ranking: Ranking }) {
  const { t, i18n } = useTranslation();
  if (ranking.ranked.length === 0) return <p className="notice">{t('portfolio.ranking.empty')}</p>;
  const raw = (value: number | null) => (value === null ? t('portfolio.ranking.notRecorded') : fixed(value, 2));
  return (
    <>
      <div className="table-scroll">
        <table className="data-table ranking-table">
          <caption className="sr-only">{t('portfolio.ranking.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('portfolio.ranking.rank')}
              </th>
              <th scope="col">{t('home.columns.country')}</th>
              <th scope="col" className="num">
                {t('portfolio.ranking.score')}
              </th>
              {selectionFactors.map((f) => (
                <th scope="col" key={f} className="num">
                  {t(`portfolio.factors.${f}.short`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranking.ranked.map((c) => (
              <tr key={c.country} data-country={c.country}>
                <td className="num strong">{c.rank}</td>
                <th scope="row">
                  {countryName(c.country, i18n.language)}
                  <span className="ranking-source">
                    <a href={href({ screen: 'assessment', id: c.assessmentId, view: 'results' })}>{c.assessmentTitle}</a>
                  </span>
                </th>
                <td className="num strong">{fixed(c.score, 2)}</td>
                {c.factors.map((f) => (
                  <td key={f.factor} className="num">
                    <span className="contribution" title={t('portfolio.ranking.why', { raw: raw(f.raw), normalised: fixed(f.normalised, 2), weight: f.weight, contribution: fixed(f.contribution, 2) })}>
                      +{fixed(f.contribution, 2)}
                    </span>
                    <span className="factor-raw">{t('portfolio.ranking.rawValue', { raw: raw(f.raw), weight: f.weight })}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field-hint">{t('portfolio.ranking.whyLegend')}</p>
      {ranking.unranked.length > 0 && <p className="muted">{t('portfolio.ranking.unranked', { countries: ranking.unranked.map((c) => countryName(c, i18n.language)).join(', ') })}</p>}
    </>
  );
}
