import { randomUUID } from 'node:crypto';
import { openCore } from '../../core/api/open-core.node.ts';
import { loadLibrary } from '../../core/framework/load-library.node.ts';
import type { Assessment } from '../../core/model/assessment';
import { openAssessmentStore } from '../../core/store/assessment-store.node.ts';
import { coldServeRow, seedRatedStore } from './store-rows';
import { assessmentsDir, benchDir, type Row } from './support';

const countries = ['VN', 'PH', 'ID', 'KH', 'LA', 'TH', 'MY', 'MM', 'KE', 'GH', 'NG', 'RW', 'FJ', 'PG', 'BR', 'PE', 'EG', 'JO', 'UZ', 'UA'];

/**
 * 1,000 fully rated assessments of 20 countries, a third of them final, with a country context,
 * stored with the index the app keeps (scores, gaps, selection facts), as a year of imports would leave them.
 */
export async function seedPortfolioStore(dataDir: string, count: number): Promise<void> {
  const firstId = await seedRatedStore(dataDir, 1);
  const core = await openCore({ dataDir, assessmentsDir, appVersion: '0.0.0-bench' });
  const result = await core.dispatch('getAssessment', { id: firstId });
  await core.close();
  if (!result.ok) throw new Error(result.error.message);
  const rated = result.data as Assessment;
  const library = loadLibrary(assessmentsDir);
  const store = await openAssessmentStore({ dataDir, frameworkFor: (a) => library.get(a.frameworkId, a.frameworkVersion), catalogue: () => library.catalogue });
  try {
    for (let i = 1; i < count; i++) {
      await store.create({
        ...rated,
        id: randomUUID(),
        title: `Rated ${i}`,
        country: countries[i % countries.length]!,
        status: i % 3 === 0 ? 'final' : 'draft',
        period: { from: `${2020 + (i % 7)}-03-01` },
        context: { donorSupport: { hygiene: { extent: i % 4, who: '' } }, japaneseBusinessPresence: i % 4, networkNodeImportance: (i * 7) % 4, notes: '' },
      });
    }
  } finally {
    await store.close();
  }
}

/**
 * HQ's first view on a cold start: a freshly started `serve` lists the portfolio filtered
 * (ASEAN, final, searched, sorted by overall score) and ranks the countries with HQ's weights;
 * memory growth is against a serve started on an empty folder. Beside it: reading index.json.
 */
export async function portfolioRow(samples: number): Promise<Row> {
  const dataDir = await benchDir();
  await seedPortfolioStore(dataDir, 1000);
  return coldServeRow(dataDir, samples, {
    key: 'portfolio',
    measure: 'portfolio: list, filter and rank 1,000 fully rated assessments, cold',
    work: async (call, full) => {
      const view = (await call('listPortfolio', { query: { regions: ['asean'], statuses: ['final'], search: 'rated', sort: { column: 'overall', direction: 'desc' } } })) as { total: number };
      await call('rankCountries', { weights: { resultPerEffort: 3, networkNode: 2 } });
      if (full && view.total !== 1000) throw new Error(`portfolio listed ${view.total} of 1000`);
    },
  });
}
