import { CoreError } from '../api/result';
import { ASSESSMENT_SCHEMA_VERSION, emptyPlan, type Assessment, type HistoryEntry, type IndicatorResponse, type Rating, type TeamMember } from '../model/assessment';
import type { Framework } from '../model/framework';
import type { Confidence } from '../model/vocabulary';
import { compareAssessments, sourceOf, uniteAttachments, uniteSessions, type IndicatorComparison, type IndicatorSide, type MergePreview } from './compare';

export interface MergeChoice {
  take: 'left' | 'right' | 'new';
  /** The rating set when `take` is "new". */
  rating?: Rating | undefined;
  confidence?: Confidence | undefined;
  reason?: string | undefined;
  notes: 'left' | 'right' | 'both';
}

export interface MergeRequest {
  title: string;
  choices: Readonly<Record<string, MergeChoice>>;
}

export interface MergeServices {
  id: string;
  at: string;
  by: string;
  newId: () => string;
}

/**
 * Two assessments can be merged or compared only when they rate the same country on the same
 * framework version: otherwise the same indicator id may not ask the same question.
 */
export function assertComparable(left: Assessment, right: Assessment, latestVersion: string): void {
  if (left.id === right.id) throw new CoreError('INVALID_INPUT', 'rightId: choose two different assessments.');
  if (left.country !== right.country) {
    throw new CoreError('CONFLICT', `The two assessments are of different countries (${left.country} and ${right.country}); only assessments of the same country can be merged or compared.`, {
      reason: 'country',
      left: left.country,
      right: right.country,
    });
  }
  if (left.frameworkId !== right.frameworkId || left.frameworkVersion !== right.frameworkVersion) {
    const older = [left, right].filter((a) => a.frameworkVersion !== latestVersion).map((a) => `"${a.title}"`);
    const advice = older.length > 0 && left.frameworkId === right.frameworkId ? ` Move ${older.join(' and ')} to framework ${latestVersion} first (setup → framework version), then merge.` : '';
    throw new CoreError(
      'CONFLICT',
      `The two assessments use different frameworks (${left.frameworkId} ${left.frameworkVersion} and ${right.frameworkId} ${right.frameworkVersion}); their indicators do not match one to one.${advice}`,
      { reason: 'framework', left: `${left.frameworkId} ${left.frameworkVersion}`, right: `${right.frameworkId} ${right.frameworkVersion}`, moveTo: latestVersion },
    );
  }
}

function sourceLabel(source: Assessment): string {
  return `[${source.title}]`;
}

