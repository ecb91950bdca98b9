import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startServe } from '../../cli/serve';
import { openCore, type Core } from '../../core/api/open-core.node.ts';
import type { Assessment, HistoryEntry } from '../../core/model/assessment';
import type { Framework } from '../../core/model/framework';
import { ASSESSMENTS_FOLDER } from '../../core/store/assessment-generations.node.ts';
import { openAssessmentStore } from '../../core/store/assessment-store.node.ts';
import { generationFileName } from '../../core/store/generation-names';
import { alternate, stats, timed } from './sample';
import { assessmentsDir, benchDir, startServeProcess, type Row } from './support';

/*
 * Store and save rows, through the public API only (openCore's command API, the store's
 * create()), so that the bench measures whatever layout the store uses on disk.
 */

async function openBenchCore(dataDir: string): Promise<Core> {
  return openCore({ dataDir, assessmentsDir, appVersion: 'bench' });
}

async function must<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

/** The indicators of the framework the assessment `id` uses. */
async function indicatorIds(core: Core, id: string): Promise<string[]> {
  const { frameworkId, frameworkVersion } = await must<Assessment>(core, 'getAssessment', { id });
  const framework = await must<Framework>(core, 'getFramework', { id: frameworkId, version: frameworkVersion });
  return framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators.map((i) => i.id)));
}

/** What this bench last saved of each response field, sent back as the edit's `base` as the UI does. */
const seen = new Map<string, Record<string, unknown>>();

/** One response edit as the UI makes it, with what it last saw of the fields it changes. */
export function responseEdit(id: string, indicatorId: string, patch: Record<string, unknown>): Record<string, unknown> {
  const key = `${id}/${indicatorId}`;
  const last = seen.get(key) ?? {};
  const base = Object.fromEntries(Object.keys(patch).map((field) => [field, last[field] ?? (field === 'notes' ? '' : null)]));
  seen.set(key, { ...last, ...patch });
  return { id, indicatorId, patch, base };
}

/** One save as the UI makes it: a rating on one indicator. */
function rate(core: Core, id: string, indicatorId: string, n: number): Promise<unknown> {
  return must(core, 'updateResponse', responseEdit(id, indicatorId, { rating: { kind: 'level', level: (n % 5) + 1 } }));
}

const notesText = (n: number) => `Interview notes, edit ${n}: ${'the CSIRT mandate was discussed. '.repeat(8)}`;
/** Two people take turns, so that every edit is a history entry (one person typing on is logged once a while). */
const authors = ['A. Tanaka', 'B. Sato'];

function editNotes(core: Core, id: string, indicatorId: string, n: number): Promise<unknown> {
  return must(core, 'updateResponse', { ...responseEdit(id, indicatorId, { notes: notesText(n) }), by: authors[n % 2] });
}

/**
 * Adds `edits` notes edits to the history of `id` as the API would have logged them, a minute
 * apart, through the store's own save() in batches: 20,000 saves one by one take minutes on a
 * loaded machine. What ends on disk is the same history log; only the revision count differs.
 */
async function seedNotesEdits(dataDir: string, id: string, indicatorId: string, edits: number): Promise<void> {
  const store = await openAssessmentStore({ dataDir, now: () => new Date() });
  let notes = '';
  try {
    let doc = await store.get(id);
    const start = Date.now() - edits * 60_000;
    notes = doc.responses[indicatorId]?.notes ?? '';
    for (let done = 0; done < edits; ) {
      const entries: HistoryEntry[] = [];
      for (const end = Math.min(edits, done + 1000); done < end; done++) {
        entries.push({ at: new Date(start + done * 60_000).toISOString(), by: authors[done % 2]!, field: `response:${indicatorId}.notes`, from: notes, to: notesText(done) });
        notes = notesText(done);
      }
      doc = { ...doc, revision: doc.revision + 1, responses: { ...doc.responses, [indicatorId]: { ...doc.responses[indicatorId]!, notes } }, history: [...doc.history, ...entries] };
      await store.save(doc);
    }
  } finally {
    await store.close();
  }
  seen.set(`${id}/${indicatorId}`, { ...seen.get(`${id}/${indicatorId}`), notes });
}

async function createAssessment(core: Core, title: string): Promise<Assessment> {
  return must<Assessment>(core, 'createAssessment', { title, country: 'VN', mode: 'field' });
}

