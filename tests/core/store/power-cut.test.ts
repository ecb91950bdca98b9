import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../core/model/assessment';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import type { AssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { attachmentFiles } from '../../../core/store/attachments.node.ts';
import { decodeHistoryLog } from '../../../core/store/history-log.node.ts';
import type { ProcessProbe } from '../../../core/store/lock.node.ts';
import { storedGenerationSchema } from '../../../core/store/stored-document';
import { SAMPLE_ID, documentDigest, nextRevision, sampleAssessment } from './documents';
import { PowerCutFs } from './power-cut-fs';
import type { CrashMode, DiskImage } from './power-cut-fs';

const DATA = '/data';
const FOLDER = `${DATA}/assessments/${SAMPLE_ID}`;
/** Disks that kept some of the pending work, tried per cut point (seeded, so a failure repeats). */
const SAMPLES_PER_CUT = 3;

let boots = 0;
/** Every reopen is a new boot, so the lock of the process that died with the power is stale. */
function probe(): ProcessProbe {
  const boot = `boot-${++boots}`;
  return { hostname: () => 'field-laptop', bootId: async () => boot, processStart: async () => 'start-1', isAlive: () => true };
}

function open(fs: PowerCutFs): Promise<AssessmentStore> {
  // A power cut often leaves an empty lock file; waiting for a creator that died with the power would only slow the test.
  return openAssessmentStore({ dataDir: DATA, fs, probe: probe(), lockSettleMs: 0 });
}

