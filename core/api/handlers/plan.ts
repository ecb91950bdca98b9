import { applyPlanChange } from '../../planning/apply-change';
import { proposePlan } from '../../planning/propose';
import type { ProposedPlan } from '../../planning/types';
import type { Assessment } from '../../model/assessment';
import { scoreAssessment } from '../../scoring/scores';
import type { ApiHandlers } from '../dispatch';
import { CoreError } from '../result';
import type { HandlerContext } from './services';

export function planFor(ctx: HandlerContext, assessment: Assessment): ProposedPlan {
  const framework = ctx.library.get(assessment.frameworkId, assessment.frameworkVersion);
  const catalogue = ctx.library.catalogue;
  if (!catalogue) throw new CoreError('NOT_FOUND', 'No support-programme catalogue is installed, so no plan can be proposed.');
  return proposePlan({ framework, catalogue, assessment, scores: scoreAssessment(framework, assessment) });
}

export function planHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'getPlan' | 'updatePlan'> {
  return {
    getPlan: async ({ id }) => planFor(ctx, await ctx.store.get(id)),
    updatePlan: async ({ id, change, by }) => {
      await ctx.edit(id, by, (current, edit) => {
        const framework = ctx.library.get(current.frameworkId, current.frameworkVersion);
        const proposed = planFor(ctx, current);
        const plan = applyPlanChange(current.plan, change, {
          newId: ctx.newId,
          capabilityIds: new Set(framework.domains.flatMap((d) => d.capabilities.map((c) => c.id))),
          recommendationIds: new Set(proposed.recommendations.map((r) => r.id)),
        });
        edit.log(`plan.${change.kind}`, null, change);
        return { next: { ...current, plan }, result: undefined };
      });
      return planFor(ctx, await ctx.store.get(id));
    },
  };
}
