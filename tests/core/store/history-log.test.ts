import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment, HistoryEntry } from '../../../core/model/assessment';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { encodeHistoryLines } from '../../../core/store/history-log.node.ts';
import { SAMPLE_ID, nextRevision, sampleAssessment } from './documents';
import { generationPath, instrumentedFs, listFolder } from './helpers';
import type { FsCall } from './helpers';
import type { StoreFs } from '../../../core/store/fs-port';
import { useTempDirs } from '../temp-dir';

const tempDir = useTempDirs();
const logPath = (dataDir: string): string => join(dataDir, 'assessments', SAMPLE_ID, 'history.log');

function entry(n: number): HistoryEntry {
  return { at: new Date(Date.UTC(2025, 2, 1, 8, 0, n)).toISOString(), by: 'A. Tanaka', field: 'response:x.notes', from: `before ${n} ${'b'.repeat(200)}`, to: `after ${n} ${'a'.repeat(200)}` };
}

/** One save per edit, each adding one history entry, as the editor does. */
async function edited(dataDir: string, edits: number): Promise<Assessment> {
  const store = await openAssessmentStore({ dataDir });
  let a = sampleAssessment();
  await store.create(a);
  for (let n = 0; n < edits; n++) {
    a = nextRevision(a, { history: [...a.history, entry(n)] });
    await store.save(a);
  }
  await store.close();
  return a;
}

