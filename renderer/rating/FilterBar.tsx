import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorFilters, type IndicatorFilter } from '../../core/review/filters';

/** Which indicators to list, with how many each filter holds, and a text search. Memoised: "next" changes none of it. */
export const FilterBar = memo(function FilterBar({ filter, counts, query, onFilter, onQuery, shown }: {
  filter: IndicatorFilter;
  counts: Record<IndicatorFilter, number>;
  query: string;
  onFilter: (filter: IndicatorFilter) => void;
  onQuery: (query: string) => void;
  shown: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="filter-bar">
      <div className="field field-compact">
        <label htmlFor="indicator-search">{t('filters.search')}</label>
        <input id="indicator-search" type="search" value={query} aria-describedby="filter-result" onChange={(e) => onQuery(e.target.value)} />
      </div>
      <fieldset className="filters">
        <legend>{t('filters.show')}</legend>
        {indicatorFilters.map((f) => (
          <label key={f} className={`filter-chip ${filter === f ? 'selected' : ''}`}>
            <input type="radio" name="indicator-filter" checked={filter === f} onChange={() => onFilter(f)} />
            {t(`filters.${f}`)} <span className="chip-count">{counts[f]}</span>
          </label>
        ))}
      </fieldset>
      <p id="filter-result" className="filter-result" role="status">
        {filter !== 'all' || query.trim() !== '' ? t('filters.shown', { count: shown }) : ''}
      </p>
    </div>
  );
});
