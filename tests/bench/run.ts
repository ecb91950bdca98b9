/**
 * `npm run bench`: measures, in one run, how the cost of saving one assessment changes with the
 * number of assessments stored (design §5: it should not), and how long scoring and the HTML
 * report take for a full assessment. Prints ratios; asserts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore, type Core } from '../../core/api/open-core.node.ts';
import type { Assessment } from '../../core/model/assessment';

const assessmentsDir = join(import.meta.dirname, '..', '..', 'assessments');
const saves = 60;

async function withStore<T>(count: number, work: (core: Core, id: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ccat-bench-'));
  const core = await openCore({ dataDir, assessmentsDir, appVersion: 'bench' });
  try {
    let last = '';
    for (let i = 0; i < count; i++) {
      const created = await core.dispatch('createAssessment', { title: `Assessment ${i}`, country: 'VN', mode: 'field' });
      if (!created.ok) throw new Error(created.error.message);
      last = (created.data as Assessment).id;
    }
    return await work(core, last);
  } finally {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function msPerSave(core: Core, id: string): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < saves; i++) {
    const result = await core.dispatch('updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { notes: `edit ${i}` }, base: { notes: i === 0 ? '' : `edit ${i - 1}` } });
    if (!result.ok) throw new Error(result.error.message);
  }
  return (performance.now() - start) / saves;
}

const one = await withStore(1, msPerSave);
const many = await withStore(1000, msPerSave);
console.log(`save with    1 stored: ${one.toFixed(2)} ms`);
console.log(`save with 1000 stored: ${many.toFixed(2)} ms`);
console.log(`ratio (1000 / 1): ${(many / one).toFixed(2)}  (≈1 means saving does not grow with the store)`);

await withStore(1, async (core, id) => {
  const levels = [1, 2, 3, 4, 5] as const;
  const framework = await core.dispatch('getFramework', { id: 'ccat', version: '1.0.0' });
  if (!framework.ok) throw new Error(framework.error.message);
  const ids = (framework.data as { domains: Array<{ capabilities: Array<{ indicators: Array<{ id: string }> }> }> }).domains.flatMap((d) =>
    d.capabilities.flatMap((c) => c.indicators.map((i) => i.id)),
  );
  for (const [n, indicatorId] of ids.entries()) {
    await core.dispatch('updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level: levels[n % 5]! }, notes: 'x'.repeat(400) }, base: { rating: null, notes: '' } });
  }
  const time = async (label: string, run: () => Promise<unknown>) => {
    const start = performance.now();
    for (let i = 0; i < 20; i++) await run();
    const ms = (performance.now() - start) / 20;
    console.log(`${label}: ${ms.toFixed(2)} ms`);
    return ms;
  };
  const score = await time(`scores for ${ids.length} rated indicators`, () => core.dispatch('getScores', { id }));
  const html = await time('HTML report, full assessment', () => core.dispatch('exportAssessment', { id, format: 'html', language: 'en' }));
  console.log(`ratio (report / scores): ${(html / score).toFixed(1)}`);
});
