import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVersions, domainLabel } from '../../core/framework/summary';
import type { AssessmentSummary } from '../../core/model/assessment';
import { countryName } from '../../core/model/countries';
import { request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useBundleDrop } from '../exchange/BundlePicker';
import { openForImport, readBundleFile } from '../exchange/pending';
import { loadFramework } from '../frameworks';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import { PortfolioFilters } from './PortfolioFilters';
import { PortfolioTable, type DomainColumn } from './PortfolioTable';
import { SelectionBar } from './SelectionBar';
import { filterRows, noFilters, sortRows, type Filters, type Sort, type SortKey } from './table';
import './portfolio.css';

/** Domain columns from the newest framework version in the portfolio: older versions share its domain ids. */
async function loadPortfolio(language: string): Promise<{ rows: AssessmentSummary[]; domains: DomainColumn[] }> {
  const rows = await request('listAssessments', {});
  const newest = rows.reduce<AssessmentSummary | undefined>((best, row) => (!best || compareVersions(row.frameworkVersion, best.frameworkVersion) > 0 ? row : best), undefined);
  if (!newest) return { rows, domains: [] };
  const framework = await loadFramework(newest).catch(() => undefined);
  return { rows, domains: framework?.domains.map((d, i) => ({ id: d.id, short: `D${i + 1}`, label: domainLabel(d, language) })) ?? [] };
}

/**
 * HQ's home: every assessment on this computer, sortable, filterable and grouped by country,
 * from which 2–8 are compared, a country's trend opened, or the ranking of countries.
 * `emptyExtra` is where the sample-assessment offer goes.
 */
export function PortfolioScreen({ emptyExtra }: { emptyExtra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(() => loadPortfolio(i18n.language), `portfolio/${i18n.language}`);
  const drop = useBundleDrop(openForImport);
  const picker = useRef<HTMLInputElement>(null);

  return (
    <div className="page page-wide" data-drop-active={drop.active} {...drop.handlers}>
      <div className="page-head">
        <h1>{t('home.heading')}</h1>
        <div className="home-import">
          <a className="button button-primary" href={href({ screen: 'new' })}>
            {t('home.new')}
          </a>
          <button type="button" className="button" aria-describedby="home-import-hint" onClick={() => picker.current?.click()}>
            {t('home.import')}
          </button>
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
      </div>
      <nav className="portfolio-nav" aria-label={t('portfolio.nav')}>
        <a href={href({ screen: 'ranking' })}>{t('portfolio.ranking.link')}</a>
        <a href={href({ screen: 'shelf', shelf: 'archive' })}>{t('portfolio.shelf.archive.link')}</a>
        <a href={href({ screen: 'shelf', shelf: 'trash' })}>{t('portfolio.shelf.trash.link')}</a>
      </nav>
      <p id="home-import-hint" className={drop.active ? 'drop-zone' : 'field-hint'} data-active={drop.active}>
        {drop.active ? t('home.dropNow') : t('home.importHint')}
      </p>
      {loaded.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loaded.kind === 'error' && <ErrorMessage error={loaded.error} />}
      {loaded.kind === 'ready' && loaded.data.rows.length === 0 && (
        <div className="empty-state">
          <h2>{t('home.emptyTitle')}</h2>
          <p>{t('portfolio.emptyBody')}</p>
          <p className="empty-actions">
            <a className="button button-primary" href={href({ screen: 'new' })}>
              {t('home.new')}
            </a>
            <button type="button" className="button" onClick={() => picker.current?.click()}>
              {t('home.import')}
            </button>
            {emptyExtra}
          </p>
          <p className="muted">{t('app.offline')}</p>
        </div>
      )}
      {loaded.kind === 'ready' && loaded.data.rows.length > 0 && <Portfolio rows={loaded.data.rows} domains={loaded.data.domains} />}
    </div>
  );
}

function Portfolio({ rows, domains }: { rows: AssessmentSummary[]; domains: DomainColumn[] }) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [sort, setSort] = useState<Sort>({ key: 'updated', direction: 'descending' });
  const [grouped, setGrouped] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const label = useMemo(() => {
    const names = new Map<string, string>();
    return (code: string) => {
      let name = names.get(code);
      if (name === undefined) names.set(code, (name = countryName(code, i18n.language)));
      return name;
    };
  }, [i18n.language]);
  const shown = useMemo(() => sortRows(filterRows(rows, filters, label), sort, label, i18n.language), [rows, filters, sort, label, i18n.language]);
  const onSort = (key: SortKey) =>
    setSort((current) => ({ key, direction: current.key === key ? (current.direction === 'ascending' ? 'descending' : 'ascending') : key === 'overall' || key.startsWith('domain:') || key === 'updated' ? 'descending' : 'ascending' }));
  // Picking a ninth lets go of the first, as picking a third did when only pairs could be compared.
  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((s) => s !== id) : [...current, id].slice(-8)));

  return (
    <>
      <PortfolioFilters rows={rows} filters={filters} onChange={setFilters} grouped={grouped} onGroup={setGrouped} />
      <p className="muted" role="status">
        {shown.length === rows.length ? t('home.count', { count: rows.length }) : t('portfolio.matching', { count: shown.length, total: rows.length })}
        {filters.country && (
          <>
            {' '}
            <a href={href({ screen: 'trend', country: filters.country })}>{t('portfolio.trendOf', { country: label(filters.country) })}</a>
          </>
        )}
      </p>
      <SelectionBar rows={rows} selected={selected} onClear={() => setSelected([])} />
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
