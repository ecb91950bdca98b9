import type { EditableAssessment } from '../repository';
import type { InterviewSession, SessionInput } from '../../model/assessment';
import type { ApiHandlers } from '../dispatch';
import { changed, loggedRecently, mergeFields } from '../editing';
import { CoreError } from '../result';
import { requireIndicator } from './responses';
import type { HandlerContext } from './services';

function sessionIndex(assessment: EditableAssessment, sessionId: string): number {
  const index = assessment.sessions.findIndex((s) => s.id === sessionId);
  if (index < 0) throw new CoreError('NOT_FOUND', `There is no session ${sessionId} in this assessment.`);
  return index;
}

function replaceSession(assessment: EditableAssessment, index: number, session: InterviewSession): EditableAssessment {
  return { ...assessment, sessions: assessment.sessions.map((s, i) => (i === index ? session : s)) };
}

export function sessionHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'saveSession' | 'deleteSession' | 'updateSessionInput'> {
  return {
    saveSession: ({ id, session: fields, base, by }) =>
      ctx.edit(id, by, (current, edit) => {
        const { sessionId, ...values } = fields;
        if (sessionId === undefined) {
          const created: InterviewSession = { id: ctx.newId(), ...values, inputs: {} };
          edit.log(`session:${created.id}`, null, values);
          return { next: { ...current, sessions: [...current.sessions, created] }, result: created };
        }
        const index = sessionIndex(current, sessionId);
        const before = current.sessions[index]!;
        const { inputs: _beforeInputs, id: _id, ...beforeValues } = before;
        void _beforeInputs;
        void _id;
        const after: InterviewSession = { ...before, ...mergeFields(`Session "${before.title}"`, beforeValues, base ?? values, values) };
        if (!changed(before, after)) return { next: current, result: before };
        edit.log(`session:${sessionId}`, beforeValues, { ...beforeValues, ...values });
        return { next: replaceSession(current, index, after), result: after };
      }),

    deleteSession: ({ id, sessionId, by }) =>
      ctx.edit(id, by, (current, edit) => {
        const index = sessionIndex(current, sessionId);
        const removed = current.sessions[index]!;
        const citing = Object.entries(current.responses).filter(([, r]) => r.sessionIds.includes(sessionId));
        if (citing.length > 0) {
          throw new CoreError('CONFLICT', `This session is cited by ${citing.length} rating(s) (${citing.map(([i]) => i).join(', ')}). Remove it from those ratings first.`);
        }
        // The history keeps the whole session, inputs included, so deleting loses nothing.
        edit.log(`session:${sessionId}`, removed, null);
        return { next: { ...current, sessions: current.sessions.filter((s) => s.id !== sessionId) }, result: { revision: current.revision + 1 } };
      }),

    updateSessionInput: ({ id, sessionId, indicatorId, input: yours, base, by }) =>
      ctx.edit(id, by, (current, edit) => {
        requireIndicator(ctx, current, indicatorId);
        const index = sessionIndex(current, sessionId);
        const session = current.sessions[index]!;
        const before = session.inputs[indicatorId];
        const stored = { note: before?.note ?? '', level: before?.level ?? null };
        // No input is an empty note without a level; a level left out is no level.
        const full = (value: typeof yours) => ({ note: value?.note ?? '', level: value?.level ?? null });
        const input = { ...stored, ...mergeFields(`This session's note on ${indicatorId}`, stored, full(base), full(yours)) };
        const { [indicatorId]: _previous, ...others } = session.inputs;
        void _previous;
        let inputs: InterviewSession['inputs'] = others;
        if (input.note.trim() === '' && input.level === null) {
          if (!before) return { next: current, result: { revision: current.revision } };
        } else {
          const entry: SessionInput = { note: input.note, updatedAt: edit.at, updatedBy: edit.by };
          if (input.level !== null) entry.level = input.level;
          inputs = { ...others, [indicatorId]: entry };
        }
        const after = inputs[indicatorId];
        if (!changed(before && { note: before.note, level: before.level }, after && { note: after.note, level: after.level })) {
          return { next: current, result: { revision: current.revision } };
        }
        const field = `session:${sessionId}.input:${indicatorId}`;
        const levelChanged = (before?.level ?? null) !== (after?.level ?? null);
        if (levelChanged || !after || !loggedRecently(current.history, field, edit.by, edit.at)) {
          edit.log(field, before ? { note: before.note, level: before.level ?? null } : null, after ? { note: after.note, level: after.level ?? null } : null);
        }
        return { next: replaceSession(current, index, { ...session, inputs }), result: { revision: current.revision + 1 } };
      }),
  };
}
