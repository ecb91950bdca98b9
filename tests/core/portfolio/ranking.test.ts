import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankCountries, type RankingEntry } from '../../../core/portfolio/ranking';
import { defaultSelectionWeights, listRegions, regionsData } from '../../../core/portfolio/regions';
import { selectionFactors, type SelectionFactor, type SelectionWeights } from '../../../core/portfolio/types';

const effortUnits = { S: 1, M: 2, L: 3 };
const regions = listRegions();

function entry(country: string, selection: Partial<RankingEntry['selection']>, extra: Partial<RankingEntry> = {}): RankingEntry {
  return {
    id: `a-${country.toLowerCase()}-${extra.period?.to ?? '1'}`,
    title: `${country} assessment`,
    country,
    status: 'final',
    period: { to: '2026-03-01' },
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-02T00:00:00.000Z',
    selection: { japaneseBusinessPresence: null, networkNodeImportance: null, donorSupport: {}, plan: null, ...selection },
    ...extra,
  };
}

const rank = (entries: RankingEntry[], weights: SelectionWeights = { businessPresence: 1, networkNode: 1, roomLeftByOthers: 1, resultPerEffort: 2 }, onlyRegions?: string[]) =>
  rankCountries(entries, { weights, defaultWeights: defaultSelectionWeights(), effortUnits, regions, onlyRegions });

/**
 * Five countries, every factor worked out by hand. Normalised factors: business and node ÷ 3;
 * room left = 1 − mean donor extent ÷ 3; result per effort = (value ÷ effort) ÷ 12, where 12 is
 * a 4-level gap × importance 3 per one S (1 unit) of effort.
 */
const five = [
  // 1 + 2/3 + (1 − 1/3) + 2 × (6/2)/12 = 1 + .6667 + .6667 + .5 = 2.8333
  entry('VN', { japaneseBusinessPresence: 3, networkNodeImportance: 2, donorSupport: { hygiene: 1, cip: 1 }, plan: { value: 6, effort: 2 } }),
  // 1/3 + 1 + 0 (donor support not recorded) + 2 × 12/12 = 3.3333
  entry('KE', { japaneseBusinessPresence: 1, networkNodeImportance: 3, plan: { value: 12, effort: 1 } }),
  // 2/3 + 2/3 + 1 + 0 (no accepted plan) = 2.3333
  entry('PH', { japaneseBusinessPresence: 2, networkNodeImportance: 2, donorSupport: { hygiene: 0 } }),
  // 0 + 1 + 0 + 2 × (4.5/3)/12 = 1.25
  entry('FJ', { japaneseBusinessPresence: 0, networkNodeImportance: 3, donorSupport: { hygiene: 3, cip: 3 }, plan: { value: 4.5, effort: 3 } }),
  // 0 + 0 + (1 − 2/3) + 2 × (9/3)/12 = .3333 + .5 = 0.8333
  entry('GH', { donorSupport: { hygiene: 2 }, plan: { value: 9, effort: 3 } }),
];

