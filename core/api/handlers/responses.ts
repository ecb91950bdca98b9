import type { EditableAssessment } from '../repository';
import { indicatorPlaces } from '../../framework/summary';
import type { Assessment, IndicatorResponse } from '../../model/assessment';
import type { ApiHandlers } from '../dispatch';
import { changed, loggedRecently, mergeFields, type EditContext } from '../editing';
import { CoreError } from '../result';
import type { HandlerContext } from './services';

export function requireIndicator(ctx: HandlerContext, assessment: Pick<Assessment, 'frameworkId' | 'frameworkVersion'>, indicatorId: string): void {
  const framework = ctx.library.get(assessment.frameworkId, assessment.frameworkVersion);
  if (!indicatorPlaces(framework).some((p) => p.indicator.id === indicatorId)) {
    throw new CoreError('NOT_FOUND', `Indicator ${indicatorId} is not part of framework ${framework.id} ${framework.version}.`);
  }
}

export function blankResponse(at: string, by: string): IndicatorResponse {
  return { notes: '', attachmentIds: [], sessionIds: [], flagged: false, updatedAt: at, updatedBy: by };
}

export function responseHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'updateResponse'> {
  return {
    updateResponse: ({ id, indicatorId, patch, base, by }) =>
      ctx.edit(id, by, (current, edit) => {
        requireIndicator(ctx, current, indicatorId);
        const before = current.responses[indicatorId];
        const stored = { rating: before?.rating ?? null, confidence: before?.confidence ?? null, notes: before?.notes ?? '', flagged: before?.flagged ?? false };
        const { sessionIds: cited, ...fields } = patch;
        const values = mergeFields(`The answer to ${indicatorId}`, stored, base, fields);
        const after: IndicatorResponse = { ...blankResponse(edit.at, edit.by), ...before, updatedAt: edit.at, updatedBy: edit.by };
        if (values.rating === null) delete after.rating;
        else if (values.rating !== undefined) after.rating = values.rating;
        if (values.confidence === null) delete after.confidence;
        else if (values.confidence !== undefined) after.confidence = values.confidence;
        if (values.notes !== undefined) after.notes = values.notes;
        if (values.flagged !== undefined) after.flagged = values.flagged;
        if (cited !== undefined) after.sessionIds = mergeCitations(current, after.sessionIds, base.sessionIds ?? [], cited);
        // A retry of a save that already went through changes nothing.
        if (before && responseKeys.every((key) => !changed(before[key], after[key]))) {
          return { next: current, result: { revision: current.revision, updatedAt: before.updatedAt, response: before } };
        }
        logResponseChanges(current, indicatorId, before, after, edit);
        const next: EditableAssessment = { ...current, responses: { ...current.responses, [indicatorId]: after } };
        return { next, result: { revision: current.revision + 1, updatedAt: edit.at, response: after } };
      }),
  };
}

const responseKeys = ['rating', 'confidence', 'notes', 'flagged', 'sessionIds'] as const;

/**
 * Citations are a set: the sessions this client added or took away since it last looked are
 * applied to what is stored, so a session cited in another window stays cited.
 */
function mergeCitations(current: EditableAssessment, stored: readonly string[], seen: readonly string[], yours: readonly string[]): string[] {
  const added = yours.filter((s) => !seen.includes(s));
  const known = new Set(current.sessions.map((s) => s.id));
  const unknown = added.filter((s) => !known.has(s));
  if (unknown.length > 0) throw new CoreError('INVALID_INPUT', `patch.sessionIds: unknown session ${unknown.join(', ')}`);
  const removed = new Set(seen.filter((s) => !yours.includes(s)));
  return [...new Set([...stored.filter((s) => !removed.has(s)), ...added])];
}

function logResponseChanges(current: EditableAssessment, indicatorId: string, before: IndicatorResponse | undefined, after: IndicatorResponse, edit: EditContext): void {
  const field = (name: string) => `response:${indicatorId}.${name}`;
  for (const key of ['rating', 'confidence', 'flagged', 'sessionIds'] as const) {
    const defaults = { rating: null, confidence: null, flagged: false, sessionIds: [] };
    if (changed(before?.[key] ?? defaults[key], after[key] ?? defaults[key])) edit.log(field(key), before?.[key] ?? defaults[key], after[key] ?? defaults[key]);
  }
  if (changed(before?.notes ?? '', after.notes) && !loggedRecently(current.history, field('notes'), edit.by, edit.at)) {
    edit.log(field('notes'), before?.notes ?? '', after.notes);
  }
}
