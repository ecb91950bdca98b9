import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryCodes } from '../../core/model/countries';
import { regionsData, regionsJsonSchema } from '../../core/portfolio/regions';

const folder = join(import.meta.dirname, '..', '..', 'assessments', 'regions');

describe('region groupings (assessments/regions)', () => {
  it('validate on load, and the committed JSON Schema is the one generated from that validation', () => {
    expect(() => regionsData()).not.toThrow();
    expect(JSON.parse(readFileSync(join(folder, 'regions.schema.json'), 'utf8'))).toEqual(regionsJsonSchema());
  });

  it('use current ISO 3166-1 codes only, each once per region', () => {
    for (const region of regionsData().regions) {
      expect(region.countries.filter((code) => !countryCodes.includes(code)), region.id).toEqual([]);
      expect(new Set(region.countries).size, region.id).toBe(region.countries.length);
    }
    expect(regionsData().regions.map((r) => r.id)).toEqual(expect.arrayContaining(['asean', 'indo-pacific', 'africa', 'pacific', 'latin-america', 'middle-east']));
  });
});
