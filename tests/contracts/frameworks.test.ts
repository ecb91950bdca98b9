import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../core/framework/check';
import { catalogueJsonSchema, frameworkJsonSchema } from '../../core/framework/json-schemas';

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
    it(`${file} passes every framework rule against the catalogue`, () => {
      // The catalogue is written for the newest framework; older versions need only existing programme ids.
      const report = checkFramework(read(`frameworks/${file}`), catalogue, file === latest ? 'both-ways' : 'exist');
      expect({ ...report, valid: report.valid }).toMatchObject({
        valid: true,
        schemaErrors: [],
        indicatorsWithoutRefs: [],
        capabilitiesWithoutProgrammes: [],
        unknownProgrammes: [],
        duplicateIds: [],
        identicalDescriptors: [],
        catalogueProblems: [],
        localeCompleteness: { en: 100, ja: 100 },
      });
      expect(file).toBe(`${report.id}-${report.version}.json`);
    });
  }

  it('the committed JSON Schemas are the ones generated from the validators', () => {
    expect(read('framework.schema.json')).toEqual(frameworkJsonSchema());
    expect(read('catalogue/catalogue.schema.json')).toEqual(catalogueJsonSchema());
  });
});
