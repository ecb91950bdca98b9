import type { AssessmentSummary } from '../../core/model/assessment';
import type { AssessmentMode, assessmentStatuses } from '../../core/model/vocabulary';

export const sortKeys = ['country', 'title', 'mode', 'status', 'period', 'framework', 'coverage', 'overall', 'updated'] as const;
/** A fixed column, or one domain's score (`domain:<id>`). */
export type SortKey = (typeof sortKeys)[number] | `domain:${string}`;
export type Direction = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: Direction;
}

export interface Filters {
  search: string;
  country: string;
  /** Country codes of the chosen region; empty for any. */
  region: string;
  mode: AssessmentMode | '';
  status: (typeof assessmentStatuses)[number] | '';
  framework: string;
  year: string;
}

export const noFilters: Filters = { search: '', country: '', region: '', mode: '', status: '', framework: '', year: '' };

/** The year an assessment belongs to: its period's start, else the day it was created. */
export function yearOf(row: Pick<AssessmentSummary, 'period' | 'createdAt'>): string {
  return (row.period.from ?? row.createdAt).slice(0, 4);
}

function sortValue(row: AssessmentSummary, key: SortKey, countryLabel: (code: string) => string): string | number | null {
  if (key.startsWith('domain:')) return row.scores?.domains[key.slice('domain:'.length)] ?? null;
  switch (key) {
    case 'country':
      return countryLabel(row.country);
    case 'title':
      return row.title;
    case 'mode':
      return row.mode;
    case 'status':
      return row.status;
    case 'period':
      return row.period.from ?? row.period.to ?? null;
    case 'framework':
      return `${row.frameworkId}@${row.frameworkVersion}`;
    case 'coverage':
      return row.coverage && row.coverage.total > 0 ? row.coverage.rated / row.coverage.total : null;
    case 'overall':
      return row.scores?.overall ?? null;
    default:
      return row.updatedAt;
  }
}

/**
 * Rows in the chosen order; rows without a value (not scored, no period) always come last, so
 * that sorting by a score never puts the unscored first. Ties keep the latest change first.
 */
export function sortRows(rows: readonly AssessmentSummary[], sort: Sort, countryLabel: (code: string) => string, language: string): AssessmentSummary[] {
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.key, countryLabel) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else {
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      if (order !== 0) return sign * order;
    }
    return b.row.updatedAt.localeCompare(a.row.updatedAt);
  });
  return keyed.map((k) => k.row);
}

export function filterRows(rows: readonly AssessmentSummary[], filters: Filters, countryLabel: (code: string) => string, regionCountries: ReadonlySet<string> | undefined): AssessmentSummary[] {
  const words = filters.search.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filters.country && row.country !== filters.country) return false;
    if (regionCountries && !regionCountries.has(row.country)) return false;
    if (filters.mode && row.mode !== filters.mode) return false;
    if (filters.status && row.status !== filters.status) return false;
    if (filters.framework && row.frameworkVersion !== filters.framework) return false;
    if (filters.year && yearOf(row) !== filters.year) return false;
    if (words.length === 0) return true;
    const text = `${row.title} ${countryLabel(row.country)} ${row.country}`.toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** Rows grouped by country in the order their first row appears, so grouping keeps the chosen sort. */
export function groupByCountry(rows: readonly AssessmentSummary[]): Array<{ country: string; rows: AssessmentSummary[] }> {
  const groups = new Map<string, AssessmentSummary[]>();
  for (const row of rows) {
    const group = groups.get(row.country);
    if (group) group.push(row);
    else groups.set(row.country, [row]);
  }
  return [...groups].map(([country, grouped]) => ({ country, rows: grouped }));
}

/** The distinct values a filter can take, for its options. */
export function distinct<T extends string>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort();
}
