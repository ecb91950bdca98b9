import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CoreError } from '../api/result';
import { parseUntrustedJson } from '../json/safe-parse';
import { catalogueSchema, type Catalogue } from '../model/catalogue';
import { frameworkSchema, type Framework } from '../model/framework';
import { describeIssues } from '../api/dispatch';
import { createLibrary, type FrameworkLibrary } from './library';
import { frameworkMappingSchema, type FrameworkMapping } from './mapping';

/**
 * Loads every framework in `<assessmentsDir>/frameworks/*.json`, the catalogue and the version
 * mappings (`mappings/*.json`) beside them.
 * These files ship with the app, so a broken one is a build defect: fail loudly at start.
 */
export async function loadLibrary(assessmentsDir: string): Promise<FrameworkLibrary> {
  const frameworksDir = join(assessmentsDir, 'frameworks');
  const files = (await readdir(frameworksDir)).filter((name) => name.endsWith('.json')).sort();
  const frameworks: Framework[] = [];
  for (const file of files) {
    frameworks.push(parseFile(await readFile(join(frameworksDir, file), 'utf8'), file, frameworkSchema.safeParse.bind(frameworkSchema)));
  }
  let catalogue: Catalogue | undefined;
  const catalogueFile = join(assessmentsDir, 'catalogue', 'programmes.json');
  const catalogueText = await readFile(catalogueFile, 'utf8').catch(() => undefined);
  if (catalogueText !== undefined) {
    catalogue = parseFile(catalogueText, 'catalogue/programmes.json', catalogueSchema.safeParse.bind(catalogueSchema));
  }
  const mappingsDir = join(assessmentsDir, 'mappings');
  const mappingFiles = (await readdir(mappingsDir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  const mappings: FrameworkMapping[] = [];
  for (const file of mappingFiles) {
    mappings.push(parseFile(await readFile(join(mappingsDir, file), 'utf8'), `mappings/${file}`, frameworkMappingSchema.safeParse.bind(frameworkMappingSchema)));
  }
  return createLibrary(frameworks, catalogue, mappings);
}

type SafeParse<T> = (value: unknown) => { success: true; data: T } | { success: false; error: { issues: Parameters<typeof describeIssues>[0] } };

/** Parses a data file shipped with the app; a broken one fails with the file's name and the field at fault. */
export function parseFile<T>(text: string, name: string, safeParse: SafeParse<T>): T {
  const result = safeParse(parseUntrustedJson(text, name));
  if (!result.success) throw new CoreError('INVALID_FRAMEWORK', `${name} is not a valid CCAT data file: ${describeIssues(result.error.issues)}`);
  return result.data;
}
