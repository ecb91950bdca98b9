import type { Assessment, InterviewSession } from '../model/assessment';

/** Put where a person's name was, so that the JSON export still matches the assessment schema. */
export const REDACTED = '[redacted]';

/**
 * The assessment with people's names and non-attributable organisations (and session titles,
 * which often name them, and the notes of those sessions) taken out, for every
 * export made with "redact". Reports then never see the names at all, whatever they render.
 *
 * History values are dropped except for response changes (ratings, confidence, flags, notes),
 * because setup, session and sign-off changes carry team lists and organisations in from/to.
 */
export function redactAssessment(assessment: Assessment): Assessment {
  return {
    ...assessment,
    team: assessment.team.map((member) => ({ name: REDACTED, role: member.role })),
    responses: Object.fromEntries(Object.entries(assessment.responses).map(([id, r]) => [id, { ...r, updatedBy: REDACTED }])),
    sessions: assessment.sessions.map((session) => ({
      ...session,
      // A title such as "Workshop at <bank>" names the organisation as surely as the organisations field.
      // What was said under the non-attribution rule can identify who said it: only the suggested level stays.
      ...(session.nonAttributable ? { organisations: '', title: '', notes: '' } : {}),
      inputs: Object.fromEntries(Object.entries(session.inputs).map(([id, input]) => [id, { ...input, ...(session.nonAttributable ? { note: '' } : {}), updatedBy: REDACTED }])),
    })),
    attachments: assessment.attachments.map((a) => ({ ...a, addedBy: REDACTED })),
    history: assessment.history.map((entry) => ({
      ...entry,
      by: REDACTED,
      ...(entry.field.startsWith('response:') ? {} : { from: null, to: null }),
    })),
    ...(assessment.signOff ? { signOff: { ...assessment.signOff, by: REDACTED } } : {}),
    ...(assessment.reopened ? { reopened: { ...assessment.reopened, by: REDACTED } } : {}),
  };
}

/** Organisations a report may name for a session: never for a non-attributable one (design §3), never when redacting. */
export function shownOrganisations(session: InterviewSession, redact: boolean): string | null {
  if (redact || session.nonAttributable) return null;
  return session.organisations.trim() === '' ? null : session.organisations;
}