function seeded(seed: number): () => number {
  let state = seed + 0x9e3779b9;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

function edit(a: Assessment, n: number, extra: Partial<Assessment> = {}): Assessment {
  const entries = Array.from({ length: n }, (_, i) => ({ at: a.updatedAt, by: 'A. Tanaka', field: 'title', from: `${a.revision}-${i}`, to: `${a.revision}-${i + 1}` }));
  return nextRevision(a, { history: [...a.history, ...entries], ...extra });
}

async function image(build: (fs: PowerCutFs) => Promise<void>): Promise<DiskImage> {
  const fs = new PowerCutFs();
  await build(fs);
  return fs.settle();
}

async function writeRaw(fs: PowerCutFs, path: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  const handle = await fs.open(path, 'wx');
  await handle.writeFile(data);
  await handle.close();
}

/** What the scenario saw acknowledged before the power went. */
type Acks = string[];

interface Scenario {
  image: DiskImage;
  /** Runs the work, pushing a label after each step the caller was told succeeded; stops at the first failure. */
  run(fs: PowerCutFs, acks: Acks): Promise<void>;
  /** On the reopened store: nothing acknowledged lost, nothing half-written. */
  check(store: AssessmentStore, fs: PowerCutFs, acks: Acks, context: string): Promise<void>;
}

/** Every file the store writes reads back whole: a half-written one would fail here. */
function assertNoHalfWrittenFile(fs: PowerCutFs, context: string, allowed: (path: string) => boolean = () => false): void {
  for (const path of fs.paths()) {
    const bytes = fs.bytes(path);
    if (bytes === undefined || allowed(path)) continue;
    const name = basename(path);
    if (/^r\d{9}\.json$/.test(name)) expect(storedGenerationSchema.safeParse(JSON.parse(text(bytes))).success, `${context}: ${path}`).toBe(true);
    else if (name === 'index.json') expect(() => JSON.parse(text(bytes)) as unknown, `${context}: ${path}`).not.toThrow();
    else if (path.startsWith(`${DATA}/attachments/`)) expect(sha256(bytes), `${context}: ${path}`).toBe(name);
  }
}

async function explore(scenario: Scenario, modes: readonly CrashMode[] = ['durable-only', 'some-pending']): Promise<number> {
  const full = new PowerCutFs(scenario.image);
  const fullAcks: Acks = [];
  await scenario.run(full, fullAcks);
  const total = full.callCount;
  let checked = 0;
  for (let cut = 1; cut <= total + 1; cut++) {
    const fs = new PowerCutFs(scenario.image);
    fs.cutPowerAt(cut);
    const acks: Acks = [];
    await scenario.run(fs, acks);
    for (const mode of modes) {
      for (let sample = 0; sample < (mode === 'durable-only' ? 1 : SAMPLES_PER_CUT); sample++) {
        const context = `power cut at call ${cut} of ${total}, ${mode}${mode === 'some-pending' ? ` sample ${sample}` : ''}, acknowledged: ${acks.join(', ') || 'nothing'}`;
        const after = new PowerCutFs(fs.afterPowerCut(mode, seeded(cut * 31 + sample)));
        const store = await open(after).catch((error: unknown) => {
          throw new Error(`${context}: the store did not open: ${String(error)}`);
        });
        await scenario.check(store, after, acks, context);
        await store.close();
        checked++;
      }
    }
  }
  return checked;
}

/** Saves: generations, the history log appends, pruning and the background index, then close. */
async function savesScenario(): Promise<Scenario & { candidates: Map<number, string> }> {
  const r1 = edit(sampleAssessment(), 2);
  const start = await image(async (fs) => {
    const store = await open(fs);
    await store.create({ ...r1, revision: 1 });
    await store.close();
  });
  const base = { ...r1, revision: 1 };
  const r2 = edit(base, 1, { title: 'Kenya, week 2' });
  const r3 = edit(r2, 3);
  const candidates = new Map([base, r2, r3].map((a) => [a.revision, documentDigest(a)]));
  return {
    image: start,
    candidates,
    async run(fs, acks) {
      try {
        const store = await open(fs);
        await store.save(r2);
        acks.push('r2');
        await store.save(r3);
        acks.push('r3');
        await store.close();
        acks.push('closed');
      } catch {
        // The power went: what was acknowledged is in `acks`.
      }
    },
    async check(store, fs, acks, context) {
      const doc = await store.get(SAMPLE_ID);
      const acked = acks.includes('r3') ? 3 : acks.includes('r2') ? 2 : 1;
      expect(doc.revision, `${context}: lost an acknowledged save`).toBeGreaterThanOrEqual(acked);
      expect(documentDigest(doc), `${context}: revision ${doc.revision} holds what was never saved as it`).toBe(candidates.get(doc.revision));
      expect((await store.list()).map((s) => [s.revision, s.title]), context).toEqual([[doc.revision, doc.title]]);
      expect(store.notices().filter((n) => n.kind !== 'lock-taken-over'), context).toEqual([]);
      assertNoHalfWrittenFile(fs, context);
    },
  };
}

describe('assessment store: power cuts (simulated disk that loses what was not made durable)', () => {
  it('a cut at every step of two saves (generation, history log append, prune, index) loses no acknowledged save and leaves no half-written file', async () => {
    const checked = await explore(await savesScenario());
    expect(checked).toBeGreaterThan(100);
  });

  it('a cut at every step of a migration (backup, history moved into the log, first new-format generation) loses nothing', async () => {
    const history = Array.from({ length: 3 }, (_, i) => ({ at: '2025-03-01T08:00:00.000Z', by: 'A. Tanaka', field: 'title', from: `t${i}`, to: `t${i + 1}` }));
    const r4 = sampleAssessment({ revision: 4, history });
    const original = `${JSON.stringify({ ...r4, schemaVersion: 3 }, null, 2)}\n`;
    const start = await image((fs) => writeRaw(fs, `${FOLDER}/r000000004.json`, original));
    const r5 = edit(r4, 1, { status: 'in-review' });
    const candidates = new Map([r4, r5].map((a) => [a.revision, documentDigest(a)]));
    const backup = `${DATA}/backups/pre-migration/${SAMPLE_ID}-r4-v3.json`;
    await explore({
      image: start,
      async run(fs, acks) {
        try {
          const store = await open(fs);
          await store.get(SAMPLE_ID);
          await store.save(r5);
          acks.push('r5');
          await store.close();
        } catch {
          // The power went.
        }
      },
      async check(store, fs, acks, context) {
        const doc = await store.get(SAMPLE_ID);
        expect(doc.revision, context).toBeGreaterThanOrEqual(acks.includes('r5') ? 5 : 4);
        expect(documentDigest(doc), context).toBe(candidates.get(doc.revision));
        // The original is never lost: still in place, or backed up whole before the new format replaced it.
        const kept = [fs.bytes(`${FOLDER}/r000000004.json`), fs.bytes(backup)].map(text);
        expect(kept, context).toContain(original);
        if (fs.bytes(backup) !== undefined) expect(text(fs.bytes(backup)), context).toBe(original);
        expect(store.notices().filter((n) => n.kind !== 'lock-taken-over'), context).toEqual([]);
        assertNoHalfWrittenFile(fs, context, (path) => path === `${FOLDER}/r000000004.json`);
      },
    });
  });

  it('a cut at every step of a quarantine (damaged index and generation moved aside, rebuilt, saved) never loses the damaged bytes or a save', async () => {
    const r1 = sampleAssessment();
    const r2 = edit(r1, 1);
    const garbage = '{ "schemaVersion": 4, "id": "cut off';
    const start = await image(async (fs) => {
      const store = await open(fs);
      await store.create(r1);
      await store.save(r2);
      await store.close();
      await writeRaw(fs, `${FOLDER}/r000000003.json`, garbage);
      await fs.unlink(`${DATA}/index.json`);
      await writeRaw(fs, `${DATA}/index.json`, 'not json');
    });
    const r3 = edit(r2, 2, { title: 'Kenya, after repair' });
    const candidates = new Map([r2, r3].map((a) => [a.revision, documentDigest(a)]));
    await explore({
      image: start,
      async run(fs, acks) {
        try {
          const store = await open(fs);
          await store.save(r3);
          acks.push('r3');
          await store.close();
        } catch {
          // The power went.
        }
      },
      async check(store, fs, acks, context) {
        const doc = await store.get(SAMPLE_ID);
        expect(doc.revision, context).toBeGreaterThanOrEqual(acks.includes('r3') ? 3 : 2);
        expect(documentDigest(doc), context).toBe(candidates.get(doc.revision));
        const contents = fs.paths().map((path) => text(fs.bytes(path)));
        expect(contents, `${context}: the damaged index was lost`).toContain('not json');
        if (doc.revision === 2) expect(contents, `${context}: the damaged generation was lost`).toContain(garbage);
        const quarantined = fs.paths().filter((path) => path.startsWith(`${DATA}/quarantine/`));
        for (const path of quarantined) expect(['not json', garbage], `${context}: ${path}`).toContain(text(fs.bytes(path)));
        assertNoHalfWrittenFile(fs, context, (path) => path === `${FOLDER}/r000000003.json` && doc.revision === 2);
      },
    });
  });

  it('a cut at every step of attachment writes, a repair of a damaged copy included, never leaves evidence that reads back wrong', async () => {
    const first = new TextEncoder().encode('Decree No. 12 establishing the national CSIRT');
    const second = new TextEncoder().encode('Cybercrime Act 2021, unofficial translation');
    const damaged = Uint8Array.from(first, (byte, i) => (i === 3 ? byte ^ 1 : byte));
    const start = await image(async (fs) => {
      const store = await open(fs);
      await store.close();
      await writeRaw(fs, `${DATA}/attachments/${sha256(first)}`, damaged);
    });
    await explore({
      image: start,
      async run(fs, acks) {
        try {
          const files = attachmentFiles(DATA, fs);
          await files.put(first);
          acks.push('first');
          await files.put(second);
          acks.push('second');
        } catch {
          // The power went.
        }
      },
      async check(_store, fs, acks, context) {
        const files = attachmentFiles(DATA, fs);
        for (const [label, bytes] of [['first', first], ['second', second]] as const) {
          if (acks.includes(label)) expect(Buffer.from(await files.read(sha256(bytes))).equals(Buffer.from(bytes)), `${context}: ${label}`).toBe(true);
        }
        assertNoHalfWrittenFile(fs, context, (path) => path === `${DATA}/attachments/${sha256(first)}` && !acks.includes('first'));
      },
    });
  });

  it('the history log: a line cut by the power after the last acknowledged save is dropped, every acknowledged entry reads back', async () => {
    const scenario = await savesScenario();
    await explore({
      ...scenario,
      async check(store, fs, acks, context) {
        await scenario.check(store, fs, acks, context);
        const doc = await store.get(SAMPLE_ID);
        const log = fs.bytes(`${FOLDER}/history.log`) ?? new Uint8Array();
        const decoded = decodeHistoryLog(log, doc.history.length);
        expect(decoded.complete, context).toBe(true);
        expect(decoded.entries, context).toEqual(doc.history);
      },
    }, ['some-pending']);
  });

  it('a cut at every step of emptying the trash leaves each trashed assessment whole and in the trash, or gone without a trace; never half', async () => {
    const kept = sampleAssessment({ id: 'assessment-kept-0001', title: 'Kept' });
    const trashed = edit(sampleAssessment(), 2);
    const last = edit(trashed, 1);
    const start = await image(async (fs) => {
      const store = await open(fs);
      await store.create(kept);
      await store.create(trashed);
      await store.save(last);
      await store.setShelf([SAMPLE_ID], 'trashed', 'HQ');
      await store.close();
    });
    const checked = await explore({
      image: start,
      async run(fs, acks) {
        try {
          const store = await open(fs);
          await store.emptyTrash([SAMPLE_ID], 'HQ');
          acks.push('emptied');
          await store.close();
        } catch {
          // The power went.
        }
      },
      async check(store, fs, acks, context) {
        expect((await store.get(kept.id)).title, context).toBe('Kept');
        const listed = (await store.list()).map((s) => s.id).sort();
        const files = fs.paths().filter((path) => path.startsWith(`${FOLDER}/`));
        if (listed.includes(SAMPLE_ID)) {
          expect(acks, `${context}: an acknowledged deletion came back`).not.toContain('emptied');
          expect(documentDigest(await store.get(SAMPLE_ID)), context).toBe(documentDigest(last));
          expect(store.shelf().get(SAMPLE_ID)?.state, context).toBe('trashed');
        } else {
          expect(listed, context).toEqual([kept.id]);
          expect(files, `${context}: files of a deleted assessment remain`).toEqual([]);
          expect(fs.paths(), context).not.toContain(FOLDER);
          expect(store.shelf().size, context).toBe(0);
        }
        assertNoHalfWrittenFile(fs, context);
      },
    });
    expect(checked).toBeGreaterThan(50);
  });
});