describe('country selection ranking', () => {
  it('ranks the five fixture countries by the hand-computed scores, with each factor and contribution', () => {
    const ranking = rank(five);
    expect(ranking.ranked.map((r) => [r.rank, r.country, Number(r.score.toFixed(4))])).toEqual([
      [1, 'KE', 3.3333],
      [2, 'VN', 2.8333],
      [3, 'PH', 2.3333],
      [4, 'FJ', 1.25],
      [5, 'GH', 0.8333],
    ]);
    const vn = ranking.ranked.find((r) => r.country === 'VN')!;
    expect(vn.factors.map((f) => [f.factor, f.raw, Number(f.normalised.toFixed(4)), f.weight, Number(f.contribution.toFixed(4))])).toEqual([
      ['businessPresence', 3, 1, 1, 1],
      ['networkNode', 2, 0.6667, 1, 0.6667],
      ['roomLeftByOthers', 1, 0.6667, 1, 0.6667],
      ['resultPerEffort', 3, 0.25, 2, 0.5],
    ]);
    expect(vn.regions).toEqual(expect.arrayContaining(['asean', 'indo-pacific']));
    const gh = ranking.ranked.find((r) => r.country === 'GH')!;
    // Not recorded: no raw value, and it counts 0.
    expect(gh.factors[0]).toEqual({ factor: 'businessPresence', raw: null, normalised: 0, weight: 1, contribution: 0 });
  });

  it('without the expected result, VN and PH tie at 2.3333 and share rank 1; the next rank is 3', () => {
    const ranking = rank(five, { businessPresence: 1, networkNode: 1, roomLeftByOthers: 1, resultPerEffort: 0 });
    expect(ranking.ranked.map((r) => [r.rank, r.country])).toEqual([
      [1, 'PH'],
      [1, 'VN'],
      [3, 'KE'],
      [4, 'FJ'],
      [5, 'GH'],
    ]);
  });

  it('uses the latest final assessment of a country, leaves countries without one unranked, and filters by region', () => {
    const older = entry('VN', { japaneseBusinessPresence: 0 }, { id: 'vn-old', period: { to: '2024-01-01' } });
    const draft = entry('VN', { japaneseBusinessPresence: 0 }, { id: 'vn-draft', status: 'draft', period: { to: '2027-01-01' } });
    const onlyDraft = entry('TH', {}, { status: 'in-review' });
    const ranking = rank([older, ...five, draft, onlyDraft]);
    expect(ranking.ranked.find((r) => r.country === 'VN')!.assessmentId).toBe(five[0]!.id);
    expect(ranking.unranked).toEqual(['TH']);
    expect(rank(five, undefined, ['africa']).ranked.map((r) => r.country)).toEqual(['KE', 'GH']);
  });

  it('the defaults shown are the data file’s, and existing donor support lowers a country', () => {
    expect(defaultSelectionWeights()).toEqual(regionsData().selection.defaultWeights);
    const more = rank([entry('VN', { donorSupport: { hygiene: 3 } }), entry('KH', { donorSupport: { hygiene: 0 } })]);
    expect(more.ranked.map((r) => r.country)).toEqual(['KH', 'VN']);
  });
});

const level = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
const selection = fc.record({
  japaneseBusinessPresence: level,
  networkNodeImportance: level,
  donorSupport: fc.dictionary(fc.constantFrom('hygiene', 'cip', 'crime', 'norms', 'people'), fc.integer({ min: 0, max: 3 })),
  plan: fc.option(fc.record({ value: fc.double({ min: 0, max: 60, noNaN: true }), effort: fc.integer({ min: 1, max: 20 }) }), { nil: null }),
});
const weightsArb = fc.record(Object.fromEntries(selectionFactors.map((f) => [f, fc.integer({ min: 0, max: 10 })])) as Record<SelectionFactor, fc.Arbitrary<number>>);
const codes = ['VN', 'KE', 'PH', 'FJ', 'GH', 'KH', 'LA', 'ID', 'BR', 'EG'];
const portfolio = fc.uniqueArray(fc.constantFrom(...codes), { minLength: 2, maxLength: 8 }).chain((countries) => fc.tuple(...countries.map((c) => selection.map((s) => entry(c, s)))));

describe('country selection ranking: properties', () => {
  it('raising one weight never lowers a country that leads on that factor', () => {
    fc.assert(
      fc.property(portfolio, weightsArb, fc.constantFrom(...selectionFactors), fc.integer({ min: 1, max: 10 }), (entries, weights, factor, raise) => {
        const before = rank(entries, weights);
        const after = rank(entries, { ...weights, [factor]: weights[factor] + raise });
        const value = (r: (typeof before.ranked)[number]) => r.factors.find((f) => f.factor === factor)!.normalised;
        const top = Math.max(...before.ranked.map(value));
        for (const leader of before.ranked.filter((r) => value(r) === top)) {
          expect(after.ranked.find((r) => r.country === leader.country)!.rank).toBeLessThanOrEqual(leader.rank);
        }
      }),
    );
  });

  it('equal inputs give equal ranks', () => {
    fc.assert(
      fc.property(portfolio, weightsArb, (entries, weights) => {
        const twin = { ...entries[0]!, id: 'twin', country: 'ZZ' };
        const ranking = rank([...entries, twin], weights);
        expect(ranking.ranked.find((r) => r.country === 'ZZ')!.rank).toBe(ranking.ranked.find((r) => r.country === entries[0]!.country)!.rank);
      }),
    );
  });

  it('adding an unrelated country does not reorder the others', () => {
    fc.assert(
      fc.property(portfolio, weightsArb, selection, (entries, weights, extra) => {
        const before = rank(entries, weights).ranked.map((r) => r.country);
        const after = rank([...entries, entry('ZW', extra)], weights).ranked.map((r) => r.country).filter((c) => c !== 'ZW');
        expect(after).toEqual(before);
      }),
    );
  });
});
