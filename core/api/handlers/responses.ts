import { indicatorPlaces } from '../../framework/summary';
import type { Assessment, IndicatorResponse } from '../../model/assessment';
import type { ApiHandlers } from '../dispatch';
import { changed, loggedRecently, type EditContext } from '../editing';
import { CoreError } from '../result';
import type { HandlerContext } from './services';

export function requireIndicator(ctx: HandlerContext, assessment: Assessment, indicatorId: string): void {
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
    updateResponse: ({ id, indicatorId, patch, by }) =>
      ctx.edit(id, by, (current, edit) => {
        requireIndicator(ctx, current, indicatorId);
        const before = current.responses[indicatorId];
        const after: IndicatorResponse = { ...blankResponse(edit.at, edit.by), ...before, updatedAt: edit.at, updatedBy: edit.by };
        if (patch.rating === null) delete after.rating;
        else if (patch.rating !== undefined) after.rating = patch.rating;
        if (patch.confidence === null) delete after.confidence;
        else if (patch.confidence !== undefined) after.confidence = patch.confidence;
        if (patch.notes !== undefined) after.notes = patch.notes;
        if (patch.flagged !== undefined) after.flagged = patch.flagged;
        if (patch.sessionIds !== undefined) {
          const known = new Set(current.sessions.map((s) => s.id));
          const unknown = patch.sessionIds.filter((s) => !known.has(s));
          if (unknown.length > 0) throw new CoreError('INVALID_INPUT', `patch.sessionIds: unknown session ${unknown.join(', ')}`);
          after.sessionIds = patch.sessionIds;
        }
        logResponseChanges(current, indicatorId, before, after, edit);
        const next: Assessment = { ...current, responses: { ...current.responses, [indicatorId]: after } };
        return { next, result: { revision: current.revision + 1, updatedAt: edit.at, response: after } };
      }),
  };
}

function logResponseChanges(current: Assessment, indicatorId: string, before: IndicatorResponse | undefined, after: IndicatorResponse, edit: EditContext): void {
  const field = (name: string) => `response:${indicatorId}.${name}`;
  for (const key of ['rating', 'confidence', 'flagged', 'sessionIds'] as const) {
    const defaults = { rating: null, confidence: null, flagged: false, sessionIds: [] };
    if (changed(before?.[key] ?? defaults[key], after[key] ?? defaults[key])) edit.log(field(key), before?.[key] ?? defaults[key], after[key] ?? defaults[key]);
  }
  if (changed(before?.notes ?? '', after.notes) && !loggedRecently(current.history, field('notes'), edit.by, edit.at)) {
    edit.log(field('notes'), before?.notes ?? '', after.notes);
  }
}
