import type { InterviewSession, SessionInput } from '../model/assessment';
import type { BuildContext } from './build-context';

export interface SessionInputRecord {
  session: InterviewSession;
  input: SessionInput;
  /** The session's title where a report may show it: attributable sessions, not redacting. */
  title: string | null;
  /** The note was taken out because the session is non-attributable and the export is redacted. */
  withheld: boolean;
}

/**
 * What each session said about one indicator, oldest first: the evidence behind a consensus
 * rating, for the full report and the workbook alike. Non-attributable sessions never carry a name.
 */
export function sessionInputsFor(ctx: BuildContext, indicatorId: string): SessionInputRecord[] {
  const { assessment, input } = ctx;
  return [...assessment.sessions]
    .sort((a, b) => a.date.localeCompare(b.date))
    .flatMap((session) => {
      const given = session.inputs[indicatorId];
      if (!given || (given.note.trim() === '' && given.level === undefined && !(input.redact && session.nonAttributable))) return [];
      const title = input.redact || session.nonAttributable || session.title.trim() === '' ? null : session.title;
      return [{ session, input: given, title, withheld: input.redact && session.nonAttributable }];
    });
}
