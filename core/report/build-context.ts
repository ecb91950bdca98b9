import type { Assessment, IndicatorResponse } from '../model/assessment';
import { pickText } from '../model/pick-text';
import type { Txt } from './document';
import { reportTimeZone } from './format';
import { createLabels, type Labels } from './labels';
import { createLookup, type Lookup } from './lookup';
import { redactAssessment } from './redact';
import type { ReportInput } from './report-input';

/** What every section builder reads: the input, the assessment as it may be shown, labels and lookups. */
export interface BuildContext {
  input: ReportInput;
  /** Already redacted when the export is redacted, so no section can leak a name by accident. */
  assessment: Assessment;
  L: Labels;
  lookup: Lookup;
  /** Where dates and times are given: see reportTimeZone. */
  timeZone: string;
}

export function createBuildContext(input: ReportInput): BuildContext {
  return {
    input,
    assessment: input.redact ? redactAssessment(input.assessment) : input.assessment,
    L: createLabels(input.language, input.secondLanguage, input.uiOverrides),
    lookup: createLookup(input.framework, input.catalogue),
    timeZone: reportTimeZone(input.assessment.country, input.timeZone),
  };
}

/** "Level 3 — Established", "Not applicable", "Unknown" or "Not answered"; an N/A reason is the team's text and is shown beside it. */
export function ratingText(ctx: BuildContext, response: IndicatorResponse | undefined): Txt {
  const rating = response?.rating;
  if (!rating) return ctx.L.t('unanswered');
  if (rating.kind === 'unknown') return ctx.L.t('unknown');
  if (rating.kind === 'notApplicable') return ctx.L.t('notApplicable');
  const level = ctx.input.framework.levels.find((l) => l.level === rating.level);
  return ctx.L.t('level', (language) => ({ level: rating.level, name: level ? pickText(level.name, language) : '' }));
}
