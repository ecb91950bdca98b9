import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryCodes } from '../../core/model/countries';
import { regionsData, regionsJsonSchema } from '../../core/portfolio/regions';
import { uiLanguages } from '../../locales/languages';

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

  it('name every region in every UI language (ASEAN as French, Thai and Arabic write it)', () => {
    for (const region of regionsData().regions) {
      const name: Partial<Record<string, string>> = region.name;
      expect(uiLanguages.filter((language) => !name[language]?.trim()), region.id).toEqual([]);
    }
    const asean = regionsData().regions.find((r) => r.id === 'asean')!.name;
    expect([asean.fr, asean.th, asean.ar]).toEqual(['ANASE', 'อาเซียน', 'آسيان']);
  });

  it('explain the country selection in every UI language', () => {
    const note: Partial<Record<string, string>> = regionsData().selection.note;
    expect(uiLanguages.filter((language) => !note[language]?.trim())).toEqual([]);
  });
});
