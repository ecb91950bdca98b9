import type { PortfolioColumn, PortfolioFilter, SortDirection } from '../../core/portfolio/types';

/** One choice per filter on screen; the core's filter takes lists, so each is a list of none or one. */
export interface Choices {
  search: string;
  country: string;
  region: string;
  mode: '' | 'field' | 'self';
  status: '' | 'draft' | 'in-review' | 'final';
  framework: string;
  year: string;
}

export const noChoices: Choices = { search: '', country: '', region: '', mode: '', status: '', framework: '', year: '' };

export interface Sort {
  column: PortfolioColumn;
  direction: SortDirection;
}

export function filterOf(choices: Choices): PortfolioFilter {
  return {
    ...(choices.search.trim() ? { search: choices.search } : {}),
    ...(choices.country ? { countries: [choices.country] } : {}),
    ...(choices.region ? { regions: [choices.region] } : {}),
    ...(choices.mode ? { modes: [choices.mode] } : {}),
    ...(choices.status ? { statuses: [choices.status] } : {}),
    ...(choices.framework ? { frameworkVersions: [choices.framework] } : {}),
    ...(choices.year ? { years: [Number(choices.year)] } : {}),
  };
}
