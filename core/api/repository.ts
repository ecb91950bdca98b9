import type { Assessment } from '../model/assessment';
import type { IndexEntry } from '../store/index-schema';
import type { StoreNotice } from '../store/notices';
import type { ShelfState } from '../portfolio/types';

/** What the handlers need from the store; the durable store in core/store implements it. */
export interface AssessmentRepository {
  list(): Promise<IndexEntry[]>;
  get(id: string): Promise<Assessment>;
  create(assessment: Assessment): Promise<void>;
  save(assessment: Assessment): Promise<void>;
  notices(): StoreNotice[];
  shelf(): Map<string, { state: ShelfState; at: string; by: string }>;
  setShelf(ids: readonly string[], state: ShelfState | null, by: string): Promise<void>;
  emptyTrash(confirmed: readonly string[], by: string): Promise<string[]>;
}
