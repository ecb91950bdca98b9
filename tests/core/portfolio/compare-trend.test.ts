import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkLibrary } from '../../../core/framework/library';
import { loadLibrary } from '../../../core/framework/load-library.node.ts';
import { emptyPlan, type Assessment } from '../../../core/model/assessment';
import { compareAssessments } from '../../../core/portfolio/compare';
import { countryTrend } from '../../../core/portfolio/trend';
import { assessmentFor, response, shippedFramework } from '../fixtures';

const level = (n: number) => response({ kind: 'level', level: n });
let library: FrameworkLibrary;
beforeAll(async () => {
  library = loadLibrary(join(import.meta.dirname, '..', '..', '..', 'assessments'));
});

/** On 1.1.0: strategy 2, 3, 4, 1 (review unrated) → 2.5; CSIRT mandate 3 → 3; and the new IXP indicator, which 1.0.0 never asked. */
function current(extra: Partial<Assessment> = {}): Assessment {
  return assessmentFor(
    shippedFramework('1.1.0'),
    {
      'hygiene.strategy.document': level(2),
      'hygiene.strategy.lead-agency': level(3),
      'hygiene.strategy.coordination-mechanism': level(4),
      'hygiene.strategy.budget': level(1),
      'hygiene.csirt.mandate': level(3),
      'cip.internet-infrastructure.ixp': level(5),
    },
    { id: 'current-0001', title: 'Viet Nam 2026', period: { to: '2026-03-01' }, ...extra },
  );
}

/**
 * On 1.0.0: strategy 4, 2, 3 → 3.0 on its own version; carried to 1.1.0 the lead-agency rating is
 * split into lead agency and coordination mechanism (2 and 2), so strategy is (4+2+2+3)/4 = 2.75.
 * CSIRT mandate 1 → 1.
 */
function earlier(extra: Partial<Assessment> = {}): Assessment {
  return assessmentFor(
    shippedFramework('1.0.0'),
    { 'hygiene.strategy.document': level(4), 'hygiene.strategy.lead-agency': level(2), 'hygiene.strategy.budget': level(3), 'hygiene.csirt.mandate': level(1) },
    { id: 'earlier-0001', title: 'Viet Nam 2025 self', mode: 'self', status: 'final', period: { to: '2025-06-30' }, ...extra },
  );
}

describe('compare', () => {
  it('across framework versions, compares only what maps: the added indicators are left out for everyone', () => {
    const comparison = compareAssessments([current(), earlier()], library);
    expect(comparison.frameworkVersion).toBe('1.1.0');
    expect(comparison.mapped).toBe(true);
    expect(comparison.indicatorsTotal).toBe(128);
    // 1.1.0 adds 4 internet-infrastructure and 3 data-protection indicators.
    expect(comparison.indicatorsCompared).toBe(121);
    expect(comparison.excludedIndicators).toContain('cip.internet-infrastructure.ixp');
    expect(comparison.capabilities.some((c) => c.capabilityId === 'cip.internet-infrastructure')).toBe(false);

    const strategy = comparison.capabilities.find((c) => c.capabilityId === 'hygiene.strategy')!;
    expect(strategy.scores).toEqual([2.5, 2.75]);
    expect(strategy.differences).toEqual([0, 0.25]);
    expect(strategy.spread).toBe(0.25);
    const csirt = comparison.capabilities.find((c) => c.capabilityId === 'hygiene.csirt')!;
    expect(csirt).toMatchObject({ scores: [3, 1], differences: [0, -2], spread: 2 });
    // Domain = mean of its scored capabilities: (2.5 + 3) / 2 and (2.75 + 1) / 2.
    expect(comparison.domains.find((d) => d.domainId === 'hygiene')).toMatchObject({ scores: [2.75, 1.875], differences: [0, -0.875] });
    // CIP: only the IXP indicator was rated, and it is not compared.
    expect(comparison.domains.find((d) => d.domainId === 'cip')!.scores).toEqual([null, null]);
    expect(comparison.assessments.map((a) => [a.id, a.frameworkVersion, a.overall])).toEqual([
      ['current-0001', '1.1.0', null],
      ['earlier-0001', '1.0.0', null],
    ]);
  });

  it('on one version compares every indicator, three at once', () => {
    const third = current({ id: 'third-0001', responses: { 'hygiene.strategy.document': level(5) } });
    const comparison = compareAssessments([current(), current({ id: 'twin-0001' }), third], library);
    expect(comparison).toMatchObject({ mapped: false, indicatorsCompared: 128, excludedIndicators: [] });
    const strategy = comparison.capabilities.find((c) => c.capabilityId === 'hygiene.strategy')!;
    expect(strategy).toMatchObject({ scores: [2.5, 2.5, 5], differences: [0, 0, 2.5], spread: 2.5 });
    expect(comparison.capabilities.find((c) => c.capabilityId === 'cip.internet-infrastructure')!.scores).toEqual([5, 5, null]);
  });
});

describe('trend', () => {
  it('puts the assessments in date order, scores each on its own version, and lists what moved and which plan items reached their aim', () => {
    const plan = {
      ...emptyPlan(),
      customActions: [
        { id: 'action-0001', capabilityId: 'hygiene.csirt', title: 'CSIRT staff exchange', owner: '', note: '', phase: 'short' as const, effort: 'S' as const },
        { id: 'action-0002', capabilityId: 'hygiene.strategy', title: 'Strategy workshop', owner: '', note: '', phase: 'short' as const },
      ],
    };
    const other = current({ id: 'other-0001', country: 'KE' });
    const trend = countryTrend('VN', [current(), other, earlier({ plan })], library, library.catalogue);
    // Each point names its framework, so a screen can label domains from the right file.
    expect(trend.points.map((p) => [p.id, p.date, p.frameworkId, p.frameworkVersion])).toEqual([
      ['earlier-0001', '2025-06-30', 'ccat', '1.0.0'],
      ['current-0001', '2026-03-01', 'ccat', '1.1.0'],
    ]);
    // 1.0.0 on its own: strategy (4+2+3)/3 = 3, CSIRT 1 → hygiene 2; 1.1.0: (2.5 + 3) / 2 = 2.75.
    expect(trend.points.map((p) => p.domains.hygiene)).toEqual([2, 2.75]);
    expect(trend.domainIds).toEqual(['hygiene', 'cip', 'cybercrime', 'norms', 'hr']);
    const [step] = trend.steps;
    expect(step).toMatchObject({ fromId: 'earlier-0001', toId: 'current-0001', comparable: true });
    // Strategy moved 2.75 → 2.5 (less than half a level): not listed.
    expect(step!.moved).toEqual([{ capabilityId: 'hygiene.csirt', domainId: 'hygiene', from: 1, to: 3, change: 2 }]);
    expect(step!.planItems.map((p) => [p.recommendationId, p.aimedLevel, p.before, p.after, p.completed])).toEqual([
      ['action-0001', 3, 1, 3, true],
      ['action-0002', 3, 3, 2.5, false],
    ]);
  });
});
