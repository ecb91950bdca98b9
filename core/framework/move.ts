import type { Assessment, IndicatorResponse, InterviewSession, Rating, SessionInput } from '../model/assessment';
import type { Framework } from '../model/framework';
import type { LocalizedText } from '../model/pick-text';
import { confidenceLevels } from '../model/vocabulary';
import type { FrameworkMapping, MappingKind } from './mapping';
import { indicatorPlaces } from './summary';

/** kept: carried unchanged; flagged: carried and flagged for review; dropped: not carried (kept in history); added: new, unrated, flagged. */
export type MoveCategory = 'kept' | 'flagged' | 'dropped' | 'added';

export interface MoveItem {
  /** The indicator in the new version; for a dropped item, the old indicator. */
  indicatorId: string;
  kind: MappingKind | 'added';
  /** Old indicators that feed this one (the dropped one itself for a dropped item; none for an added one). */
  from: string[];
  /** The rating the indicator starts with in the new version; for a dropped item, the rating it had. Null when there is none. */
  rating: Rating | null;
  note?: LocalizedText;
  /** A dropped indicator's whole response, so that it stays readable in the history. */
  response?: IndicatorResponse;
}

export interface FrameworkMovePreview {
  assessmentId: string;
  /** The revision the preview was computed on; the move is refused if the assessment has changed since. */
  revision: number;
  frameworkId: string;
  fromVersion: string;
  toVersion: string;
  counts: Record<MoveCategory, number>;
  kept: MoveItem[];
  flagged: MoveItem[];
  dropped: MoveItem[];
  added: MoveItem[];
  /** Capability targets the team set for capabilities the new version no longer has. */
  targetsDropped: string[];
}

const maxNotes = 50_000;

/**
 * What moving `assessment` from `from` to `to` along `mapping` does, indicator by indicator.
 * The mapping must have passed `mappingProblems` for these two frameworks.
 */
export function previewMove(assessment: Omit<Assessment, 'history'>, mapping: FrameworkMapping, from: Framework, to: Framework): FrameworkMovePreview {
  const feeders = new Map<string, string[]>();
  for (const [oldId, entry] of Object.entries(mapping.indicators)) {
    for (const newId of entry.to) feeders.set(newId, [...(feeders.get(newId) ?? []), oldId]);
  }
  const added = new Set(mapping.added);
  const preview: FrameworkMovePreview = {
    assessmentId: assessment.id,
    revision: assessment.revision,
    frameworkId: to.id,
    fromVersion: from.version,
    toVersion: to.version,
    counts: { kept: 0, flagged: 0, dropped: 0, added: 0 },
    kept: [],
    flagged: [],
    dropped: [],
    added: [],
    targetsDropped: [],
  };
  const push = (category: MoveCategory, item: MoveItem) => {
    preview[category].push(item);
    preview.counts[category]++;
  };

  for (const { indicator } of indicatorPlaces(to)) {
    const newId = indicator.id;
    if (added.has(newId)) {
      push('added', { indicatorId: newId, kind: 'added', from: [], rating: null });
      continue;
    }
    const sources = feeders.get(newId) ?? [];
    const entry = mapping.indicators[sources[0]!]!;
    const rating = entry.kind === 'merged' ? lowestRating(sources.map((id) => assessment.responses[id]?.rating)) : assessment.responses[sources[0]!]?.rating;
    const item: MoveItem = { indicatorId: newId, kind: entry.kind, from: sources, rating: rating ?? null, note: entry.note };
    push(entry.kind === 'same' && !entry.review ? 'kept' : 'flagged', item);
  }
  for (const { indicator } of indicatorPlaces(from)) {
    const entry = mapping.indicators[indicator.id];
    if (entry?.kind !== 'removed') continue;
    const response = assessment.responses[indicator.id];
    push('dropped', { indicatorId: indicator.id, kind: 'removed', from: [indicator.id], rating: response?.rating ?? null, note: entry.note, ...(response ? { response } : {}) });
  }
  const capabilities = new Set(to.domains.flatMap((d) => d.capabilities.map((c) => c.id)));
  preview.targetsDropped = Object.keys(assessment.targets).filter((id) => !capabilities.has(id));
  return preview;
}

/**
 * The assessment on the new version, as the preview says: responses and session inputs re-keyed,
 * split parts and merges flagged, new indicators present, unrated and flagged. History and
 * revision are the editor's business.
 */
