import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorNumber, indicatorPlaces } from '../../core/framework/summary';
import { indicatorFilters, matchesFilter, matchesSearch, type IndicatorFilter } from '../../core/review/filters';
import { NavTree } from '../components/NavTree';
import { useFrameworkIn } from '../frameworks';
import { useStoredState } from '../hooks/useStoredState';
import { href } from '../route';
import { useWorkspace } from '../workspace/context';
import { BilingualToggle } from './BilingualToggle';
import { FilterBar } from './FilterBar';
import { IndicatorPanel } from './IndicatorPanel';
import { ratingMark, ratingStatus } from './marks';
import './rating.css';

/** The rating view: the tree with filters and search on the left, one indicator on the right. */
export function RateView({ indicatorId }: { indicatorId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { assessment, framework: held } = useWorkspace();
  const [filterValue, setFilter] = useStoredState(`ccat.filter.${assessment.id}`, 'all');
  const [query, setQuery] = useStoredState(`ccat.search.${assessment.id}`, '');
  const [second, setSecond] = useStoredState('ccat.bilingual', '', 'local');
  const framework = useFrameworkIn(held, [second]);
  const filter: IndicatorFilter = (indicatorFilters as readonly string[]).includes(filterValue) ? (filterValue as IndicatorFilter) : 'all';
  const places = useMemo(() => indicatorPlaces(framework), [framework]);
  const numbers = useMemo(() => new Map(places.map((p) => [p.indicator.id, indicatorNumber(framework, p.indicator.id)])), [places, framework]);
  // Moving to the next indicator changes neither the assessment nor the filter: none of this is recomputed then.
  const counts = useMemo(
    () => Object.fromEntries(indicatorFilters.map((f) => [f, places.filter((p) => matchesFilter(f, p.indicator.id, assessment)).length])) as Record<IndicatorFilter, number>,
    [places, assessment],
  );
  const visiblePlaces = useMemo(
    () => places.filter((p) => matchesFilter(filter, p.indicator.id, assessment) && matchesSearch(query, p.indicator, assessment, numbers.get(p.indicator.id))),
    [places, filter, query, assessment, numbers],
  );
  const visible = useMemo(() => new Set(visiblePlaces.map((p) => p.indicator.id)), [visiblePlaces]);
  const index = Math.max(0, places.findIndex((p) => p.indicator.id === indicatorId));
  const place = places[index]!;
  // Previous/next follow the filtered list while the current indicator is in it.
  const walk = visible.has(place.indicator.id) ? visiblePlaces : places;
  const at = walk.findIndex((p) => p.indicator.id === place.indicator.id);
  const link = useCallback((id: string) => href({ screen: 'assessment', id: assessment.id, view: 'rate', indicatorId: id }), [assessment.id]);
  // Stable while the answers stay the same, so that the tree re-renders only the rows "next" changes.
  const { responses } = assessment;
  const done = useCallback((id: string) => Boolean(responses[id]?.rating), [responses]);
  const mark = useCallback((id: string) => ratingMark(responses[id]), [responses]);
  const status = useMemo(() => {
    // Said once for every unanswered row, not once per row.
    const unanswered = ratingStatus(t, undefined);
    return (id: string) => (responses[id]?.rating ? ratingStatus(t, responses[id]) : unanswered);
  }, [t, responses]);
  const secondLanguage = second !== '' && second !== i18n.language && framework.languages.includes(second) ? second : undefined;
  const filtering = filter !== 'all' || query.trim() !== '';
  const chooseSecond = useCallback((language: string | undefined) => setSecond(language ?? ''), [setSecond]);

  return (
    <div className="workspace-body">
      <aside className="sidebar" aria-label={t('filters.sidebar')}>
        <FilterBar filter={filter} counts={counts} query={query} onFilter={setFilter} onQuery={setQuery} shown={visiblePlaces.length} />
        {visiblePlaces.length === 0 ? (
          <div className="empty-state empty-small">
            <p>{t('filters.none')}</p>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setFilter('all');
                setQuery('');
              }}
            >
              {t('filters.clear')}
            </button>
          </div>
        ) : (
          <NavTree
            framework={framework}
            visible={visible}
            currentId={place.indicator.id}
            done={done}
            mark={mark}
            status={status}
            linkTo={link}
            expandAll={filtering}
            label={t('tree.label')}
          />
        )}
      </aside>
      <section className="workspace-main">
        <BilingualToggle languages={framework.languages} value={secondLanguage} onChange={chooseSecond} />
        {/* Not keyed by indicator: the next one reuses the panel's DOM (its per-indicator state resets itself). */}
        <IndicatorPanel
          place={place}
          number={numbers.get(place.indicator.id)!}
          secondLanguage={secondLanguage}
          previous={walk[at - 1] && link(walk[at - 1]!.indicator.id)}
          next={walk[at + 1] && link(walk[at + 1]!.indicator.id)}
        />
      </section>
    </div>
  );
}