describe('assessment store: history log', () => {
  it('a save appends only its new entries to the log; the generation does not carry the history', async () => {
    const dataDir = await tempDir();
    const a = await edited(dataDir, 40);
    expect((await stat(generationPath(dataDir, SAMPLE_ID, a.revision))).size).toBe((await stat(generationPath(dataDir, SAMPLE_ID, a.revision - 1))).size);

    const calls: FsCall[] = [];
    const store = await openAssessmentStore({ dataDir, fs: instrumentedFs({ calls }) });
    expect((await store.get(SAMPLE_ID)).history).toEqual(a.history);
    calls.length = 0;
    const next = nextRevision(a, { history: [...a.history, entry(40)] });
    await store.save(next);
    expect(calls.filter((c) => c.op === 'open').map((c) => [c.path.slice(dataDir.length + 1), c.flags])).toEqual([
      [`assessments/${SAMPLE_ID}/history.log`, 'a'],
      [expect.stringMatching(new RegExp(`^assessments/${SAMPLE_ID}/\\.r000000042\\.json\\.[0-9a-f]{12}\\.tmp$`)), 'wx'],
      [`assessments/${SAMPLE_ID}`, 'r'],
    ]);
    expect(calls.filter((c) => c.op === 'readFile')).toEqual([]);
    await store.close();
    const reopened = await openAssessmentStore({ dataDir });
    expect(await reopened.get(SAMPLE_ID)).toEqual(next);
    await reopened.close();
  });

  it('a save puts its log lines on the disk before its generation replaces the last one, even when flushing the log is slow', async () => {
    const dataDir = await tempDir();
    const a = await edited(dataDir, 3);
    const events: string[] = [];
    const base = instrumentedFs();
    const slowLogFs: StoreFs = {
      ...base,
      async open(path, flags) {
        const handle = await base.open(path, flags);
        if (!path.endsWith('history.log')) return handle;
        return {
          ...handle,
          async sync() {
            await new Promise((resolve) => setTimeout(resolve, 60));
            await handle.sync();
            events.push('log flushed');
          },
        };
      },
      async rename(from, to) {
        events.push(`renamed to ${basename(to)}`);
        await base.rename(from, to);
      },
    };
    const store = await openAssessmentStore({ dataDir, fs: slowLogFs });
    await store.save(nextRevision(a, { history: [...a.history, entry(3)] }));
    expect(events).toEqual(['log flushed', `renamed to r${String(a.revision + 1).padStart(9, '0')}.json`]);
    await store.close();
  });

  it('drops a line cut by a crash and lines of a save that never completed; the next save writes those positions again', async () => {
    const dataDir = await tempDir();
    const a = await edited(dataDir, 3);
    // A save that appended two entries and crashed before its generation: the second line cut short.
    const stale = encodeHistoryLines([entry(90), entry(91)], 3);
    await appendFile(logPath(dataDir), stale.slice(0, stale.length - 25));

    const store = await openAssessmentStore({ dataDir });
    expect(await store.get(SAMPLE_ID)).toEqual(a);
    expect(store.notices()).toEqual([]);
    const next = nextRevision(a, { history: [...a.history, entry(3), entry(4)] });
    await store.save(next);
    await store.close();
    const reopened = await openAssessmentStore({ dataDir });
    expect((await reopened.get(SAMPLE_ID)).history).toEqual(next.history);
    await reopened.close();
  });

  it('a damaged line that a saved revision counts on: the entries before it are kept, a notice says so, and the next save sets the log aside and writes it whole', async () => {
    const dataDir = await tempDir();
    const a = await edited(dataDir, 4);
    const lines = (await readFile(logPath(dataDir), 'utf8')).split('\n');
    const damaged = lines.map((line, i) => (i === 3 ? line.replace('after 2', 'after X') : line)).join('\n');
    await writeFile(logPath(dataDir), damaged);

    const store = await openAssessmentStore({ dataDir });
    const opened = await store.get(SAMPLE_ID);
    expect(opened.history).toEqual(a.history.slice(0, 2));
    expect(store.notices()).toEqual([expect.objectContaining({ kind: 'history-damaged', file: `assessments/${SAMPLE_ID}/history.log`, assessmentId: SAMPLE_ID })]);
    const next = nextRevision(opened, { history: [...opened.history, entry(7)] });
    await store.save(next);
    const quarantined = store.notices().find((n) => n.kind === 'quarantined');
    expect(await readFile(join(dataDir, quarantined?.quarantinedAs ?? ''), 'utf8')).toBe(damaged);
    await store.close();
    const reopened = await openAssessmentStore({ dataDir });
    expect(await reopened.get(SAMPLE_ID)).toEqual(next);
    expect(reopened.notices()).toEqual([]);
    await reopened.close();
  });

  it('refuses a save that drops history entries, writing nothing; stored entries cannot be changed through a returned copy', async () => {
    const dataDir = await tempDir();
    const a = await edited(dataDir, 2);
    const store = await openAssessmentStore({ dataDir });
    const before = await listFolder(join(dataDir, 'assessments', SAMPLE_ID));
    const got = await store.get(SAMPLE_ID);
    await expect(store.save(nextRevision(got, { history: got.history.slice(1) }))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await listFolder(join(dataDir, 'assessments', SAMPLE_ID))).toEqual(before);
    expect(() => {
      (got.history[0] as { by: string }).by = 'someone else';
    }).toThrow(TypeError);
    got.history.push(entry(50));
    expect((await store.get(SAMPLE_ID)).history).toEqual(a.history);
    await store.close();
  });

  it('an edit adds its entries to the stored list without copying it: earlier copies keep their length, a replaced list is refused', async () => {
    const dataDir = await tempDir();
    const a = await edited(dataDir, 3);
    const store = await openAssessmentStore({ dataDir });
    const copy = await store.get(SAMPLE_ID);
    const current = await store.getForEdit(SAMPLE_ID);
    await store.saveEdit({ ...current, revision: current.revision + 1, title: 'Retitled' }, [entry(3)]);
    expect(copy.history).toHaveLength(a.history.length);
    expect((await store.get(SAMPLE_ID)).history).toEqual([...a.history, entry(3)]);

    const again = await store.getForEdit(SAMPLE_ID);
    const replaced = { ...again, revision: again.revision + 1, history: again.history.slice(1) };
    await expect(store.saveEdit(replaced, [entry(4)])).rejects.toMatchObject({ code: 'INTERNAL' });
    const invalid = { at: 'yesterday', by: '', field: '', from: null, to: null };
    await expect(store.saveEdit({ ...again, revision: again.revision + 1 }, [invalid])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await store.close();

    const reopened = await openAssessmentStore({ dataDir });
    expect((await reopened.get(SAMPLE_ID)).history).toEqual([...a.history, entry(3)]);
    await reopened.close();
  });
});
