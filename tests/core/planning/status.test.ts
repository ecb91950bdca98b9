import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../core/model/catalogue';
import { proposePlan } from '../../../core/planning/propose';
import { scoreAssessment } from '../../../core/scoring/scores';
import { assessmentWith, catalogue, framework, level, rate } from './helpers';

/** hygiene.csirt at 1 against target 3: the frozen catalogue offers several 1→3 programmes for it. */
const assessment = assessmentWith(rate('hygiene.csirt', [level(1), level(1), level(1), level(1)]));
const scores = scoreAssessment(framework, assessment);

function proposedProgrammes(withCatalogue: Catalogue): string[] {
  return proposePlan({ framework, catalogue: withCatalogue, assessment, scores }).recommendations.flatMap((r) => (r.kind === 'programme' && r.programmeId ? [r.programmeId] : []));
}

function withStatus(programmeId: string, status: 'running' | 'recurring' | 'past'): Catalogue {
  return { ...catalogue, programmes: catalogue.programmes.map((p) => (p.id === programmeId ? { ...p, status } : p)) };
}

describe('programme status in the plan', () => {
  it('proposes running and recurring programmes but never one that is past', () => {
    expect(proposedProgrammes(withStatus('itu-cirt-programme', 'running'))).toContain('itu-cirt-programme');
    expect(proposedProgrammes(withStatus('itu-cirt-programme', 'recurring'))).toContain('itu-cirt-programme');
    const past = proposedProgrammes(withStatus('itu-cirt-programme', 'past'));
    expect(past).not.toContain('itu-cirt-programme');
    expect(past).toContain('jica-expert-csirt');
  });
});
