import { createBuildContext } from './build-context';
import type { Block, ReportDocument } from './document';
import { fmtDateTime } from './format';
import type { ReportInput } from './report-input';
import { comparisonSection } from './sections/comparison';
import { crosswalkAppendix } from './sections/crosswalk';
import { findingsSection } from './sections/findings';
import { indicatorSections } from './sections/indicators';
import { metaFacts } from './sections/meta';
import { methodSection } from './sections/method';
import { planSections } from './sections/plan';
import { prioritiesTableSection, topPrioritiesSection } from './sections/priorities';
import { sessionsSection } from './sections/sessions';

/**
 * The report as a structured document (pure): what each report kind says, in the report's
 * language(s), with names already left out when redacting. Every document format renders this.
 */
export function buildReport(input: ReportInput): ReportDocument {
  const ctx = createBuildContext(input);
  const { L } = ctx;
  const body: Block[] =
    input.report === 'summary'
      ? [...findingsSection(ctx), ...topPrioritiesSection(ctx), ...methodSection(ctx)]
      : input.report === 'full'
        ? [...findingsSection(ctx), ...comparisonSection(ctx), ...indicatorSections(ctx), ...sessionsSection(ctx), ...methodSection(ctx), ...crosswalkAppendix(ctx)]
        : [...prioritiesTableSection(ctx), ...planSections(ctx), ...methodSection(ctx)];
  const kicker = L.each((l) => `${L.in(l, 'title')} · ${L.in(l, `kind.${input.report}`)}`);
  return {
    languages: L.languages,
    kicker,
    title: ctx.assessment.title,
    documentTitle: `${kicker.parts[0]} — ${ctx.assessment.title}`,
    generated: L.t('generatedAt', (l) => ({ date: fmtDateTime(input.generatedAt, l), version: input.appVersion })),
    blocks: [metaFacts(ctx), ...(input.redact ? [{ kind: 'paragraph', text: L.t('redactedNote'), tone: 'muted' } as Block] : []), ...body],
  };
}
