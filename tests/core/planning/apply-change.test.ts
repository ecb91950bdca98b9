import { describe, expect, it } from 'vitest';
import type { PlanChange } from '../../../core/api/commands';
import { planEdit } from '../../../core/api/commands';
import { CoreError } from '../../../core/api/result';
import type { PlanState } from '../../../core/model/assessment';
import { planState } from '../../../core/model/assessment';
import { applyPlanChange } from '../../../core/planning/apply-change';
import { capabilityIds } from './helpers';

const state: PlanState = {
  decisions: { 'hygiene.csirt/ajccbc-cyder': { decision: 'rejected', note: 'Already trained last year' } },
  order: ['action-0001', 'hygiene.csirt/ajccbc-cyder'],
  customActions: [{ id: 'action-0001', capabilityId: 'hygiene.csirt', title: 'Staff exchange', owner: 'JICA', note: '', phase: 'short', effort: 'S' }],
  importance: { 'hr.awareness': { value: 3, note: 'Scams are rising' } },
};
const context = {
  newId: () => 'action-0002',
  capabilityIds,
  recommendationIds: new Set(['hygiene.csirt/ajccbc-cyder', 'hygiene.csirt/gfce-clearing-house', 'action-0001']),
};
/** Every change goes through the command schema first, as in the API. */
const apply = (change: PlanChange, from: PlanState = state) => applyPlanChange(from, planEdit.parse(change), context);

function expectInvalid(change: PlanChange, field: string) {
  let thrown: unknown;
  try {
    apply(change);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CoreError);
  expect((thrown as CoreError).code).toBe('INVALID_INPUT');
  expect((thrown as CoreError).message).toMatch(new RegExp(`^${field}: `));
  expect((thrown as CoreError).details).toEqual({ field });
}

describe('applyPlanChange', () => {
  it('records, changes and removes a decision, keeping the earlier note when none is given', () => {
    const accepted = apply({ kind: 'decide', recommendationId: 'hygiene.csirt/gfce-clearing-house', decision: 'accepted' });
    expect(accepted.decisions['hygiene.csirt/gfce-clearing-house']).toEqual({ decision: 'accepted' });
    const switched = apply({ kind: 'decide', recommendationId: 'hygiene.csirt/ajccbc-cyder', decision: 'accepted' });
    expect(switched.decisions['hygiene.csirt/ajccbc-cyder']).toEqual({ decision: 'accepted', note: 'Already trained last year' });
    const cleared = apply({ kind: 'decide', recommendationId: 'hygiene.csirt/ajccbc-cyder', decision: null });
    expect(cleared.decisions).toEqual({});
  });

  it('replaces the order', () => {
    expect(apply({ kind: 'reorder', order: ['hygiene.csirt/gfce-clearing-house', 'action-0001'] }).order).toEqual([
      'hygiene.csirt/gfce-clearing-house',
      'action-0001',
    ]);
  });

  it('creates an action with a new id, updates one in place, and removes one with its place in the order', () => {
    const created = apply({ kind: 'saveAction', capabilityId: 'hr.training', title: 'Train the trainers', owner: 'MIC', note: '', phase: 'medium' });
    expect(created.customActions[1]).toEqual({ id: 'action-0002', capabilityId: 'hr.training', title: 'Train the trainers', owner: 'MIC', note: '', phase: 'medium' });

    const updated = apply({ kind: 'saveAction', actionId: 'action-0001', capabilityId: 'hygiene.csirt', title: 'Staff exchange (2 people)', owner: 'JICA', note: 'n', phase: 'medium' });
    expect(updated.customActions).toEqual([{ id: 'action-0001', capabilityId: 'hygiene.csirt', title: 'Staff exchange (2 people)', owner: 'JICA', note: 'n', phase: 'medium' }]);

    const removed = apply({ kind: 'removeAction', actionId: 'action-0001' });
    expect(removed.customActions).toEqual([]);
    expect(removed.order).toEqual(['hygiene.csirt/ajccbc-cyder']);
  });

  it('sets and clears the team’s importance', () => {
    expect(apply({ kind: 'setImportance', capabilityId: 'cip.ics-ot', value: 1, note: 'No ICS in scope' }).importance).toEqual({
      'hr.awareness': { value: 3, note: 'Scams are rising' },
      'cip.ics-ot': { value: 1, note: 'No ICS in scope' },
    });
    expect(apply({ kind: 'setImportance', capabilityId: 'hr.awareness', value: null, note: '' }).importance).toEqual({});
  });

  it('returns states that pass the stored schema', () => {
    const changes: PlanChange[] = [
      { kind: 'decide', recommendationId: 'hygiene.csirt/gfce-clearing-house', decision: 'rejected', note: 'x' },
      { kind: 'saveAction', capabilityId: 'hr.training', title: 'T', owner: '', note: '', phase: 'long', effort: 'L' },
      { kind: 'setImportance', capabilityId: 'cip.ics-ot', value: 2, note: '' },
    ];
    for (const change of changes) expect(planState.safeParse(apply(change)).success).toBe(true);
  });

  it.each<[string, PlanChange, string]>([
    ['an unknown recommendation', { kind: 'decide', recommendationId: 'hygiene.csirt/nope', decision: 'accepted' }, 'recommendationId'],
    ['a decision on the team’s own action', { kind: 'decide', recommendationId: 'action-0001', decision: 'rejected' }, 'recommendationId'],
    ['an unknown capability for an action', { kind: 'saveAction', capabilityId: 'hygiene.nope', title: 'T', owner: '', note: '', phase: 'short' }, 'capabilityId'],
    ['an unknown action to update', { kind: 'saveAction', actionId: 'action-9999', capabilityId: 'hr.training', title: 'T', owner: '', note: '', phase: 'short' }, 'actionId'],
    ['an unknown action to remove', { kind: 'removeAction', actionId: 'action-9999' }, 'actionId'],
    ['an unknown capability for importance', { kind: 'setImportance', capabilityId: 'hr.nope', value: 2, note: '' }, 'capabilityId'],
    ['a duplicate id in the order', { kind: 'reorder', order: ['action-0001', 'hygiene.csirt/ajccbc-cyder', 'action-0001'] }, 'order'],
  ])('refuses %s with INVALID_INPUT naming the field', (_what, change, field) => {
    expectInvalid(change, field);
  });

  it('does not reuse an action id that is already taken', () => {
    expect(() =>
      applyPlanChange(state, { kind: 'saveAction', capabilityId: 'hr.training', title: 'T', owner: '', note: '', phase: 'short' }, { ...context, newId: () => 'action-0001' }),
    ).toThrow(CoreError);
  });
});
