import type { AssessmentSummary } from '../../core/model/assessment';
import { openCliSnapshot, unwrap } from './open';

export async function runAssessmentsList(values: Record<string, unknown>): Promise<number> {
  const core = await openCliSnapshot(values);
  try {
    const list = unwrap<AssessmentSummary[]>(await core.dispatch('listAssessments', {}));
    if (values.json) {
      console.log(JSON.stringify(list, null, 2));
    } else if (list.length === 0) {
      console.log('No assessments stored yet.');
    } else {
      for (const a of list) console.log(`${a.id}  ${a.country}  ${a.mode.padEnd(5)}  ${a.status.padEnd(9)}  ${a.updatedAt}  ${a.title}`);
    }
    return 0;
  } finally {
    await core.close();
  }
}
