import type { Assessment, HistoryEntry } from '../model/assessment';
import { KeyedQueue } from '../store/keyed-queue';
import type { AssessmentRepository, EditableAssessment } from './repository';
import { CoreError } from './result';

export const defaultAuthor = 'assessor';

export interface EditContext {
  at: string;
  by: string;
  /**
   * Appends a history entry. After a reopen every entry carries the reopen reason; `reason`
   * gives one explicitly (the reopen itself).
   */
  log(field: string, from: unknown, to: unknown, reason?: string): void;
}

export interface EditOptions {
  /** Finalising and reopening are the only edits allowed on a final assessment. */
  allowFinal?: boolean;
}

export type Edit = <T>(
  id: string,
  by: string | undefined,
  change: (current: EditableAssessment, context: EditContext) => { next: EditableAssessment; result: T },
  options?: EditOptions,
) => Promise<T>;

/**
 * Read–modify–write of one assessment, one at a time per assessment: checks the read-only
 * state, appends history, bumps the revision and saves durably. Nothing is saved when the
 * change throws, so a rejected edit leaves the store as it was.
 */
export function createEditor(store: AssessmentRepository, now: () => Date): Edit {
  const queue = new KeyedQueue();
  return (id, by, change, options = {}) =>
    queue.run(id, async () => {
      const current = await store.getForEdit(id);
      if (!options.allowFinal) assertEditable(current);
      const at = now().toISOString();
      const author = by ?? defaultAuthor;
      const entries: HistoryEntry[] = [];
      const context: EditContext = {
        at,
        by: author,
        log: (field, from, to, explicit) => {
          const reason = explicit ?? current.reopened?.reason;
          entries.push(reason === undefined ? { at, by: author, field, from, to } : { at, by: author, field, from, to, reason });
        },
      };
      const { next, result } = change(current, context);
      if (entries.length === 0 && next === current) return result;
      await store.saveEdit({ ...next, revision: current.revision + 1, updatedAt: at }, entries);
      return result;
    });
}

/** Refuses any change to a final assessment; also checked before an edit writes anything outside the document. */
export function assertEditable(current: Pick<Assessment, 'status'>): void {
  if (current.status === 'final') {
    throw new CoreError('READ_ONLY', 'This assessment is final and read-only. Reopen it, giving a reason, to make changes.');
  }
}

/** JSON equality for small model values; enough to decide whether a field changed. */
export function changed(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
}

/** Typed text is logged at most this often per field and author, so typing does not flood the history. */
const typingHistoryInterval = 5 * 60_000;

/** Whether `by` logged `field` within the last few minutes (then a further typed edit is not logged again). */
export function loggedRecently(history: readonly HistoryEntry[], field: string, by: string, at: string): boolean {
  const last = history.findLast((entry) => entry.field === field);
  return last !== undefined && last.by === by && Date.parse(at) - Date.parse(last.at) < typingHistoryInterval;
}

/** A field this client changed that was also changed elsewhere: both values, so nothing typed is lost. */
export interface FieldConflict {
  field: string;
  stored: unknown;
  yours: unknown;
}

/**
 * Three-way check of the fields a client changes against what is stored now. A field the
 * client did not change (yours = base) keeps the stored value; a field nobody else changed
 * (stored = base), or changed elsewhere to the same value, takes the client's value; a field
 * changed both here and elsewhere is refused with CONFLICT carrying both values, and nothing is
 * saved. Different fields therefore merge, and a stale tab never overwrites a newer text.
 */
export function mergeFields<T extends object>(what: string, stored: T, base: Partial<T>, yours: Partial<T>): Partial<T> {
  const merged: Partial<T> = {};
  const conflicts: FieldConflict[] = [];
  for (const key of Object.keys(yours) as Array<keyof T & string>) {
    const [now, seen, wanted] = [stored[key], base[key], yours[key]];
    if (!changed(seen, wanted)) continue;
    if (changed(now, seen) && changed(now, wanted)) conflicts.push({ field: key, stored: now ?? null, yours: wanted ?? null });
    else merged[key] = wanted;
  }
  if (conflicts.length > 0) {
    throw new CoreError('CONFLICT', `${what} was changed elsewhere since this window last saw it (${conflicts.map((c) => c.field).join(', ')}).`, { conflicts });
  }
  return merged;
}
