import type { EditableAssessment } from '../repository';
import { applyPlanChange } from '../../planning/apply-change';
import { proposePlan } from '../../planning/propose';
import type { ProposedPlan } from '../../planning/types';
import { scoreAssessment } from '../../scoring/scores';
import type { ApiHandlers } from '../dispatch';
import { CoreError } from '../result';
import type { PlanChange, planChange } from '../commands';
import type { z } from 'zod';

type PlanChangeInput = z.output<typeof planChange>;
import { changed, mergeFields } from '../editing';
import type { HandlerContext } from './services';

export function planFor(ctx: HandlerContext, assessment: EditableAssessment): ProposedPlan {
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
        if (change.kind === 'removeAction' && !current.plan.customActions.some((a) => a.id === change.actionId)) {
          // Removed in another window already: nothing left to do.
          return { next: current, result: undefined };
        }
        const merged = mergePlanChange(current, proposed, change);
        const plan = applyPlanChange(current.plan, merged, {
          newId: ctx.newId,
          capabilityIds: new Set(framework.domains.flatMap((d) => d.capabilities.map((c) => c.id))),
          recommendationIds: new Set(proposed.recommendations.map((r) => r.id)),
        });
        if (!changed(plan, current.plan)) return { next: current, result: undefined };
        edit.log(`plan.${change.kind}`, null, merged);
        return { next: { ...current, plan }, result: undefined };
      });
      return planFor(ctx, await ctx.store.get(id));
    },
  };
}

/** The change as `applyPlanChange` takes it, once its base has been checked. */
function withoutBase(input: PlanChangeInput): PlanChange {
  const { base: _seen, ...change } = input as PlanChangeInput & { base?: unknown };
  void _seen;
  return change as PlanChange;
}

/** Refuses a plan change made on a stale view of the same item; an action's other fields still merge. */
function mergePlanChange(current: EditableAssessment, proposed: ProposedPlan, input: PlanChangeInput): PlanChange {
  const { plan } = current;
  switch (input.kind) {
    case 'decide':
      mergeFields('The decision on this recommendation', { decision: plan.decisions[input.recommendationId]?.decision ?? null }, input.base, { decision: input.decision });
      break;
    case 'reorder':
      mergeFields('The order of the plan', { order: proposed.recommendations.map((r) => r.id) }, input.base, { order: input.order });
      break;
    case 'setImportance': {
      const stored = plan.importance[input.capabilityId];
      mergeFields('The importance of this capability', { value: stored?.value ?? null, note: stored?.note ?? '' }, input.base, { value: input.value, note: input.note });
      break;
    }
    case 'saveAction': {
      const stored = plan.customActions.find((a) => a.id === input.actionId);
      const { kind, actionId, base, ...yours } = input;
      if (actionId === undefined || !stored || !base) break;
      const { id: _id, ...storedFields } = stored;
      void _id;
      // An effort left out clears it, so it is compared like the other fields.
      const { effort, ...rest } = { ...storedFields, ...mergeFields('This action', storedFields, base, { ...yours, effort: yours.effort }) };
      return { kind, actionId, ...rest, ...(effort ? { effort } : {}) };
    }
    case 'removeAction':
      break;
  }
  return withoutBase(input);
}
