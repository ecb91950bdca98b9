import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment, PlanState, Rating } from '../../../core/model/assessment';
import { emptyPlan } from '../../../core/model/assessment';
import { catalogueSchema, type Catalogue } from '../../../core/model/catalogue';
import type { Framework } from '../../../core/model/framework';
import { proposePlan } from '../../../core/planning/propose';
import type { ProposedPlan } from '../../../core/planning/types';
import { scoreAssessment } from '../../../core/scoring/scores';
import { assessmentFor, response, shippedFramework } from '../fixtures';

const root = join(import.meta.dirname, '..', '..', '..');

export const framework: Framework = shippedFramework('1.0.0');
/** The catalogue as shipped with 1.0.0, frozen so that the hand-worked plans below do not move with catalogue edits. */
export const catalogue: Catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'catalogue', 'programmes-1.0.0.json'), 'utf8')));

export const capabilityIds: ReadonlySet<string> = new Set(framework.domains.flatMap((d) => d.capabilities.map((c) => c.id)));

export const level = (n: number): Rating => ({ kind: 'level', level: n });
export const unknown: Rating = { kind: 'unknown' };
export const notApplicable: Rating = { kind: 'notApplicable', reason: 'Does not apply here' };

/** Responses for a capability, indicator by indicator in framework order; undefined leaves one unanswered. */
export function rate(capabilityId: string, ratings: ReadonlyArray<Rating | undefined>): Assessment['responses'] {
  const capability = framework.domains.flatMap((d) => d.capabilities).find((c) => c.id === capabilityId);
  if (!capability) throw new Error(`no capability ${capabilityId}`);
  return Object.fromEntries(
    ratings.flatMap((r, i) => {
      const indicator = capability.indicators[i];
      if (!indicator) throw new Error(`${capabilityId} has only ${capability.indicators.length} indicators`);
      return r ? [[indicator.id, response(r)]] : [];
    }),
  );
}

export function assessmentWith(responses: Assessment['responses'], extra: Partial<Assessment> = {}): Assessment {
  return assessmentFor(framework, responses, { plan: emptyPlan(), attachments: [], ...extra });
}

export function planOf(assessment: Assessment, plan: PlanState = assessment.plan): ProposedPlan {
  const withPlan = { ...assessment, plan };
  return proposePlan({ framework, catalogue, assessment: withPlan, scores: scoreAssessment(framework, withPlan) });
}
