import type { Assessment, HistoryEntry } from '../model/assessment';
import { canonicalJson } from './format';
import type { AssessmentRelation } from './types';

/** The history field of the entry an import adds; it is local bookkeeping, not part of the lineage. */
export const IMPORT_FIELD = 'import';

function lineage(history: readonly HistoryEntry[]): HistoryEntry[] {
  return history.filter((entry) => entry.field !== IMPORT_FIELD);
}

function isPrefix(shorter: readonly HistoryEntry[], longer: readonly HistoryEntry[]): boolean {
  return shorter.length <= longer.length && shorter.every((entry, i) => canonicalJson(entry) === canonicalJson(longer[i]));
}

/**
 * How an incoming copy relates to the stored one. Same lineage means: created at the same moment,
 * and the stored history (without local import records) is the start of the incoming one. Only
 * then can the incoming copy replace the stored one without losing anybody's work.
 */
export function relationTo(stored: Assessment | undefined, incoming: Assessment): AssessmentRelation {
  if (stored === undefined) return 'new';
  const mine = lineage(stored.history);
  const theirs = lineage(incoming.history);
  if (stored.createdAt !== incoming.createdAt || !isPrefix(mine, theirs)) return 'diverged';
  if (incoming.revision > stored.revision) return 'update';
  return theirs.length === mine.length ? 'unchanged' : 'diverged';
}

/** Whether a diverged copy is simply behind the stored one (its history is the start of ours). */
export function isOlderCopy(stored: Assessment, incoming: Assessment): boolean {
  return stored.createdAt === incoming.createdAt && isPrefix(lineage(incoming.history), lineage(stored.history));
}

/** The stored copy brought up to the incoming revision, keeping local import records. */
export function updatedCopy(stored: Assessment, incoming: Assessment, record: HistoryEntry): Assessment {
  const added = lineage(incoming.history).slice(lineage(stored.history).length);
  return { ...incoming, history: [...stored.history, ...added, record] };
}
