import { emptyProposedPlan } from '../../planning/types';
import { scoreAssessment } from '../../scoring/scores';
import type { ApiHandlers } from '../dispatch';
import { comparablePair } from './merge';
import { planFor } from './plan';
import type { HandlerContext } from './services';

export function exportHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'exportAssessment'> {
  return {
    exportAssessment: async (input) => {
      const assessment = await ctx.store.get(input.id);
      const framework = ctx.library.get(assessment.frameworkId, assessment.frameworkVersion);
      const baseline = assessment.baselineId ? await baselineOf(ctx, assessment.baselineId) : undefined;
      const other = input.compareWithId === undefined ? undefined : (await comparablePair(ctx, input.id, input.compareWithId))[1];
      const languages = input.secondLanguage ? [input.language, input.secondLanguage] : [input.language];
      const packed = await ctx.languagePacks.forReport(languages, framework, ctx.library.catalogue);
      // Loaded on first export: the report engine and every language's strings are not needed to list or rate.
      const { renderExport } = await import('../../report/render-export');
      return renderExport(
        {
          format: input.format,
          report: input.report,
          language: input.language,
          secondLanguage: input.secondLanguage,
          redact: input.redact,
          classification: input.classification,
          timeZone: input.timeZone,
          framework: packed.framework,
          catalogue: packed.catalogue,
          uiOverrides: packed.uiOverrides,
          assessment,
          scores: scoreAssessment(framework, assessment),
          plan: ctx.library.catalogue ? planFor(ctx, assessment) : emptyProposedPlan(),
          baseline,
          comparison: other && { assessment: other, scores: scoreAssessment(framework, other) },
          generatedAt: ctx.now(),
          appVersion: ctx.appVersion,
        },
        ctx.exports,
      );
    },
  };
}

/** The baseline scored on its own framework version; a missing one only drops the dotted line. */
async function baselineOf(ctx: HandlerContext, id: string) {
  try {
    const baseline = await ctx.store.get(id);
    return { title: baseline.title, scores: scoreAssessment(ctx.library.get(baseline.frameworkId, baseline.frameworkVersion), baseline) };
  } catch {
    return undefined;
  }
}
