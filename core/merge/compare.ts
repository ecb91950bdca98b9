import { indicatorPlaces } from '../framework/summary';
import type { Assessment, AttachmentMeta, IndicatorResponse, InterviewSession, Rating } from '../model/assessment';
import type { Framework } from '../model/framework';
import type { AssessmentMode, Confidence } from '../model/vocabulary';

/** What the merge and compare screens show of one source assessment. */
export interface MergeSource {
  id: string;
  title: string;
  mode: AssessmentMode;
  revision: number;
}

/** One side's answer on one indicator, as far as a person choosing between the two needs it. */
export interface IndicatorSide {
  rating: Rating | null;
  confidence: Confidence | null;
  notes: string;
  sessionIds: string[];
  attachmentIds: string[];
}

export const comparisonStatuses = ['agree', 'differ', 'leftOnly', 'rightOnly'] as const;
export type ComparisonStatus = (typeof comparisonStatuses)[number];

export interface IndicatorComparison {
  indicatorId: string;
  status: ComparisonStatus;
  left: IndicatorSide | null;
  right: IndicatorSide | null;
  /** |left level − right level| when both are levels; null otherwise. */
  levelDistance: number | null;
  /** The merge refuses a choice on this indicator without a reason. */
  reasonRequired: boolean;
}

export interface MergePreview {
  left: MergeSource;
  right: MergeSource;
  country: string;
  frameworkId: string;
  frameworkVersion: string;
  /** In framework order; indicators neither side rated are left out. */
  indicators: IndicatorComparison[];
  counts: Record<ComparisonStatus, number>;
  /** What the merged assessment will hold: sessions and attachments of both, each once. */
  sessions: { left: number; right: number; united: number };
  attachments: { left: number; right: number; united: number };
}

/** A choice between two ratings needs a reason when they are further apart than this. */
export const maxDistanceWithoutReason = 1;

export function sourceOf(assessment: Assessment): MergeSource {
  return { id: assessment.id, title: assessment.title, mode: assessment.mode, revision: assessment.revision };
}

function sideOf(response: IndicatorResponse | undefined): IndicatorSide | null {
  if (!response?.rating) return null;
  return {
    rating: response.rating,
    confidence: response.confidence ?? null,
    notes: response.notes,
    sessionIds: response.sessionIds,
    attachmentIds: response.attachmentIds,
  };
}

/** Same kind and level: an N/A reason worded differently is not a different rating. */
export function sameRating(a: Rating, b: Rating): boolean {
  return a.kind === b.kind && (a.kind !== 'level' || (b.kind === 'level' && a.level === b.level));
}

export function levelDistance(a: Rating | null | undefined, b: Rating | null | undefined): number | null {
  return a?.kind === 'level' && b?.kind === 'level' ? Math.abs(a.level - b.level) : null;
}

export function compareIndicator(indicatorId: string, leftResponse: IndicatorResponse | undefined, rightResponse: IndicatorResponse | undefined): IndicatorComparison | null {
  const left = sideOf(leftResponse);
  const right = sideOf(rightResponse);
  if (!left && !right) return null;
  const distance = levelDistance(left?.rating, right?.rating);
  const status: ComparisonStatus = !right ? 'leftOnly' : !left ? 'rightOnly' : sameRating(left.rating!, right.rating!) ? 'agree' : 'differ';
  return { indicatorId, status, left, right, levelDistance: distance, reasonRequired: status === 'differ' && (distance ?? 0) > maxDistanceWithoutReason };
}

/** Sessions of both sides, each once: a session both copies share (same id and content) counts once. */
export function uniteSessions(left: readonly InterviewSession[], right: readonly InterviewSession[]): { sessions: InterviewSession[]; clashes: InterviewSession[] } {
  const byId = new Map(left.map((s) => [s.id, s]));
  const clashes: InterviewSession[] = [];
  const added: InterviewSession[] = [];
  for (const session of right) {
    const same = byId.get(session.id);
    if (!same) added.push(session);
    else if (JSON.stringify(same) !== JSON.stringify(session)) clashes.push(session);
  }
  return { sessions: [...left, ...added], clashes };
}

/** Attachments are stored by the digest of their bytes, so the same file on both sides is one attachment. */
export function uniteAttachments(left: readonly AttachmentMeta[], right: readonly AttachmentMeta[]): AttachmentMeta[] {
  const seen = new Set(left.map((a) => a.id));
  return [...left, ...right.filter((a) => !seen.has(a.id))];
}

/** Indicator by indicator in framework order; the caller has checked that both are on `framework`. */
export function compareAssessments(framework: Framework, left: Assessment, right: Assessment): MergePreview {
  const indicators = indicatorPlaces(framework)
    .map((place) => compareIndicator(place.indicator.id, left.responses[place.indicator.id], right.responses[place.indicator.id]))
    .filter((c): c is IndicatorComparison => c !== null);
  const counts = { agree: 0, differ: 0, leftOnly: 0, rightOnly: 0 };
  for (const c of indicators) counts[c.status]++;
  const { sessions, clashes } = uniteSessions(left.sessions, right.sessions);
  return {
    left: sourceOf(left),
    right: sourceOf(right),
    country: left.country,
    frameworkId: left.frameworkId,
    frameworkVersion: left.frameworkVersion,
    indicators,
    counts,
    sessions: { left: left.sessions.length, right: right.sessions.length, united: sessions.length + clashes.length },
    attachments: { left: left.attachments.length, right: right.attachments.length, united: uniteAttachments(left.attachments, right.attachments).length },
  };
}
