import type { Assessment, AssessmentSummary } from '../model/assessment';
import type { StoreNotice } from '../store/notices';

/** What the handlers need from the store; the durable store in core/store implements it. */
export interface AssessmentRepository {
  list(): Promise<AssessmentSummary[]>;
  get(id: string): Promise<Assessment>;
  create(assessment: Assessment): Promise<void>;
  save(assessment: Assessment): Promise<void>;
  notices(): StoreNotice[];
}
