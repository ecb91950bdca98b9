import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanChange } from '../../../core/api/commands';
import { CoreError } from '../../../core/api/result';
import type { Assessment, PlanState, Rating } from '../../../core/model/assessment';
import { emptyPlan } from '../../../core/model/assessment';
import { phases } from '../../../core/model/vocabulary';
import { applyPlanChange } from '../../../core/planning/apply-change';
import { fitsLevel } from '../../../core/planning/match';
import { assessmentWith, capabilityIds, catalogue, framework, planOf } from './helpers';
import { response } from '../fixtures';

const indicatorIds = framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators.map((i) => i.id)));
const capabilityList = [...capabilityIds];
const domainIds = framework.domains.map((d) => d.id);
const programmesById = new Map(catalogue.programmes.map((p) => [p.id, p]));

const ratingArb: fc.Arbitrary<Rating | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ kind: 'unknown' } as const),
  fc.constant({ kind: 'notApplicable', reason: 'n/a' } as const),
  fc.integer({ min: 1, max: 5 }).map((n): Rating => ({ kind: 'level', level: n })),
);
const responsesArb = fc
  .array(ratingArb, { minLength: indicatorIds.length, maxLength: indicatorIds.length })
  .map((ratings) => Object.fromEntries(ratings.flatMap((r, i) => (r ? [[indicatorIds[i]!, response(r)]] : []))));
const subsetRecord = <T,>(keys: readonly string[], value: fc.Arbitrary<T>) =>
  fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });

const assessmentArb: fc.Arbitrary<Assessment> = fc
  .record({
    responses: responsesArb,
    targets: subsetRecord(capabilityList, fc.integer({ min: 1, max: 5 })),
    donorSupport: subsetRecord(domainIds, fc.record({ extent: fc.integer({ min: 0, max: 3 }), who: fc.string({ maxLength: 10 }) })),
    absorptiveCapacity: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    importance: subsetRecord(capabilityList, fc.record({ value: fc.integer({ min: 1, max: 3 }), note: fc.string({ maxLength: 10 }) })),
  })
  .map(({ responses, targets, donorSupport, absorptiveCapacity, importance }) =>
    assessmentWith(responses, {
      targets,
      context: { donorSupport, notes: '', ...(absorptiveCapacity === undefined ? {} : { absorptiveCapacity }) },
      plan: { ...emptyPlan(), importance },
    }),
  );