/** Both notes, each under the title of the assessment it comes from; an empty side adds nothing. */
export function joinNotes(left: Assessment, leftNotes: string, right: Assessment, rightNotes: string): string {
  const parts = [
    [left, leftNotes],
    [right, rightNotes],
  ] as const;
  const kept = parts.filter(([, notes]) => notes.trim() !== '');
  if (kept.length === 1) return kept[0]![1];
  if (kept.length === 0 || leftNotes === rightNotes) return leftNotes;
  return kept.map(([source, notes]) => `${sourceLabel(source)}\n${notes}`).join('\n\n');
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function ratingOf(side: IndicatorSide | null): Rating | null {
  return side?.rating ?? null;
}

/** Refusals name the input path a person can find: "choices.<indicator>.reason: …". */
function checkChoices(preview: MergePreview, choices: Readonly<Record<string, MergeChoice>>): void {
  const problems: Array<{ path: string[]; message: string }> = [];
  const byId = new Map(preview.indicators.map((c) => [c.indicatorId, c]));
  for (const [indicatorId, choice] of Object.entries(choices)) {
    const comparison = byId.get(indicatorId);
    if (comparison?.status !== 'differ') {
      problems.push({ path: ['choices', indicatorId], message: comparison ? 'both assessments agree here, or only one rated it: there is nothing to choose' : 'neither assessment rated this indicator' });
      continue;
    }
    if (choice.take === 'new' && !choice.rating) problems.push({ path: ['choices', indicatorId, 'rating'], message: 'a new rating is required when neither side is taken' });
    if (choice.take !== 'new' && choice.rating) problems.push({ path: ['choices', indicatorId, 'rating'], message: `a rating is set only with take "new"; "${choice.take}" takes that side's rating` });
    if (comparison.reasonRequired && !choice.reason?.trim()) {
      problems.push({ path: ['choices', indicatorId, 'reason'], message: `the two ratings differ by ${comparison.levelDistance} levels, so a reason is required` });
    }
  }
  for (const comparison of preview.indicators) {
    if (comparison.status === 'differ' && !Object.hasOwn(choices, comparison.indicatorId)) {
      problems.push({ path: ['choices', comparison.indicatorId], message: 'the two assessments rate this indicator differently: choose one rating or set a new one' });
    }
  }
  if (problems.length > 0) {
    throw new CoreError('INVALID_INPUT', problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '), problems);
  }
}

interface MergedIndicator {
  response: IndicatorResponse;
  entry: { from: unknown; to: unknown; reason?: string };
}

function mergeIndicator(
  comparison: IndicatorComparison,
  choice: MergeChoice | undefined,
  left: Assessment,
  right: Assessment,
  rightSession: (id: string) => string,
  services: MergeServices,
): MergedIndicator {
  const l = left.responses[comparison.indicatorId];
  const r = right.responses[comparison.indicatorId];
  const rightSessions = (r?.sessionIds ?? []).map(rightSession);
  const take = choice?.take ?? (comparison.status === 'rightOnly' ? 'right' : 'left');
  const chosen = take === 'right' ? r : take === 'left' ? l : undefined;
  const rating = take === 'new' ? choice!.rating! : chosen!.rating!;
  const confidence = take === 'new' ? choice?.confidence : (choice?.confidence ?? chosen?.confidence);
  // Without a choice nothing is dropped: notes that differ on an agreement are kept from both.
  const notesFrom = choice?.notes ?? 'both';
  const notes = notesFrom === 'left' ? (l?.notes ?? '') : notesFrom === 'right' ? (r?.notes ?? '') : joinNotes(left, l?.notes ?? '', right, r?.notes ?? '');
  const response: IndicatorResponse = {
    rating,
    ...(confidence ? { confidence } : {}),
    notes,
    attachmentIds: union(l?.attachmentIds ?? [], r?.attachmentIds ?? []),
    sessionIds: union(l?.sessionIds ?? [], rightSessions),
    flagged: Boolean(l?.flagged || r?.flagged),
    updatedAt: services.at,
    updatedBy: services.by,
  };
  const side = (source: Assessment, s: IndicatorSide | null) => ({ id: source.id, title: source.title, rating: ratingOf(s) });
  const reason = choice?.reason?.trim();
  return {
    response,
    entry: {
      from: { status: comparison.status, left: side(left, comparison.left), right: side(right, comparison.right) },
      to: { take, ...(take === 'new' ? {} : { title: (take === 'left' ? left : right).title }), rating, notes: notesFrom },
      ...(reason ? { reason } : {}),
    },
  };
}

function uniteTeams(left: readonly TeamMember[], right: readonly TeamMember[]): TeamMember[] {
  const key = (m: TeamMember) => `${m.name}\u0000${m.role}`;
  const seen = new Set(left.map(key));
  return [...left, ...right.filter((m) => !seen.has(key(m)))];
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a < b ? a : b;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a > b ? a : b;
}

/**
 * A new assessment from two (pure; the sources are only read). Agreements and indicators only
 * one side rated are taken as they are; every difference needs a choice, with a reason when the
 * ratings are more than one level apart. Sessions and attachments of both are united. The
 * history starts with the merge and then one entry per indicator naming both sources, the
 * choice and the reason.
 */
export function mergeAssessments(framework: Framework, left: Assessment, right: Assessment, request: MergeRequest, services: MergeServices): Assessment {
  const preview = compareAssessments(framework, left, right);
  checkChoices(preview, request.choices);
  const { sessions, clashes } = uniteSessions(left.sessions, right.sessions);
  // A right session with a left session's id but other content (two copies edited apart) is kept under a new id.
  const renamed = new Map(clashes.map((s) => [s.id, services.newId()]));
  const rightSession = (id: string) => renamed.get(id) ?? id;
  const allSessions = [...sessions, ...clashes.map((s) => ({ ...s, id: rightSession(s.id) }))];
  const { at, by } = services;
  const history: HistoryEntry[] = [
    {
      at,
      by,
      field: 'created',
      from: null,
      to: { title: request.title, mergedFrom: [sourceOf(left), sourceOf(right)], counts: preview.counts },
    },
  ];
  const responses: Assessment['responses'] = {};
  for (const comparison of preview.indicators) {
    const merged = mergeIndicator(comparison, request.choices[comparison.indicatorId], left, right, rightSession, services);
    responses[comparison.indicatorId] = merged.response;
    history.push({ at, by, field: `response:${comparison.indicatorId}.merge`, ...merged.entry });
  }
  const attachments = uniteAttachments(left.attachments, right.attachments);
  history.push({ at, by, field: 'merge.sessions', from: { left: left.sessions.length, right: right.sessions.length }, to: allSessions.length });
  history.push({ at, by, field: 'merge.attachments', from: { left: left.attachments.length, right: right.attachments.length }, to: attachments.length });
  const from = earliest(left.period.from, right.period.from);
  const to = latest(left.period.to, right.period.to);
  return {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    id: services.id,
    revision: 0,
    title: request.title,
    frameworkId: left.frameworkId,
    frameworkVersion: left.frameworkVersion,
    country: left.country,
    scope: left.scope,
    // A self-assessment merged with a field team's view is no longer the agency's own.
    mode: left.mode === right.mode ? left.mode : 'field',
    status: 'draft',
    team: uniteTeams(left.team, right.team),
    period: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
    languages: union(left.languages, right.languages),
    context: left.context,
    targets: { ...right.targets, ...left.targets },
    responses,
    sessions: allSessions,
    attachments,
    // Plan decisions were taken on each source's ratings; the merged ratings get a fresh proposal.
    plan: emptyPlan(),
    history,
    createdAt: at,
    updatedAt: at,
  };
}
