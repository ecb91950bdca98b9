import { describe, expect, it } from 'vitest';
import { IMPORT_FIELD, isOlderCopy, relationTo, updatedCopy } from '../../../core/bundle/lineage';
import type { Assessment, HistoryEntry } from '../../../core/model/assessment';

const edit = (n: number): HistoryEntry => ({ at: `2026-03-0${n}T00:00:00.000Z`, by: 'Ana', field: 'title', from: `t${n - 1}`, to: `t${n}` });
const imported: HistoryEntry = { at: '2026-03-09T00:00:00.000Z', by: 'HQ desk', field: IMPORT_FIELD, from: null, to: 'from Field laptop' };

/** Only what lineage looks at: when it was created, its revision and its history. */
function copy(revision: number, history: HistoryEntry[], createdAt = '2026-03-01T00:00:00.000Z'): Assessment {
  return { id: 'vn-2026-0001', createdAt, revision, history, title: `r${revision}` } as unknown as Assessment;
}

describe('how an incoming copy relates to the stored one', () => {
  it('is new when nothing is stored', () => {
    expect(relationTo(undefined, copy(1, [edit(1)]))).toBe('new');
  });

  it('is an update when it continues the stored history to a later revision', () => {
    expect(relationTo(copy(1, [edit(1)]), copy(2, [edit(1), edit(2)]))).toBe('update');
  });

  it('is unchanged at the same revision and history, local import records aside', () => {
    expect(relationTo(copy(2, [edit(1), imported, edit(2)]), copy(2, [edit(1), edit(2)]))).toBe('unchanged');
  });

  it('has diverged when created at another moment, even with the same history', () => {
    expect(relationTo(copy(1, [edit(1)]), copy(2, [edit(1), edit(2)], '2026-03-02T00:00:00.000Z'))).toBe('diverged');
  });

  it('has diverged when the histories part, even at a later revision', () => {
    expect(relationTo(copy(1, [edit(1), edit(2)]), copy(3, [edit(1), edit(3), edit(4)]))).toBe('diverged');
  });

  it('has diverged when it is behind the stored copy', () => {
    expect(relationTo(copy(2, [edit(1), edit(2)]), copy(1, [edit(1)]))).toBe('diverged');
  });

  it('has diverged at the same revision with more history', () => {
    expect(relationTo(copy(2, [edit(1)]), copy(2, [edit(1), edit(2)]))).toBe('diverged');
  });

  it('compares entries by content, not by key order', () => {
    const reordered = { to: 't1', from: 't0', field: 'title', by: 'Ana', at: '2026-03-01T00:00:00.000Z' } as HistoryEntry;
    expect(relationTo(copy(1, [edit(1)]), copy(2, [reordered, edit(2)]))).toBe('update');
  });
});

describe('an older copy', () => {
  it('is one whose history is the start of the stored one, created at the same moment', () => {
    const stored = copy(2, [edit(1), imported, edit(2)]);
    expect(isOlderCopy(stored, copy(1, [edit(1)]))).toBe(true);
    expect(isOlderCopy(stored, copy(1, [edit(1)], '2026-03-02T00:00:00.000Z'))).toBe(false);
    expect(isOlderCopy(stored, copy(1, [edit(3)]))).toBe(false);
  });
});

describe('bringing the stored copy up to the incoming revision', () => {
  it('takes the incoming content and adds only the new history after the stored one, then the import record', () => {
    const stored = copy(1, [edit(1), imported]);
    const incoming = copy(3, [edit(1), edit(2), edit(3)]);
    const record = { ...imported, at: '2026-03-10T00:00:00.000Z' };
    expect(updatedCopy(stored, incoming, record)).toEqual({ ...incoming, history: [edit(1), imported, edit(2), edit(3), record] });
  });
});