export function applyMove<A extends Omit<Assessment, 'history'>>(assessment: A, preview: FrameworkMovePreview, at: string, by: string): A {
  const responses: Assessment['responses'] = {};
  const carried = [...preview.kept.map((item) => ({ item, flag: false })), ...preview.flagged.map((item) => ({ item, flag: true }))];
  for (const { item, flag } of carried) {
    const sources = item.from.flatMap((id) => (assessment.responses[id] ? [{ id, response: assessment.responses[id] }] : []));
    if (!flag) {
      if (sources[0]) responses[item.indicatorId] = sources[0].response;
      continue;
    }
    const base = sources.length > 1 ? mergeResponses(sources, item.rating) : sources[0]?.response;
    responses[item.indicatorId] = { ...blank(at, by), ...base, flagged: true, updatedAt: at, updatedBy: by };
  }
  for (const item of preview.added) responses[item.indicatorId] = { ...blank(at, by), flagged: true };

  const targets = Object.fromEntries(Object.entries(assessment.targets).filter(([id]) => !preview.targetsDropped.includes(id)));
  return {
    ...assessment,
    frameworkId: preview.frameworkId,
    frameworkVersion: preview.toVersion,
    responses,
    targets,
    sessions: assessment.sessions.map((session) => moveSessionInputs(session, carried.map((c) => c.item))),
  };
}

function blank(at: string, by: string): IndicatorResponse {
  return { notes: '', attachmentIds: [], sessionIds: [], flagged: false, updatedAt: at, updatedBy: by };
}

/** Lowest level wins; without any level, unknown before not-applicable (whose reasons are kept). */
export function lowestRating(ratings: ReadonlyArray<Rating | undefined>): Rating | undefined {
  const present = ratings.filter((r): r is Rating => r !== undefined);
  const levels = present.flatMap((r) => (r.kind === 'level' ? [r.level] : []));
  if (levels.length > 0) return { kind: 'level', level: Math.min(...levels) };
  if (present.some((r) => r.kind === 'unknown')) return { kind: 'unknown' };
  const reasons = [...new Set(present.flatMap((r) => (r.kind === 'notApplicable' ? [r.reason] : [])))];
  return reasons.length > 0 ? { kind: 'notApplicable', reason: reasons.join('; ').slice(0, 2000) } : undefined;
}

/** Notes keep their source ids ("[old-id] text"); evidence and sessions are the union; confidence the lowest. */
function mergeResponses(sources: Array<{ id: string; response: IndicatorResponse }>, rating: Rating | null): IndicatorResponse {
  const confidences = sources.flatMap(({ response }) => (response.confidence ? [confidenceLevels.indexOf(response.confidence)] : []));
  const merged: IndicatorResponse = {
    notes: labelledNotes(sources.map(({ id, response }) => ({ id, text: response.notes }))),
    attachmentIds: [...new Set(sources.flatMap(({ response }) => response.attachmentIds))],
    sessionIds: [...new Set(sources.flatMap(({ response }) => response.sessionIds))],
    flagged: true,
    updatedAt: sources[0]!.response.updatedAt,
    updatedBy: sources[0]!.response.updatedBy,
  };
  if (rating) merged.rating = rating;
  if (confidences.length > 0) merged.confidence = confidenceLevels[Math.min(...confidences)]!;
  return merged;
}

function labelledNotes(notes: Array<{ id: string; text: string }>): string {
  return notes
    .filter(({ text }) => text.trim() !== '')
    .map(({ id, text }) => `[${id}] ${text}`)
    .join('\n\n')
    .slice(0, maxNotes);
}

function moveSessionInputs(session: InterviewSession, items: MoveItem[]): InterviewSession {
  const inputs: Record<string, SessionInput> = {};
  for (const item of items) {
    const sources = item.from.flatMap((id) => (session.inputs[id] ? [{ id, input: session.inputs[id] }] : []));
    if (sources.length === 1) inputs[item.indicatorId] = sources[0]!.input;
    if (sources.length > 1) {
      const levels = sources.flatMap(({ input }) => (input.level === undefined ? [] : [input.level]));
      const latest = sources.reduce((a, b) => (a.input.updatedAt >= b.input.updatedAt ? a : b)).input;
      inputs[item.indicatorId] = {
        note: labelledNotes(sources.map(({ id, input }) => ({ id, text: input.note }))),
        ...(levels.length > 0 ? { level: Math.min(...levels) } : {}),
        updatedAt: latest.updatedAt,
        updatedBy: latest.updatedBy,
      };
    }
  }
  return { ...session, inputs };
}
