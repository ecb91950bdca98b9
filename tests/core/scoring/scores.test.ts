import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../../core/model/assessment';
import { scoreAssessment } from '../../../core/scoring/scores';
import { assessmentFor, response, shippedFramework } from '../fixtures';

const framework = shippedFramework('0.1.0');
const [hygiene] = framework.domains;
const [strategy, csirt] = hygiene!.capabilities;
const level = (n: 1 | 2 | 3 | 4 | 5): Rating => ({ kind: 'level', level: n });

describe('scoreAssessment, by hand-checked numbers', () => {
  // strategy: levels 2 and 4 → mean 3, min 2; csirt: level 1 and N/A → mean 1, min 1.
  // domain: mean of (3, 1) = 2, weakest link 1; target 3 → gap 1.
  const [s1, s2] = strategy!.indicators;
  const [c1, c2] = csirt!.indicators;
  const assessment = assessmentFor(framework, {
    [s1!.id]: response(level(2), { confidence: 'high' }),
    [s2!.id]: response(level(4), { confidence: 'low' }),
    [c1!.id]: response(level(1)),
    [c2!.id]: response({ kind: 'notApplicable', reason: 'No government network yet' }),
  });
  const scores = scoreAssessment(framework, assessment);
  const domain = scores.domains[0]!;

  it('computes capability means, minimums and gaps', () => {
    expect(domain.capabilities[0]).toMatchObject({ mean: 3, min: 2, target: 3, gap: 0 });
    expect(domain.capabilities[1]).toMatchObject({ mean: 1, min: 1, target: 3, gap: 2 });
  });

  it('computes the domain as the mean of capability scores, with the weakest link', () => {
    expect(domain).toMatchObject({ mean: 2, min: 1, target: 3, gap: 1 });
  });

  it('counts N/A in coverage but not in the score, and summarises confidence', () => {
    expect(domain.coverage).toEqual({ total: 4, answered: 4, rated: 3, notApplicable: 1, unknown: 0 });
    expect(domain.confidence).toEqual({ high: 1, medium: 0, low: 1, unstated: 1 });
    expect(scores.overall.total).toBe(20);
  });

  it('leaves domains with nothing rated unscored rather than zero', () => {
    expect(scores.domains[1]).toMatchObject({ mean: null, min: null, gap: null });
  });

  it('gives no overall score while a domain is unscored', () => {
    expect(scores.overallMean).toBeNull();
  });

  it('gives the overall score as the mean of the domain scores once every domain is scored', () => {
    // Domain 1 stays at 2; every other domain gets one indicator rated 4 → overall (2 + 4 × (n−1)) / n.
    const others = framework.domains.slice(1).map((d) => d.capabilities[0]!.indicators[0]!.id);
    const full = scoreAssessment(framework, {
      ...assessment,
      responses: { ...assessment.responses, ...Object.fromEntries(others.map((id) => [id, response(level(4))])) },
    });
    const n = framework.domains.length;
    expect(full.overallMean).toBeCloseTo((2 + 4 * (n - 1)) / n, 10);
  });

  it('uses the team’s target where one is set', () => {
    const raised = scoreAssessment(framework, { ...assessment, targets: { [strategy!.id]: 5 } });
    expect(raised.domains[0]!.capabilities[0]).toMatchObject({ target: 5, gap: 2 });
  });
});

const ratingArb: fc.Arbitrary<Rating | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ kind: 'unknown' } as const),
  fc.constant({ kind: 'notApplicable', reason: 'n/a' } as const),
  fc.integer({ min: 1, max: 5 }).map((n) => ({ kind: 'level', level: n }) as Rating),
);
const indicatorIds = framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators.map((i) => i.id)));
const responsesArb = fc.array(ratingArb, { minLength: indicatorIds.length, maxLength: indicatorIds.length }).map((ratings) =>
  Object.fromEntries(ratings.flatMap((r, i) => (r ? [[indicatorIds[i]!, response(r)]] : []))),
);

describe('scoreAssessment, properties', () => {
  it('keeps every score within 1–5, the minimum never above the mean, and gaps never negative', () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const scores = scoreAssessment(framework, assessmentFor(framework, responses));
        for (const part of scores.domains.flatMap((d) => [d, ...d.capabilities])) {
          if (part.mean === null) continue;
          expect(part.mean).toBeGreaterThanOrEqual(1);
          expect(part.mean).toBeLessThanOrEqual(5);
          expect(part.min!).toBeLessThanOrEqual(part.mean + 1e-9);
          expect(part.gap!).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('is unchanged when an unanswered indicator is marked N/A or unknown', () => {
    fc.assert(
      fc.property(responsesArb, fc.nat(), fc.boolean(), (responses, pick, na) => {
        const open = indicatorIds.filter((id) => !responses[id]);
        fc.pre(open.length > 0);
        const target = open[pick % open.length]!;
        const before = scoreAssessment(framework, assessmentFor(framework, responses));
        const after = scoreAssessment(
          framework,
          assessmentFor(framework, { ...responses, [target]: response(na ? { kind: 'notApplicable', reason: 'x' } : { kind: 'unknown' }) }),
        );
        const means = (s: typeof before) => s.domains.flatMap((d) => [d.mean, d.min, ...d.capabilities.flatMap((c) => [c.mean, c.min])]);
        expect(means(after)).toEqual(means(before));
      }),
    );
  });

  it('does not depend on the order of indicators within a capability', () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const reversed = {
          ...framework,
          domains: framework.domains.map((d) => ({ ...d, capabilities: d.capabilities.map((c) => ({ ...c, indicators: [...c.indicators].reverse() })) })),
        };
        const a = scoreAssessment(framework, assessmentFor(framework, responses));
        const b = scoreAssessment(reversed, assessmentFor(framework, responses));
        expect(b.domains.map((d) => [d.mean, d.min])).toEqual(a.domains.map((d) => [d.mean, d.min]));
      }),
    );
  });
});
