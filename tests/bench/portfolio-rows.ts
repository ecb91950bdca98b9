import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openCore } from '../../core/api/open-core.node.ts';
import { loadLibrary } from '../../core/framework/load-library.node.ts';
import type { Assessment } from '../../core/model/assessment';
import { openAssessmentStore } from '../../core/store/assessment-store.node.ts';
import { alternate, stats, timed } from './sample';
import { rssMiB, seedRatedStore } from './store-rows';
import { assessmentsDir, benchDir, startServeProcess, type Row } from './support';

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
  const library = await loadLibrary(assessmentsDir);
  const store = await openAssessmentStore({ dataDir, frameworkFor: (a) => library.get(a.frameworkId, a.frameworkVersion), catalogue: library.catalogue });
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
  const emptyDir = await benchDir();
  const once = async (dir: string) => {
    const serve = await startServeProcess(dir);
    const call = async (name: string, body: unknown) => {
      const response = await fetch(`${serve.origin}/api/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${serve.token}` }, body: JSON.stringify(body) });
      const result = (await response.json()) as { ok: boolean; data: unknown };
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result).slice(0, 200)}`);
      return result.data;
    };
    try {
      const ms = await timed(async () => {
        const view = (await call('listPortfolio', { query: { regions: ['asean'], statuses: ['final'], search: 'rated', sort: { column: 'overall', direction: 'desc' } } })) as { total: number };
        await call('rankCountries', { weights: { resultPerEffort: 3, networkNode: 2 } });
        if (dir === dataDir && view.total !== 1000) throw new Error(`portfolio listed ${view.total} of 1000`);
      });
      return { ms, rss: await rssMiB(serve.pid) };
    } finally {
      await serve.stop();
    }
  };
  const indexFile = join(dataDir, 'index.json');
  const growth: number[] = [];
  const measured = await alternate(
    samples,
    async () => {
      const [full, empty] = [await once(dataDir), await once(emptyDir)];
      growth.push(full.rss - empty.rss);
      return full.ms;
    },
    () => timed(async () => JSON.parse(await readFile(indexFile, 'utf8')) as unknown),
  );
  growth.shift();
  const memory = stats(growth);
  return {
    key: 'portfolio',
    measure: 'portfolio: list, filter and rank 1,000 fully rated assessments, cold',
    ccat: measured.a,
    peer: measured.b,
    peerLabel: 'reading index.json',
    ratio: measured.a.median / measured.b.median,
    goal: `≤ 200 ms, ≤ 50 MiB growth (grew ${memory.median.toFixed(0)} MiB, p95 ${memory.p95.toFixed(0)})`,
    met: measured.a.median <= 200 && memory.median <= 50,
    extra: { memoryGrowthMiB: memory },
  };
}
