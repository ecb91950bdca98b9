import { indicatorPlaces } from '../framework/summary';
import type { Assessment, IndicatorResponse } from '../model/assessment';
import type { Framework } from '../model/framework';
import { scoreAssessment, type Coverage } from '../scoring/scores';

export interface Review {
  domains: Array<{ domainId: string; coverage: Coverage }>;
  overall: Coverage;
  flagged: string[];
  lowConfidence: string[];
  /** Rated 3 or above with neither notes nor an attachment to show for it. */
  highWithoutEvidence: string[];
  unanswered: string[];
  /** Sessions that gave no input to any indicator and that no rating cites. */
  sessionsWithoutInput: string[];
}

/** A response counts as evidenced when it has notes or an attachment. */
export function hasEvidence(response: IndicatorResponse | undefined): boolean {
  return (response?.notes.trim() ?? '') !== '' || (response?.attachmentIds.length ?? 0) > 0;
}

/** What the team should look at before it signs off (issue: review and finalise). */
export function reviewAssessment(framework: Framework, assessment: Assessment): Review {
  const scores = scoreAssessment(framework, assessment);
  const ids = indicatorPlaces(framework).map((p) => p.indicator.id);
  const response = (id: string) => assessment.responses[id];
  const cited = new Set(Object.values(assessment.responses).flatMap((r) => r.sessionIds));
  return {
    domains: scores.domains.map((d) => ({ domainId: d.domainId, coverage: d.coverage })),
    overall: scores.overall,
    flagged: ids.filter((id) => response(id)?.flagged),
    lowConfidence: ids.filter((id) => response(id)?.rating?.kind === 'level' && response(id)?.confidence === 'low'),
    highWithoutEvidence: ids.filter((id) => {
      const rating = response(id)?.rating;
      return rating?.kind === 'level' && rating.level >= 3 && !hasEvidence(response(id));
    }),
    unanswered: ids.filter((id) => !response(id)?.rating),
    sessionsWithoutInput: assessment.sessions
      .filter((s) => Object.keys(s.inputs).length === 0 && !cited.has(s.id))
      .map((s) => s.id),
  };
}
