import type { Framework } from '../../core/model/framework';
import { scoreAssessment, type AssessmentScores } from '../../core/scoring/scores';
import type { Assessment } from '../../core/model/assessment';
import { loadFramework } from '../frameworks';
import { useLoad } from '../hooks/useLoad';

/**
 * Scores of the baseline assessment, on the framework version it was made with (a follow-up
 * may use a newer one); domains are compared by id.
 */
export function useBaselineScores(baseline: Assessment | undefined, framework: Framework): AssessmentScores | undefined {
  const sameFramework = baseline !== undefined && baseline.frameworkId === framework.id && baseline.frameworkVersion === framework.version;
  const loaded = useLoad(async () => {
    if (!baseline || sameFramework) return undefined;
    // Scores only: no text is shown from it, so English alone is fetched.
    return loadFramework(baseline, []);
  }, baseline ? `${baseline.frameworkId}@${baseline.frameworkVersion}` : 'none');
  if (!baseline) return undefined;
  if (sameFramework) return scoreAssessment(framework, baseline);
  return loaded.kind === 'ready' && loaded.data ? scoreAssessment(loaded.data, baseline) : undefined;
}
