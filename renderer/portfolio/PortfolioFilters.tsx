import { useTranslation } from 'react-i18next';
import { countryName } from '../../core/model/countries';
import { pickText } from '../../core/model/pick-text';
import { assessmentModes, assessmentStatuses } from '../../core/model/vocabulary';
import type { PortfolioView } from '../../core/portfolio/types';
import { noChoices, type Choices } from './query';

/** Search and one select per filter; countries, versions and years offer only what the portfolio holds. */
export function PortfolioFilters({
  facets,
  regions,
  filters,
  onChange,
  grouped,
  onGroup,
}: {
  facets: PortfolioView['facets'];
  regions: PortfolioView['regions'];
  filters: Choices;
  onChange: (filters: Choices) => void;
  grouped: boolean;
  onGroup: (grouped: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof Choices>(key: K, value: Choices[K]) => onChange({ ...filters, [key]: value });
  const countries = [...facets.countries].sort((a, b) => countryName(a, i18n.language).localeCompare(countryName(b, i18n.language), i18n.language));
  const any = t('portfolio.filters.any');
  const active = Object.entries(filters).some(([, value]) => value !== '');
  const chosenRegion = regions.find((r) => r.id === filters.region);
  return (
    <div role="search" className="portfolio-filters" aria-label={t('portfolio.filters.label')}>
      <div className="field portfolio-search">
        <label htmlFor="portfolio-search">{t('portfolio.filters.search')}</label>
        <input id="portfolio-search" type="search" value={filters.search} onChange={(e) => set('search', e.target.value)} placeholder={t('portfolio.filters.searchHint')} />
      </div>
      <div className="field">
        <label htmlFor="filter-country">{t('home.columns.country')}</label>
        <select id="filter-country" value={filters.country} onChange={(e) => set('country', e.target.value)}>
          <option value="">{any}</option>
          {countries.map((c) => (
            <option key={c} value={c}>
              {countryName(c, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field portfolio-region">
        <label htmlFor="filter-region">{t('portfolio.filters.region')}</label>
        {/* A long region name may be cut in the closed list; its whole name shows on hover. */}
        <select id="filter-region" value={filters.region} title={chosenRegion ? pickText(chosenRegion.name, i18n.language) : undefined} onChange={(e) => set('region', e.target.value)}>
          <option value="">{any}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {pickText(r.name, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-mode">{t('home.columns.mode')}</label>
        <select id="filter-mode" value={filters.mode} onChange={(e) => set('mode', e.target.value as Choices['mode'])}>
          <option value="">{any}</option>
          {assessmentModes.map((m) => (
            <option key={m} value={m}>
              {t(`mode.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">{t('home.columns.status')}</label>
        <select id="filter-status" value={filters.status} onChange={(e) => set('status', e.target.value as Choices['status'])}>
          <option value="">{any}</option>
          {assessmentStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field portfolio-short">
        <label htmlFor="filter-framework">{t('portfolio.columns.framework')}</label>
        <select id="filter-framework" value={filters.framework} onChange={(e) => set('framework', e.target.value)}>
          <option value="">{any}</option>
          {facets.frameworkVersions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div className="field portfolio-short">
        <label htmlFor="filter-year">{t('portfolio.filters.year')}</label>
        <select id="filter-year" value={filters.year} onChange={(e) => set('year', e.target.value)}>
          <option value="">{any}</option>
          {facets.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="portfolio-filter-actions">
        <label className="choice">
          <input type="checkbox" checked={grouped} onChange={(e) => onGroup(e.target.checked)} />
          {t('portfolio.filters.group')}
        </label>
        {active && (
          <button type="button" className="button button-small button-quiet" onClick={() => onChange(noChoices)}>
            {t('portfolio.filters.clear')}
          </button>
        )}
      </div>
    </div>
  );
}
