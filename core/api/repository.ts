import type { Assessment, HistoryEntry } from '../model/assessment';
import type { IndexEntry } from '../store/index-schema';
import type { StoreNotice } from '../store/notices';
import type { ShelfState } from '../portfolio/types';

/**
 * An assessment as an edit sees it: its own copy of everything except the history, which is the
 * store's list itself, read-only — copying a list that grows with every edit would make each
 * save slower the longer a team works.
 */
export type EditableAssessment = Omit<Assessment, 'history'> & { readonly history: readonly HistoryEntry[] };

/** What the handlers need from the store; the durable store in core/store implements it. */
export interface AssessmentRepository {
  list(): Promise<IndexEntry[]>;
  get(id: string): Promise<Assessment>;
  create(assessment: Assessment): Promise<void>;
  save(assessment: Assessment): Promise<void>;
  getForEdit(id: string): Promise<EditableAssessment>;
  /** Saves an edit of a document from getForEdit (its history untouched) with the history entries it adds. */
  saveEdit(next: EditableAssessment, added: readonly HistoryEntry[]): Promise<void>;
  notices(): StoreNotice[];
  shelf(): Map<string, { state: ShelfState; at: string; by: string }>;
  setShelf(ids: readonly string[], state: ShelfState | null, by: string): Promise<void>;
  emptyTrash(confirmed: readonly string[], by: string): Promise<string[]>;
}
