import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { domainLabel } from '../../core/framework/summary';
import { countryName } from '../../core/model/countries';
import { pickText } from '../../core/model/pick-text';
import { filterRows, sortRows } from '../../core/portfolio/portfolio';
import type { PortfolioColumn, PortfolioView } from '../../core/portfolio/types';
import type { ApiError } from '../../core/api/result';
import { call, request } from '../api';
import { lastAssessor } from '../hooks/useAssessor';
import { ErrorMessage } from '../components/ErrorMessage';
import { useBundleDrop } from '../exchange/BundlePicker';
import { openForImport, readBundleFile } from '../exchange/pending';
import { loadFramework, storedContentLanguages } from '../frameworks';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import { PortfolioFilters } from './PortfolioFilters';
import { PortfolioTable, type CapabilityName, type DomainColumn } from './PortfolioTable';
import { ExportBar } from './ExportBar';
import { SelectionBar } from './SelectionBar';
import { filterOf, noChoices, type Choices, type Sort } from './query';
import './portfolio.css';

interface Loaded {
  view: PortfolioView;
  domains: DomainColumn[];
  capabilityName: CapabilityName;
}

/** Every active row once; filters and sort then run here with the core's own functions, so a click re-sorts without a round trip. */
async function loadPortfolio(language: string): Promise<Loaded> {
  const view = await request('listPortfolio', {});
  const newest = view.rows.find((r) => r.frameworkVersion === view.facets.frameworkVersions[0]);
  const framework = newest ? await loadFramework(newest, storedContentLanguages()).catch(() => undefined) : undefined;
  const names = new Map(framework?.domains.flatMap((d) => d.capabilities.map((c) => [c.id, pickText(c.title, language)] as const)) ?? []);
  const domains = view.domainIds.map((id, i) => {
    const domain = framework?.domains.find((d) => d.id === id);
    return { id, short: `D${i + 1}`, label: domain ? domainLabel(domain, language) : id };
  });
  return { view, domains, capabilityName: (id) => names.get(id) ?? id };
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
  const empty = data?.view.total === 0;
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
        <a href={href({ screen: 'shelf', shelf: 'archive' })}>
          {t('portfolio.shelf.archive.link')}
          {data && ` (${data.view.shelves.archived})`}
        </a>
        <a href={href({ screen: 'shelf', shelf: 'trash' })}>
          {t('portfolio.shelf.trash.link')}
          {data && ` (${data.view.shelves.trashed})`}
        </a>
      </nav>
      <p id="home-import-hint" className={drop.active ? 'drop-zone' : 'field-hint'} data-active={drop.active}>
        {drop.active ? t('home.dropNow') : t('home.importHint')}
      </p>
      {!data && loaded.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loaded.kind === 'error' && <ErrorMessage error={loaded.error} />}
      {data && empty && (
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
      {data && !empty && <Portfolio {...data} onShelved={() => setVersion((v) => v + 1)} />}
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

function Portfolio({ view, domains, capabilityName, onShelved }: Loaded & { onShelved: () => void }) {
  const { t, i18n } = useTranslation();
  const [shelfError, setShelfError] = useState<ApiError | undefined>();
  const [shelved, setShelved] = useState('');
  const [choices, setChoices] = useState<Choices>(noChoices);
  const [sort, setSort] = useState<Sort>({ column: 'updatedAt', direction: 'desc' });
  const [grouped, setGrouped] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const { rows } = view;
  const filter = useMemo(() => filterOf(choices), [choices]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort.column, sort.direction), [rows, filter, sort]);
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
  // Scores and the latest change read best highest / newest first; names and codes from A.
  const onSort = (column: PortfolioColumn) =>
    setSort((current) => ({
      column,
      direction: current.column === column ? (current.direction === 'asc' ? 'desc' : 'asc') : column === 'overall' || column === 'gap' || column === 'updatedAt' || column.startsWith('domain:') ? 'desc' : 'asc',
    }));
  // Picking a ninth lets go of the first, as picking a third did when only pairs could be compared.
  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((s) => s !== id) : [...current, id].slice(-8)));
  const country = choices.country;

  return (
    <>
      <PortfolioFilters facets={view.facets} regions={view.regions} filters={choices} onChange={setChoices} grouped={grouped} onGroup={setGrouped} />
      <p className="muted" role="status">
        {shown.length === rows.length ? t('home.count', { count: rows.length }) : t('portfolio.matching', { count: shown.length, total: rows.length })}
        {country && (
          <>
            {' '}
            <a href={href({ screen: 'trend', country })}>{t('portfolio.trendOf', { country: countryName(country, i18n.language) })}</a>
          </>
        )}
      </p>
      <div role="status">{shelved}</div>
      {shelfError && <ErrorMessage error={shelfError} />}
      <ExportBar
        what={t('portfolio.export.portfolio')}
        run={(format, language) => call('exportPortfolio', { format, language, query: { ...filter, sort } })}
      />
      <SelectionBar rows={rows} selected={selected} onClear={() => setSelected([])} onShelve={(command) => void shelve(selected, command)} />
      {shown.length === 0 ? (
        <p className="notice">{t('portfolio.noMatch')}</p>
      ) : (
        <PortfolioTable
          key={`${JSON.stringify(choices)}/${grouped}`}
          rows={shown}
          grouped={grouped}
          sort={sort}
          onSort={onSort}
          domains={domains}
          capabilityName={capabilityName}
          selected={selected}
          onToggle={toggle}
          actions={(a) =>
            a.status === 'final' && (
              <a href={href({ screen: 'new', baselineId: a.id })}>
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
