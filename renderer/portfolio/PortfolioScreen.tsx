import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVersions, domainLabel } from '../../core/framework/summary';
import type { AssessmentSummary } from '../../core/model/assessment';
import { countryName } from '../../core/model/countries';
import type { PortfolioQuery, RegionInfo } from '../../core/portfolio/types';
import type { ApiError } from '../../core/api/result';
import { call, request } from '../api';
import { lastAssessor } from '../hooks/useAssessor';
import { ErrorMessage } from '../components/ErrorMessage';
import { useBundleDrop } from '../exchange/BundlePicker';
import { openForImport, readBundleFile } from '../exchange/pending';
import { loadFramework } from '../frameworks';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import { PortfolioFilters } from './PortfolioFilters';
import { PortfolioTable, type DomainColumn } from './PortfolioTable';
import { ExportBar } from './ExportBar';
import { SelectionBar } from './SelectionBar';
import { filterRows, noFilters, sortRows, type Filters, type Sort, type SortKey } from './table';
import './portfolio.css';

/** Domain columns from the newest framework version in the portfolio: older versions share its domain ids. */
interface Loaded {
  rows: AssessmentSummary[];
  domains: DomainColumn[];
  regions: RegionInfo[];
}

async function loadPortfolio(language: string): Promise<Loaded> {
  const [rows, regions] = await Promise.all([request('listAssessments', {}), request('listRegions', {})]);
  const newest = rows.reduce<AssessmentSummary | undefined>((best, row) => (!best || compareVersions(row.frameworkVersion, best.frameworkVersion) > 0 ? row : best), undefined);
  if (!newest) return { rows, domains: [], regions };
  const framework = await loadFramework(newest).catch(() => undefined);
  return { rows, regions, domains: framework?.domains.map((d, i) => ({ id: d.id, short: `D${i + 1}`, label: domainLabel(d, language) })) ?? [] };
}

/** The filters and sort on screen, as the core's export takes them, so the file holds what is shown. */
function toQuery(filters: Filters, sort: Sort): PortfolioQuery {
  const column = sort.key === 'framework' ? 'frameworkVersion' : sort.key === 'updated' ? 'updatedAt' : sort.key;
  return {
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.country ? { countries: [filters.country] } : {}),
    ...(filters.region ? { regions: [filters.region] } : {}),
    ...(filters.mode ? { modes: [filters.mode] } : {}),
    ...(filters.status ? { statuses: [filters.status] } : {}),
    ...(filters.framework ? { frameworkVersions: [filters.framework] } : {}),
    ...(filters.year ? { years: [Number(filters.year)] } : {}),
    sort: { column, direction: sort.direction === 'ascending' ? 'asc' : 'desc' },
  };
}

/**
 * HQ's home: every assessment on this computer, sortable, filterable and grouped by country,
 * from which 2–8 are compared, a country's trend opened, or the ranking of countries.
 * `emptyExtra` is where the sample-assessment offer goes.
 */
export function PortfolioScreen({ emptyExtra }: { emptyExtra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const loaded = useLoad(() => loadPortfolio(i18n.language), `portfolio/${i18n.language}/${version}`);
  // While a reload after archiving runs, the table stays (with its filters and sort) instead of blinking away.
  const [kept, setKept] = useState<Loaded | undefined>();
  if (loaded.kind === 'ready' && kept !== loaded.data) setKept(loaded.data);
  const data = loaded.kind === 'ready' ? loaded.data : loaded.kind === 'loading' ? kept : undefined;
  const empty = data?.rows.length === 0;
  const drop = useBundleDrop(openForImport);
  const picker = useRef<HTMLInputElement>(null);

  return (
    <div className="page page-wide" data-drop-active={drop.active} {...drop.handlers}>
      <div className="page-head">
        <h1>{t('home.heading')}</h1>
        {!empty && <StartButtons onImport={() => picker.current?.click()} />}
        <input
          ref={picker}
          type="file"
          accept=".ccat,application/vnd.ccat.bundle"
          hidden
          aria-label={t('home.import')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void readBundleFile(file).then(openForImport);
          }}
        />
      </div>
      <nav className="portfolio-nav" aria-label={t('portfolio.nav')}>
        <a href={href({ screen: 'ranking' })}>{t('portfolio.ranking.link')}</a>
        <a href={href({ screen: 'shelf', shelf: 'archive' })}>{t('portfolio.shelf.archive.link')}</a>
        <a href={href({ screen: 'shelf', shelf: 'trash' })}>{t('portfolio.shelf.trash.link')}</a>
      </nav>
      <p id="home-import-hint" className={drop.active ? 'drop-zone' : 'field-hint'} data-active={drop.active}>
        {drop.active ? t('home.dropNow') : t('home.importHint')}
      </p>
      {!data && loaded.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loaded.kind === 'error' && <ErrorMessage error={loaded.error} />}
      {data && data.rows.length === 0 && (
        <div className="empty-state">
          <h2>{t('home.emptyTitle')}</h2>
          <p>{t('portfolio.emptyBody')}</p>
          <div className="empty-actions">
            <StartButtons onImport={() => picker.current?.click()} />
            {emptyExtra}
          </div>
          <p className="muted">{t('app.offline')}</p>
        </div>
      )}
      {data && data.rows.length > 0 && <Portfolio {...data} onShelved={() => setVersion((v) => v + 1)} />}
    </div>
  );
}