describe('planning properties', () => {
  it('priorities are never negative, feasibility is in (0, 1], and ranks run 1…k over the capabilities with a gap', () => {
    fc.assert(
      fc.property(assessmentArb, (assessment) => {
        const { priorities } = planOf(assessment);
        expect(priorities).toHaveLength(capabilityList.length);
        for (const p of priorities) {
          expect(p.priority).toBeGreaterThanOrEqual(0);
          expect(p.feasibility.value).toBeGreaterThan(0);
          expect(p.feasibility.value).toBeLessThanOrEqual(1);
          expect(p.rank !== null).toBe(p.gap !== null && p.gap > 0);
        }
        const ranked = priorities.filter((p) => p.rank !== null);
        expect(ranked.map((p) => p.rank)).toEqual(ranked.map((_, i) => i + 1));
        for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.priority).toBeLessThanOrEqual(ranked[i - 1]!.priority);
      }),
      { numRuns: 200 },
    );
  });

  it('a capability at or above its target never gets catalogue recommendations, and every match fits its level', () => {
    fc.assert(
      fc.property(assessmentArb, (assessment) => {
        const plan = planOf(assessment);
        const byId = new Map(plan.priorities.map((p) => [p.capabilityId, p]));
        for (const rec of plan.recommendations) {
          const p = byId.get(rec.capabilityId)!;
          expect(p.score).not.toBeNull();
          expect(p.score!).toBeLessThan(p.target);
          const programme = programmesById.get(rec.programmeId!)!;
          expect(programme.capabilities).toContain(rec.capabilityId);
          expect(fitsLevel(programme, p.score!)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('deciding on recommendations never changes priorities, nor which recommendations there are', () => {
    fc.assert(
      fc.property(assessmentArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom('accepted', 'rejected') as fc.Arbitrary<'accepted' | 'rejected'>)), (assessment, picks) => {
        const before = planOf(assessment);
        if (before.recommendations.length === 0) return;
        const decisions = Object.fromEntries(picks.map(([n, decision]) => [before.recommendations[n % before.recommendations.length]!.id, { decision }]));
        const after = planOf(assessment, { ...assessment.plan, decisions });
        expect(after.priorities).toEqual(before.priorities);
        expect(after.recommendations.map((r) => r.id)).toEqual(before.recommendations.map((r) => r.id));
        expect(after.recommendations.map((r) => r.priority)).toEqual(before.recommendations.map((r) => r.priority));
      }),
      { numRuns: 100 },
    );
  });

  it('any team order keeps the same set of recommendations, listed ids first in that order', () => {
    fc.assert(
      fc.property(assessmentArb, fc.array(fc.nat()), fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }), (assessment, picks, stale) => {
        const before = planOf(assessment);
        const ids = before.recommendations.map((r) => r.id);
        const chosen = ids.length ? [...new Set(picks.map((n) => ids[n % ids.length]!))] : [];
        const order = [...stale, ...chosen];
        const after = planOf(assessment, { ...assessment.plan, order });
        const afterIds = after.recommendations.map((r) => r.id);
        expect([...afterIds].sort()).toEqual([...ids].sort());
        expect(new Set(afterIds).size).toBe(afterIds.length);
        expect(afterIds.slice(0, chosen.length)).toEqual(chosen);
        // The rest keep the computed order: phases ascending.
        const restPhases = after.recommendations.slice(chosen.length).map((r) => phases.indexOf(r.phase));
        expect(restPhases).toEqual([...restPhases].sort((a, b) => a - b));
      }),
      { numRuns: 100 },
    );
  });
});

describe('applyPlanChange properties', () => {
  const recommendationIds = ['hygiene.csirt/ajccbc-cyder', 'cip.ics-ot/icscoe-ics-week', 'hr.training/ajccbc-cyder'];
  const actionIdArb = fc.stringMatching(/^[a-z0-9-]{8,12}$/);
  const stateArb: fc.Arbitrary<PlanState> = fc.record({
    decisions: subsetRecord(recommendationIds, fc.record({ decision: fc.constantFrom('accepted', 'rejected') as fc.Arbitrary<'accepted' | 'rejected'>, note: fc.string({ maxLength: 5 }) })),
    order: fc.uniqueArray(fc.oneof(fc.constantFrom(...recommendationIds), actionIdArb), { maxLength: 5 }),
    customActions: fc.uniqueArray(
      fc.record({
        id: actionIdArb,
        capabilityId: fc.constantFrom(...capabilityList),
        title: fc.constant('Action'),
        owner: fc.string({ maxLength: 5 }),
        note: fc.string({ maxLength: 5 }),
        phase: fc.constantFrom(...phases),
        effort: fc.option(fc.constantFrom('S', 'M', 'L') as fc.Arbitrary<'S' | 'M' | 'L'>, { nil: undefined }),
      }),
      { selector: (a) => a.id, maxLength: 3 },
    ),
    importance: subsetRecord(capabilityList, fc.record({ value: fc.integer({ min: 1, max: 3 }), note: fc.string({ maxLength: 5 }) })),
  });
  // Ids that may or may not exist, so that both valid and invalid changes are drawn.
  const someCapability = fc.oneof(fc.constantFrom(...capabilityList), fc.string({ minLength: 1, maxLength: 12 }));
  const someRecommendation = fc.oneof(fc.constantFrom(...recommendationIds), fc.string({ minLength: 1, maxLength: 12 }));
  const changeArb: fc.Arbitrary<PlanChange> = fc.oneof(
    fc.record({ kind: fc.constant('decide' as const), recommendationId: someRecommendation, decision: fc.constantFrom('accepted', 'rejected', null) as fc.Arbitrary<'accepted' | 'rejected' | null> }),
    fc.record({ kind: fc.constant('reorder' as const), order: fc.array(fc.oneof(someRecommendation, actionIdArb), { maxLength: 6 }) }),
    fc.record({
      kind: fc.constant('saveAction' as const),
      actionId: fc.option(actionIdArb, { nil: undefined }),
      capabilityId: someCapability,
      title: fc.constant('New action'),
      owner: fc.constant(''),
      note: fc.constant(''),
      phase: fc.constantFrom(...phases),
    }),
    fc.record({ kind: fc.constant('removeAction' as const), actionId: actionIdArb }),
    fc.record({ kind: fc.constant('setImportance' as const), capabilityId: someCapability, value: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), note: fc.constant('') }),
  );
  let counter = 0;
  const context = { newId: () => `new-action-${String(++counter).padStart(4, '0')}`, capabilityIds, recommendationIds: new Set(recommendationIds) };

  it('never changes its input, and either returns a new state or throws INVALID_INPUT', () => {
    fc.assert(
      fc.property(stateArb, changeArb, (state, change) => {
        const copy = structuredClone(state);
        deepFreeze(state);
        try {
          const next = applyPlanChange(state, change, context);
          expect(next).not.toBe(state);
        } catch (error) {
          expect(error).toBeInstanceOf(CoreError);
          expect((error as CoreError).code).toBe('INVALID_INPUT');
        }
        expect(state).toEqual(copy);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses unknown capability, recommendation and action ids, and duplicates in the order', () => {
    const invalidChangeArb: fc.Arbitrary<[PlanState, PlanChange]> = stateArb.chain((state) => {
      const actionIds = new Set(state.customActions.map((a) => a.id));
      const unknownCapability = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !capabilityIds.has(s));
      const unknownRecommendation = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !context.recommendationIds.has(s));
      const unknownAction = actionIdArb.filter((s) => !actionIds.has(s));
      const change: fc.Arbitrary<PlanChange> = fc.oneof(
        fc.record({ kind: fc.constant('decide' as const), recommendationId: unknownRecommendation, decision: fc.constantFrom('accepted', 'rejected', null) as fc.Arbitrary<'accepted' | 'rejected' | null> }),
        fc.record({ kind: fc.constant('setImportance' as const), capabilityId: unknownCapability, value: fc.constant(2), note: fc.constant('') }),
        fc.record({ kind: fc.constant('saveAction' as const), capabilityId: unknownCapability, title: fc.constant('T'), owner: fc.constant(''), note: fc.constant(''), phase: fc.constantFrom(...phases) }),
        fc.record({ kind: fc.constant('saveAction' as const), actionId: unknownAction, capabilityId: fc.constantFrom(...capabilityList), title: fc.constant('T'), owner: fc.constant(''), note: fc.constant(''), phase: fc.constantFrom(...phases) }),
        fc.record({ kind: fc.constant('removeAction' as const), actionId: unknownAction }),
        fc.tuple(fc.array(someRecommendation, { maxLength: 4 }), someRecommendation).map(([order, twice]): PlanChange => ({ kind: 'reorder', order: [...order, twice, twice] })),
      );
      return fc.tuple(fc.constant(state), change);
    });
    fc.assert(
      fc.property(invalidChangeArb, ([state, change]) => {
        expect(() => applyPlanChange(state, change, context)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
      }),
      { numRuns: 300 },
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