/** A data folder with `count` fully rated assessments (a rating and notes on every indicator); returns the id of one of them. */
export async function seedRatedStore(dataDir: string, count: number): Promise<string> {
  const core = await openBenchCore(dataDir);
  const first = await createAssessment(core, 'Rated 0');
  const ids = await indicatorIds(core, first.id);
  for (const [n, indicatorId] of ids.entries()) {
    await must(core, 'updateResponse', responseEdit(first.id, indicatorId, { rating: { kind: 'level', level: (n % 5) + 1 }, confidence: 'medium', notes: 'x'.repeat(300) }));
  }
  const rated = await must<Assessment>(core, 'getAssessment', { id: first.id });
  await core.close();
  // Copies through the store's own create(): a save per indicator would take minutes.
  const store = await openAssessmentStore({ dataDir, now: () => new Date() });
  try {
    for (let i = 1; i < count; i++) await store.create({ ...rated, id: randomUUID(), title: `Rated ${i}` });
  } finally {
    await store.close();
  }
  return first.id;
}

/** What a save cannot beat: the same document bytes to a temp file, fsync, rename over, fsync the folder. */
async function floorWrite(dir: string, bytes: Uint8Array): Promise<void> {
  const target = join(dir, 'floor.json');
  const temp = join(dir, `floor.${randomUUID()}.tmp`);
  const file = await open(temp, 'w');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, target);
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