/** In the header, or alone in the empty state: never both, so each is the one button of its name. */
function StartButtons({ onImport }: { onImport: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="home-import">
      <a className="button button-primary" href={href({ screen: 'new' })}>
        {t('home.new')}
      </a>
      <button type="button" className="button" aria-describedby="home-import-hint" onClick={onImport}>
        {t('home.import')}
      </button>
    </div>
  );
}

function Portfolio({ rows, domains, regions, onShelved }: Loaded & { onShelved: () => void }) {
  const { t, i18n } = useTranslation();
  const [shelfError, setShelfError] = useState<ApiError | undefined>();
  const [shelved, setShelved] = useState('');
  const shelve = async (ids: string[], command: 'archiveAssessments' | 'trashAssessments') => {
    const by = lastAssessor().trim();
    const result = await call(command, { ids, ...(by ? { by } : {}) });
    if (!result.ok) return setShelfError(result.error);
    setShelfError(undefined);
    const titles = ids.map((id) => rows.find((r) => r.id === id)?.title ?? id).join('”, “');
    setShelved(t(command === 'archiveAssessments' ? 'portfolio.shelf.archived' : 'portfolio.shelf.trashed', { count: ids.length, title: titles }));
    setSelected([]);
    onShelved();
  };

  const [filters, setFilters] = useState<Filters>(noFilters);
  const [sort, setSort] = useState<Sort>({ key: 'updated', direction: 'descending' });
  const [grouped, setGrouped] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  // Intl.DisplayNames is slow enough to notice at 1,000 rows: one lookup per country, not per row and sort step.
  const label = useMemo(() => {
    const names = new Map([...new Set(rows.map((r) => r.country))].map((code) => [code, countryName(code, i18n.language)]));
    return (code: string) => names.get(code) ?? code;
  }, [rows, i18n.language]);
  const shown = useMemo(() => {
    const region = regions.find((r) => r.id === filters.region);
    return sortRows(filterRows(rows, filters, label, region && new Set(region.countries)), sort, label, i18n.language);
  }, [rows, regions, filters, sort, label, i18n.language]);
  const onSort = (key: SortKey) =>
    setSort((current) => ({ key, direction: current.key === key ? (current.direction === 'ascending' ? 'descending' : 'ascending') : key === 'overall' || key.startsWith('domain:') || key === 'updated' ? 'descending' : 'ascending' }));
  // Picking a ninth lets go of the first, as picking a third did when only pairs could be compared.
  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((s) => s !== id) : [...current, id].slice(-8)));

  return (
    <>
      <PortfolioFilters rows={rows} regions={regions} filters={filters} onChange={setFilters} grouped={grouped} onGroup={setGrouped} />
      <p className="muted" role="status">
        {shown.length === rows.length ? t('home.count', { count: rows.length }) : t('portfolio.matching', { count: shown.length, total: rows.length })}
        {filters.country && (
          <>
            {' '}
            <a href={href({ screen: 'trend', country: filters.country })}>{t('portfolio.trendOf', { country: label(filters.country) })}</a>
          </>
        )}
      </p>
      <div role="status">{shelved}</div>
      {shelfError && <ErrorMessage error={shelfError} />}
      <ExportBar
        what={t('portfolio.export.portfolio')}
        run={(format, language) => call('exportPortfolio', { format, language, query: toQuery(filters, sort) })}
      />
      <SelectionBar rows={rows} selected={selected} onClear={() => setSelected([])} onShelve={(command) => void shelve(selected, command)} />
      {shown.length === 0 ? (
        <p className="notice">{t('portfolio.noMatch')}</p>
      ) : (
        <PortfolioTable
          key={`${JSON.stringify(filters)}/${grouped}`}
          rows={shown}
          grouped={grouped}
          sort={sort}
          onSort={onSort}
          domains={domains}
          selected={selected}
          onToggle={toggle}
          actions={(a) =>
            a.status === 'final' && (
              <a className="button button-small" href={href({ screen: 'new', baselineId: a.id })}>
                {t('home.followUp')}
                <span className="sr-only"> — {a.title}</span>
              </a>
            )
          }
        />
      )}
    </>
  );
}
