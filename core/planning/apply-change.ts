import type { PlanChange } from '../api/commands';
import { CoreError } from '../api/result';
import type { PlanState } from '../model/assessment';

export interface PlanChangeContext {
  /** Makes the id of a new custom action (the store's id format: 8–64 of a–z, 0–9, "-"). */
  newId: () => string;
  /** Capability ids of the assessment's framework. */
  capabilityIds: ReadonlySet<string>;
  /** Ids of the recommendations in the current proposal. */
  recommendationIds: ReadonlySet<string>;
}

/**
 * Applies one team edit to the plan state. Pure: the input state is never changed; a new state
 * is returned. A change that names something that does not exist throws INVALID_INPUT naming the
 * field, so the UI can say what was wrong rather than silently dropping the edit.
 */
export function applyPlanChange(state: PlanState, change: PlanChange, context: PlanChangeContext): PlanState {
  switch (change.kind) {
    case 'decide': {
      if (state.customActions.some((a) => a.id === change.recommendationId)) {
        // The team's own actions are always in the plan (proposePlan marks them accepted); they are removed, not rejected.
        invalid('recommendationId', `"${change.recommendationId}" is one of the team's own actions; remove it instead of deciding on it.`);
      }
      if (!context.recommendationIds.has(change.recommendationId)) {
        invalid('recommendationId', `there is no recommendation "${change.recommendationId}" in the current plan.`);
      }
      const previous = Object.hasOwn(state.decisions, change.recommendationId) ? state.decisions[change.recommendationId] : undefined;
      const others = without(state.decisions, change.recommendationId);
      if (change.decision === null) return { ...state, decisions: others };
      // Switching accepted ↔ rejected without a new note keeps the reason already written.
      const note = change.note ?? previous?.note;
      return { ...state, decisions: { ...others, [change.recommendationId]: note === undefined ? { decision: change.decision } : { decision: change.decision, note } } };
    }
    case 'reorder': {
      const seen = new Set<string>();
      for (const id of change.order) {
        if (seen.has(id)) invalid('order', `"${id}" is listed more than once.`);
        seen.add(id);
      }
      // Ids not (or no longer) in the proposal are kept, like stale decisions: proposePlan skips them,
      // and they come back into effect if the scores change back.
      return { ...state, order: [...change.order] };
    }
    case 'saveAction': {
      if (!context.capabilityIds.has(change.capabilityId)) invalid('capabilityId', `there is no capability "${change.capabilityId}" in this framework.`);
      const fields = {
        capabilityId: change.capabilityId,
        title: change.title,
        owner: change.owner,
        note: change.note,
        phase: change.phase,
        ...(change.effort ? { effort: change.effort } : {}),
      };
      if (change.actionId === undefined) {
        const id = context.newId();
        if (state.customActions.some((a) => a.id === id)) throw new CoreError('INTERNAL', `The new action id "${id}" is already in use.`);
        return { ...state, customActions: [...state.customActions, { id, ...fields }] };
      }
      const actionId = change.actionId;
      if (!state.customActions.some((a) => a.id === actionId)) invalid('actionId', `there is no action "${actionId}" in this plan.`);
      // Replaced in place, so the action keeps its position; an effort left out is cleared.
      return { ...state, customActions: state.customActions.map((a) => (a.id === actionId ? { id: actionId, ...fields } : a)) };
    }
    case 'removeAction': {
      if (!state.customActions.some((a) => a.id === change.actionId)) invalid('actionId', `there is no action "${change.actionId}" in this plan.`);
      // Action ids are never reused, so its place in the team's order can go with it.
      return {
        ...state,
        customActions: state.customActions.filter((a) => a.id !== change.actionId),
        order: state.order.filter((id) => id !== change.actionId),
      };
    }
    case 'setImportance': {
      if (!context.capabilityIds.has(change.capabilityId)) invalid('capabilityId', `there is no capability "${change.capabilityId}" in this framework.`);
      const others = without(state.importance, change.capabilityId);
      if (change.value === null) return { ...state, importance: others };
      return { ...state, importance: { ...others, [change.capabilityId]: { value: change.value, note: change.note } } };
    }
  }
}

function invalid(field: string, problem: string): never {
  throw new CoreError('INVALID_INPUT', `${field}: ${problem}`, { field });
}

/** A copy of the record without one key (the input is left alone). */
function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
