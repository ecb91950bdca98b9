import { createBuildContext } from './build-context';
import type { Block, ReportDocument } from './document';
import { classificationText } from './classification';
import { fmtDateTime } from './format';
import { PAGE_MARK, PAGES_MARK } from './page-setup';
import type { ReportInput } from './report-input';
import { translationNote } from './translation-note';
import { comparisonSection } from './sections/comparison';
import { crosswalkAppendix } from './sections/crosswalk';
import { executiveSummary } from './sections/executive';
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
      ? [...executiveSummary(ctx), ...findingsSection(ctx), ...topPrioritiesSection(ctx), ...methodSection(ctx)]
      : input.report === 'full'
        ? [...executiveSummary(ctx), ...findingsSection(ctx), ...comparisonSection(ctx), ...indicatorSections(ctx), ...sessionsSection(ctx), ...methodSection(ctx), ...crosswalkAppendix(ctx)]
        : [...prioritiesTableSection(ctx), ...planSections(ctx), ...methodSection(ctx)];
  const kicker = L.each((l) => `${L.in(l, 'title')} · ${L.in(l, `kind.${input.report}`)}`);
  return {
    languages: L.languages,
    kicker,
    title: ctx.assessment.title,
    documentTitle: `${kicker.parts[0]} — ${ctx.assessment.title}`,
    generated: L.t('generatedAt', (l) => ({ date: fmtDateTime(input.generatedAt, l, ctx.timeZone), version: input.appVersion })),
    draft: ctx.assessment.status === 'final' ? null : L.t('marking.draft', (l) => ({ status: L.commonIn(l, `status.${ctx.assessment.status}`) })),
    classification: classificationText(ctx),
    pageOf: L.t('marking.pageOf', { page: PAGE_MARK, pages: PAGES_MARK }),
    translationNote: translationNote(L),
    blocks: [metaFacts(ctx), ...(input.redact ? [{ kind: 'paragraph', text: L.t('redactedNote'), tone: 'muted' } as Block] : []), ...body],
  };
}
