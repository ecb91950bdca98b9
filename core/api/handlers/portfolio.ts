import type { z } from 'zod';
import type { UiLanguage } from '../../../locales/languages';
import type { Assessment } from '../../model/assessment';
import { compareAssessments } from '../../portfolio/compare';
import type { HqExportData } from '../../portfolio/export';
import { portfolioRows, portfolioView } from '../../portfolio/portfolio';
import { rankCountries } from '../../portfolio/ranking';
import { defaultSelectionWeights, listRegions, regionsData } from '../../portfolio/regions';
import { countryTrend } from '../../portfolio/trend';
import type { PortfolioQuery, Ranking, SelectionWeights, ShelfState } from '../../portfolio/types';
import type { PortfolioExportFormat } from '../exports-vocabulary';
import type { selectionWeightsInput } from '../commands';
import type { ApiHandlers } from '../dispatch';
import { defaultAuthor } from '../editing';
import type { HandlerContext } from './services';

type PortfolioCommands =
  | 'listPortfolio'
  | 'listRegions'
  | 'archiveAssessments'
  | 'trashAssessments'
  | 'restoreAssessments'
  | 'emptyTrash'
  | 'compareAssessments'
  | 'getCountryTrend'
  | 'rankCountries'
  | 'exportPortfolio'
  | 'exportComparison'
  | 'exportRanking';

type WeightsInput = z.output<typeof selectionWeightsInput>;

/** HQ's weights over the documented defaults (assessments/regions/regions.json). */
export function selectionWeights(input: WeightsInput | undefined): SelectionWeights {
  const weights = defaultSelectionWeights();
  for (const [factor, value] of Object.entries(input ?? {})) if (value !== undefined) weights[factor as keyof SelectionWeights] = value;
  return weights;
}

export function portfolioHandlers(ctx: HandlerContext): Pick<ApiHandlers, PortfolioCommands> {
  const { store, library } = ctx;

  const domainIdsOf = (frameworkId: string, version: string): string[] => {
    try {
      return library.get(frameworkId, version).domains.map((d) => d.id);
    } catch {
      return [];
    }
  };
  const frameworkFor = (frameworkId: string, version: string) => {
    try {
      return library.get(frameworkId, version);
    } catch {
      return undefined;
    }
  };

  /** Only the index and the shelf: no document is opened. */
  async function view(query: PortfolioQuery = {}) {
    const regions = listRegions();
    return portfolioView(portfolioRows(await store.list(), store.shelf(), regions), query, regions, domainIdsOf);
  }

  /** Archived and trashed assessments take no part in the ranking. */
  async function ranking(weights: WeightsInput | undefined, onlyRegions: string[] | undefined): Promise<Ranking> {
    const shelved = store.shelf();
    const entries = (await store.list()).filter((e) => !shelved.has(e.id));
    return rankCountries(entries, {
      weights: selectionWeights(weights),
      defaultWeights: defaultSelectionWeights(),
      effortUnits: regionsData().selection.effortUnits,
      note: regionsData().selection.note,
      regions: listRegions(),
      onlyRegions,
    });
  }

  const documents = (ids: readonly string[]): Promise<Assessment[]> => Promise.all(ids.map((id) => store.get(id)));

  async function shelve(ids: string[], state: ShelfState | null, by: string | undefined) {
    await store.setShelf(ids, state, by ?? defaultAuthor);
    return { ids, shelf: state };
  }

  async function exportOf(data: HqExportData, format: PortfolioExportFormat, language: UiLanguage, framework = newestFramework(data)) {
    // Loaded on first export, like the assessment export: listing needs neither the report engine nor the strings.
    const { renderHqExport } = await import('../../portfolio/export');
    return renderHqExport(data, { format, language, framework, generatedAt: ctx.now(), appVersion: ctx.appVersion }, ctx.exports);
  }

  function newestFramework(data: HqExportData) {
    if (data.view === 'comparison') return frameworkFor(data.comparison.frameworkId, data.comparison.frameworkVersion);
    if (data.view === 'portfolio') {
      const row = data.portfolio.rows.find((r) => r.frameworkVersion === data.portfolio.facets.frameworkVersions[0]);
      if (row) return frameworkFor(row.frameworkId, row.frameworkVersion);
    }
    return frameworkFor(library.defaultId, library.latest(library.defaultId).version);
  }

  return {
    listRegions: async () => listRegions(),
    listPortfolio: async ({ query }) => view(query),
    archiveAssessments: ({ ids, by }) => shelve(ids, 'archived', by),
    trashAssessments: ({ ids, by }) => shelve(ids, 'trashed', by),
    restoreAssessments: ({ ids, by }) => shelve(ids, null, by),
    emptyTrash: async ({ confirmIds, by }) => ({ deleted: await store.emptyTrash(confirmIds, by ?? defaultAuthor) }),
    compareAssessments: async ({ ids }) => compareAssessments(await documents(ids), library),
    getCountryTrend: async ({ country }) => {
      const shelved = store.shelf();
      const ids = (await store.list()).filter((e) => e.country === country && !shelved.has(e.id)).map((e) => e.id);
      return countryTrend(country, await documents(ids), library, library.catalogue);
    },
    rankCountries: ({ weights, regions }) => ranking(weights, regions),
    exportPortfolio: async ({ format, language, query, weights }) =>
      exportOf({ view: 'portfolio', portfolio: await view(query), query: query ?? {}, ranking: await ranking(weights, query?.regions) }, format, language),
    exportComparison: async ({ format, language, ids }) => exportOf({ view: 'comparison', comparison: compareAssessments(await documents(ids), library) }, format, language),
    exportRanking: async ({ format, language, weights, regions }) => exportOf({ view: 'ranking', ranking: await ranking(weights, regions) }, format, language),
  };
}