export async function saveRows(samples: number, wanted: (group: string) => boolean): Promise<Row[]> {
  const rows: Row[] = [];

  // rating → durably saved through serve's HTTP API, beside the floor for the same document bytes.
  if (wanted('save-serve')) {
    const dataDir = await benchDir();
    const floorDir = await benchDir();
    const core = await openBenchCore(dataDir);
    const assessment = await createAssessment(core, 'Serve save');
    const ids = await indicatorIds(core, assessment.id);
    for (const [n, indicatorId] of ids.entries()) await rate(core, assessment.id, indicatorId, n);
    // The floor writes what one save writes as its document: the generation file of the current revision.
    const { revision } = await must<Assessment>(core, 'getAssessment', { id: assessment.id });
    const bytes = await readFile(join(dataDir, ASSESSMENTS_FOLDER, assessment.id, generationFileName(revision)));
    const token = 'bench-token';
    const { server, port } = await startServe({ core, rendererDir: dataDir, token, port: 0 });
    let n = 0;
    const viaServe = () =>
      timed(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/api/updateResponse`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(responseEdit(assessment.id, ids[n % ids.length]!, { rating: { kind: 'level', level: (n++ % 5) + 1 } })),
        });
        const result = (await response.json()) as { ok: boolean };
        if (!result.ok) throw new Error(`serve save failed: ${JSON.stringify(result)}`);
      });
    const measured = await alternate(samples, viaServe, () => timed(() => floorWrite(floorDir, bytes)));
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await core.close();
    rows.push({
      key: 'save-serve',
      measure: 'rating → durably saved (serve API)',
      ccat: measured.a,
      peer: measured.b,
      peerLabel: `temp file + fsync + rename + dir fsync, ${Math.round(bytes.length / 1024)} KB`,
      ratio: measured.a.median / measured.b.median,
      goal: '≤ 1.5× the floor',
      met: measured.a.median <= 1.5 * measured.b.median,
    });
  }

  if (wanted('save-scale') || wanted('list-cold')) {
    rows.push(...(await thousandRows(samples, wanted)));
  }
  if (wanted('save-history')) rows.push(await historyRow(samples));
  return rows;
}

async function thousandRows(samples: number, wanted: (group: string) => boolean): Promise<Row[]> {
  const rows: Row[] = [];
  // A save with 1,000 fully rated assessments stored vs 1: both stores open, saves alternate.
  const bigDir = await benchDir();
  const bigId = await seedRatedStore(bigDir, 1000);
  if (wanted('save-scale')) {
    const smallDir = await benchDir();
    const smallId = await seedRatedStore(smallDir, 1);
    const big = await openBenchCore(bigDir);
    const small = await openBenchCore(smallDir);
    const ids = await indicatorIds(big, bigId);
    let n = 0;
    const measured = await alternate(
      samples,
      () => timed(() => rate(big, bigId, ids[n % ids.length]!, n++)),
      () => timed(() => rate(small, smallId, ids[n % ids.length]!, n++)),
    );
    await big.close();
    await small.close();
    rows.push({
      key: 'save-scale',
      measure: 'save with 1,000 stored vs 1',
      ccat: measured.a,
      peer: measured.b,
      peerLabel: 'the same save with 1 stored',
      ratio: measured.a.median / measured.b.median,
      goal: '≤ 1.1',
      met: measured.a.median / measured.b.median <= 1.1,
    });
  }

  if (wanted('list-cold')) rows.push(await coldListRow(bigDir, Math.max(3, Math.round(samples / 10))));
  return rows;
}

/** RSS of a process in MiB, from /proc (Linux). */
async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** One command through a serve's API; a refusal throws. */
export type ServeCall = (name: string, body: unknown) => Promise<unknown>;

/**
 * A row for what a freshly started `serve` (nothing cached) does on a large store, and how much
 * that serve's memory grows over one started on an empty folder; beside it, the floor of
 * reading and parsing the store's index file. `work` gets `full` true on the large store.
 */
export async function coldServeRow(
  dataDir: string,
  samples: number,
  row: { key: string; measure: string; work: (call: ServeCall, full: boolean) => Promise<void> },
): Promise<Row> {
  const emptyDir = await benchDir();
  const once = async (dir: string) => {
    const serve = await startServeProcess(dir);
    const call: ServeCall = async (name, body) => {
      const response = await fetch(`${serve.origin}/api/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${serve.token}` }, body: JSON.stringify(body) });
      const result = (await response.json()) as { ok: boolean; data: unknown };
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result).slice(0, 200)}`);
      return result.data;
    };
    try {
      const ms = await timed(() => row.work(call, dir === dataDir));
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
  growth.shift(); // the warm-up's
  const memory = stats(growth);
  return {
    key: row.key,
    measure: row.measure,
    ccat: measured.a,
    peer: measured.b,
    peerLabel: 'reading index.json',
    ratio: measured.a.median / measured.b.median,
    goal: `≤ 200 ms, ≤ 50 MiB growth (grew ${memory.median.toFixed(0)} MiB, p95 ${memory.p95.toFixed(0)})`,
    met: measured.a.median <= 200 && memory.median <= 50,
    extra: { memoryGrowthMiB: memory },
  };
}

/** Listing 1,000 fully rated assessments in a freshly started `serve`. */
function coldListRow(dataDir: string, samples: number): Promise<Row> {
  return coldServeRow(dataDir, samples, {
    key: 'list-cold',
    measure: 'list 1,000 fully rated assessments, cold',
    work: async (call, full) => {
      const list = (await call('listAssessments', {})) as unknown[];
      if (full && list.length !== 1000) throw new Error(`list returned ${list.length} of 1000`);
    },
  });
}

/**
 * A save on an assessment edited 10 times vs one edited 20,000 times (notes, as a year of
 * fieldwork would). Seeding stops after a time budget so the bench stays short on a store whose
 * saves grow with history; the row then says how many edits it reached.
 */
async function historyRow(samples: number): Promise<Row> {
  const dataDir = await benchDir();
  const setup = await openBenchCore(dataDir);
  const fresh = await createAssessment(setup, 'Ten edits');
  const old = await createAssessment(setup, 'Many edits');
  const [indicatorId] = await indicatorIds(setup, fresh.id);
  for (let i = 0; i < 10; i++) {
    await editNotes(setup, fresh.id, indicatorId!, i);
    await editNotes(setup, old.id, indicatorId!, i);
  }
  await setup.close();
  const edits = 20_000;
  await seedNotesEdits(dataDir, old.id, indicatorId!, edits - 10);
  const core = await openBenchCore(dataDir);
  const logged = (await must<Assessment>(core, 'getAssessment', { id: old.id })).history.length;
  let n = 0;
  const measured = await alternate(
    samples,
    () => timed(() => editNotes(core, old.id, indicatorId!, edits + n++)),
    () => timed(() => editNotes(core, fresh.id, indicatorId!, n++)),
  );
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
  return {
    key: 'save-history',
    measure: `save after ${edits.toLocaleString('en')} edits vs 10`,
    ccat: measured.a,
    peer: measured.b,
    peerLabel: 'the same save after 10 edits',
    ratio: measured.a.median / measured.b.median,
    goal: `≤ 1.2× (${logged.toLocaleString('en')} history entries before the first measured save)`,
    met: measured.a.median / measured.b.median <= 1.2,
  };
}
