import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../core/framework/check';
import { catalogueJsonSchema, frameworkJsonSchema } from '../../core/framework/json-schemas';
import { loadContentTranslations } from '../../core/framework/load-library.node';
import { uiLanguages } from '../../locales/languages';

const assessmentsDir = join(import.meta.dirname, '..', '..', 'assessments');
const read = (path: string): unknown => JSON.parse(readFileSync(join(assessmentsDir, path), 'utf8'));
const frameworkFiles = readdirSync(join(assessmentsDir, 'frameworks')).filter((f) => f.endsWith('.json'));
const catalogue = read('catalogue/programmes.json');

describe('shipped data files', () => {
  it('ships at least the sample and the full framework', () => {
    expect(frameworkFiles).toEqual(expect.arrayContaining(['ccat-0.1.0.json', 'ccat-1.0.0.json']));
  });

  const latest = frameworkFiles.at(-1);
  for (const file of frameworkFiles) {
    it(`${file} passes every framework rule against the catalogue, with its shipped translations`, async () => {
      const translations = loadContentTranslations(assessmentsDir).map((found) => found.translation);
      // The catalogue is written for the newest framework; older versions need only existing programme ids.
      const report = checkFramework(read(`frameworks/${file}`), catalogue, file === latest ? 'both-ways' : 'exist', undefined, translations);
      expect({ ...report, valid: report.valid }).toMatchObject({
        valid: true,
        schemaErrors: [],
        indicatorsWithoutRefs: [],
        capabilitiesWithoutProgrammes: [],
        unknownProgrammes: [],
        duplicateIds: [],
        identicalDescriptors: [],
        catalogueProblems: [],
      });
      // The newest version is translated into every UI language; older ones stay in the two source languages.
      const complete = file === latest ? uiLanguages : (['en', 'ja'] as const);
      expect(Object.fromEntries(complete.map((language) => [language, report.localeCompleteness[language]]))).toEqual(Object.fromEntries(complete.map((language) => [language, 100])));
      expect(file).toBe(`${report.id}-${report.version}.json`);
    });
  }

  it('the committed JSON Schemas are the ones generated from the validators', () => {
    expect(read('framework.schema.json')).toEqual(frameworkJsonSchema());
    expect(read('catalogue/catalogue.schema.json')).toEqual(catalogueJsonSchema());
  });
});
