import { describe, expect, it } from 'vitest';
import { filterRows } from '../../core/portfolio/portfolio';
import type { PortfolioRow } from '../../core/portfolio/types';
import { filterOf, noChoices } from '../../renderer/portfolio/query';

const row = (id: string, country: string, year: number, regions: string[], mode: PortfolioRow['mode'] = 'field'): PortfolioRow => ({
  id,
  title: `${country} ${year}`,
  country,
  regions,
  mode,
  status: 'final',
  frameworkId: 'ccat',
  frameworkVersion: '1.1.0',
  period: { from: `${year}-05-01` },
  year,
  coverage: null,
  overall: null,
  domains: {},
  gaps: [],
  createdAt: `${year}-05-01T00:00:00.000Z`,
  updatedAt: `${year}-05-01T00:00:00.000Z`,
  revision: 1,
  signer: null,
  shelf: null,
  shelvedAt: null,
});

const rows = [row('a', 'VN', 2025, ['asean', 'indo-pacific']), row('b', 'GH', 2023, ['africa']), row('c', 'GH', 2025, ['africa'], 'self'), row('d', 'KE', 2025, ['africa'])];
const ids = (choices: Partial<typeof noChoices>) => filterRows(rows, filterOf({ ...noChoices, ...choices })).map((r) => r.id);

describe('the portfolio filters on screen, as the core filter (and so the export) takes them', () => {
  it('leaves everything in when nothing is chosen', () => {
    expect(filterOf(noChoices)).toEqual({});
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
  });

  it('narrows by each choice, and by all of them together', () => {
    expect(ids({ region: 'asean' })).toEqual(['a']);
    expect(ids({ country: 'GH' })).toEqual(['b', 'c']);
    expect(ids({ year: '2025', region: 'africa' })).toEqual(['c', 'd']);
    expect(ids({ country: 'GH', mode: 'self' })).toEqual(['c']);
    expect(ids({ search: 'ke 2025' })).toEqual(['d']);
  });

  it('ignores a search of spaces only', () => {
    expect(filterOf({ ...noChoices, search: '   ' })).toEqual({});
  });
});
