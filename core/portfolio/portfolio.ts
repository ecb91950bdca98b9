import { compareVersions } from '../framework/summary';
import { uiLanguages } from '../../locales/languages';
import { countryName } from '../model/countries';
import type { IndexEntry } from '../store/index-schema';
import { regionsByCountry } from './region-lookup';
import type { PortfolioColumn, PortfolioFilter, PortfolioGroup, PortfolioQuery, PortfolioRow, PortfolioView, RegionInfo, ShelfState, SortDirection } from './types';

export type ShelfLookup = ReadonlyMap<string, { state: ShelfState; at: string }>;

/** The year a row is filed under: the period's start, else its end, else when it was created. */
export function yearOf(entry: Pick<IndexEntry, 'period' | 'createdAt'>): number {
  return Number((entry.period.from ?? entry.period.to ?? entry.createdAt).slice(0, 4));
}

/** One row per index entry; no document is read. */
export function portfolioRows(entries: readonly IndexEntry[], shelf: ShelfLookup, regions: readonly RegionInfo[]): PortfolioRow[] {
  const byCountry = regionsByCountry(regions);
  return entries.map((e) => {
    const shelved = shelf.get(e.id);
    return {
      id: e.id,
      title: e.title,
      country: e.country,
      regions: byCountry.get(e.country) ?? [],
      mode: e.mode,
      status: e.status,
      frameworkId: e.frameworkId,
      frameworkVersion: e.frameworkVersion,
      period: e.period,
      year: yearOf(e),
      coverage: e.coverage,
      overall: e.scores?.overall ?? null,
      domains: e.scores?.domains ?? {},
      gaps: e.gaps,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      revision: e.revision,
      signer: e.signer,
      shelf: shelved?.state ?? null,
      shelvedAt: shelved?.at ?? null,
    };
  });
}

function matchesShelf(row: PortfolioRow, view: PortfolioFilter['shelf']): boolean {
  switch (view ?? 'active') {
    case 'active':
      return row.shelf === null;
    case 'all':
      return true;
    default:
      return row.shelf === view;
  }
}

const given = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

/**
 * Every filter narrows (an empty or absent list does not); the search is case-insensitive over
 * title, id, country code, the country's name in every UI language, and the signer.
 */
export function filterRows(rows: readonly PortfolioRow[], filter: PortfolioFilter): PortfolioRow[] {
  const needle = filter.search?.trim().toLocaleLowerCase() ?? '';
  // Per country, not per row: a name lookup costs more than the comparison.
  const namesOf = new Map<string, string[]>();
  const names = (code: string) => {
    let found = namesOf.get(code);
    if (found === undefined) namesOf.set(code, (found = uiLanguages.map((language) => countryName(code, language).toLocaleLowerCase())));
    return found;
  };
  return rows.filter((row) => {
    if (!matchesShelf(row, filter.shelf)) return false;
    if (given(filter.countries) && !filter.countries.includes(row.country)) return false;
    if (given(filter.regions) && !row.regions.some((r) => filter.regions!.includes(r))) return false;
    if (given(filter.modes) && !filter.modes.includes(row.mode)) return false;
    if (given(filter.statuses) && !filter.statuses.includes(row.status)) return false;
    if (given(filter.frameworkVersions) && !filter.frameworkVersions.includes(row.frameworkVersion)) return false;
    if (given(filter.years) && !filter.years.includes(row.year)) return false;
    if (needle === '') return true;
    const haystack = [row.title, row.id, row.country, row.signer?.installation ?? '', row.signer?.fingerprint ?? ''];
    return haystack.some((text) => text.toLocaleLowerCase().includes(needle)) || names(row.country).some((name) => name.includes(needle));
  });
}

type SortKey = string | number | null;

function sortKey(row: PortfolioRow, column: PortfolioColumn): SortKey {
  if (column.startsWith('domain:')) return row.domains[column.slice('domain:'.length)] ?? null;
  switch (column) {
    case 'country':
    case 'title':
    case 'mode':
    case 'status':
    case 'frameworkVersion':
    case 'updatedAt':
      return row[column];
    case 'period':
      return row.period.from ?? row.period.to ?? null;
    case 'coverage':
      return row.coverage === null || row.coverage.total === 0 ? null : row.coverage.rated / row.coverage.total;
    case 'overall':
      return row.overall;
    case 'gap':
      return row.gaps[0]?.gap ?? null;
    case 'signer':
      return row.signer?.installation ?? null;
    default:
      return null;
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Stable sort on one column; rows without a value (no score, no period) go last in either
 * direction, so "lowest first" never starts with the unrated. Ties keep country, then title order.
 */
export function sortRows(rows: readonly PortfolioRow[], column: PortfolioColumn, direction: SortDirection): PortfolioRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row) => ({ row, key: sortKey(row, column) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key !== b.key) return a.key === null ? 1 : -1;
      } else {
        const byKey = compareKeys(a.key, b.key);
        if (byKey !== 0) return sign * byKey;
      }
      return collator.compare(a.row.country, b.row.country) || collator.compare(a.row.title, b.row.title) || collator.compare(a.row.id, b.row.id);
    })
    .map(({ row }) => row);
}

/** Row ids by country, countries in the order of their first row, rows keeping their order. */
export function groupByCountry(rows: readonly PortfolioRow[]): PortfolioGroup[] {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const ids = groups.get(row.country);
    if (ids === undefined) groups.set(row.country, [row.id]);
    else ids.push(row.id);
  }
  return [...groups].map(([country, ids]) => ({ country, ids }));
}

/** What listPortfolio answers: the query applied to all rows, with counts and filter choices. */
export function portfolioView(
  allRows: readonly PortfolioRow[],
  query: PortfolioQuery,
  regions: readonly RegionInfo[],
  domainIdsOf: (frameworkId: string, frameworkVersion: string) => string[],
): PortfolioView {
  const inView = allRows.filter((row) => matchesShelf(row, query.shelf));
  const filtered = filterRows(inView, query);
  const rows = sortRows(filtered, query.sort?.column ?? 'country', query.sort?.direction ?? 'asc');
  const versions = [...new Set(allRows.map((r) => r.frameworkVersion))].sort((a, b) => compareVersions(b, a));
  const newestRow = allRows.find((r) => r.frameworkVersion === versions[0]);
  return {
    rows,
    groups: groupByCountry(rows),
    total: inView.length,
    shelves: {
      active: allRows.filter((r) => r.shelf === null).length,
      archived: allRows.filter((r) => r.shelf === 'archived').length,
      trashed: allRows.filter((r) => r.shelf === 'trashed').length,
    },
    facets: {
      countries: [...new Set(inView.map((r) => r.country))].sort(),
      frameworkVersions: versions,
      years: [...new Set(inView.map((r) => r.year))].sort((a, b) => b - a),
    },
    regions: [...regions],
    domainIds: newestRow === undefined ? [] : domainIdsOf(newestRow.frameworkId, newestRow.frameworkVersion),
  };
}
