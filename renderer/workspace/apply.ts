import type { Assessment, IndicatorResponse, InterviewSession } from '../../core/model/assessment';
import type { InputValue, Patch, SaveOp, SessionFields, SetupPatch } from '../hooks/useAutosave';

/** The same changes the core makes, applied to the copy on screen so that typing never waits for the disk. */
export function applyResponsePatch(response: IndicatorResponse | undefined, patch: Patch): IndicatorResponse {
  const next: IndicatorResponse = { notes: '', attachmentIds: [], sessionIds: [], flagged: false, updatedAt: '', updatedBy: '', ...response };
  if (patch.rating === null) delete next.rating;
  else if (patch.rating) next.rating = patch.rating;
  if (patch.confidence === null) delete next.confidence;
  else if (patch.confidence) next.confidence = patch.confidence;
  if (patch.notes !== undefined) next.notes = patch.notes;
  if (patch.flagged !== undefined) next.flagged = patch.flagged;
  if (patch.sessionIds !== undefined) next.sessionIds = patch.sessionIds;
  return next;
}

export function applySetupPatch(assessment: Assessment, patch: SetupPatch): Assessment {
  const next = { ...assessment };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.mode !== undefined) next.mode = patch.mode;
  if (patch.scope !== undefined) next.scope = patch.scope;
  if (patch.period !== undefined) next.period = patch.period;
  if (patch.languages !== undefined) next.languages = patch.languages;
  if (patch.targets !== undefined) next.targets = patch.targets;
  if (patch.context !== undefined) next.context = patch.context;
  return next;
}

export function applyInput(session: InterviewSession, indicatorId: string, input: InputValue | null): InterviewSession {
  const { [indicatorId]: old, ...others } = session.inputs;
  if (input === null) return { ...session, inputs: others };
  const value = { note: input.note, updatedAt: old?.updatedAt ?? '', updatedBy: old?.updatedBy ?? '' };
  return { ...session, inputs: { ...others, [indicatorId]: input.level ? { ...value, level: input.level } : value } };
}

export function applySession(session: InterviewSession, fields: SessionFields): InterviewSession {
  return {
    ...session,
    title: fields.title,
    date: fields.date,
    cluster: fields.cluster,
    participants: fields.participants,
    organisations: fields.organisations,
    nonAttributable: fields.nonAttributable,
    notes: fields.notes,
  };
}

/** Shows a queued change on screen, e.g. the value the user chose after a conflict. */
export function applyOp(assessment: Assessment, op: SaveOp): Assessment {
  switch (op.kind) {
    case 'response':
      return { ...assessment, responses: { ...assessment.responses, [op.indicatorId]: applyResponsePatch(assessment.responses[op.indicatorId], op.patch) } };
    case 'setup':
      return applySetupPatch(assessment, op.patch);
    case 'input':
      return { ...assessment, sessions: assessment.sessions.map((s) => (s.id === op.sessionId ? applyInput(s, op.indicatorId, op.input) : s)) };
    case 'session':
      return { ...assessment, sessions: assessment.sessions.map((s) => (s.id === op.session.sessionId ? applySession(s, op.session) : s)) };
    case 'member':
      // The team editor keeps its rows itself (see Autosave.teamRows).
      return assessment;
  }
}
