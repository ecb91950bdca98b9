import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../api/result';
import { parseUntrustedJson } from '../json/safe-parse';
import { catalogueSchema } from '../model/catalogue';
import { frameworkSchema, type Framework } from '../model/framework';
import { describeIssues } from '../api/dispatch';
import { createLibrary, type FrameworkLibrary } from './library';
import { frameworkMappingSchema, type FrameworkMapping } from './mapping';
import { contentKeySet } from '../i18n/content-keys';
import { applyContentTranslations, contentTranslationSchema, unknownContentKeys, type ContentTranslation } from './translations';

/**
 * Loads every framework in `<assessmentsDir>/frameworks/*.json`, the catalogue,
 * the version mappings (`mappings/*.json`) and the content translations (`translations/<language>/*.json`) beside them.
 * These files ship with the app, so a broken one is a build defect: fail loudly, naming the file.
 * `installed` translations (language packs in the data folder) are applied after the shipped ones, so they correct them.
 * It reads synchronously so that openCore can load it on first use from code that cannot wait (lazyLibrary):
 * the files are few, local and read once.
 */
export function loadLibrary(assessmentsDir: string, installed: readonly ContentTranslation[] = []): FrameworkLibrary {
  const frameworksDir = join(assessmentsDir, 'frameworks');
  const frameworks: Framework[] = jsonFiles(frameworksDir).map((file) => parseFile(readFileSync(join(frameworksDir, file), 'utf8'), file, frameworkSchema.safeParse.bind(frameworkSchema)));
  const catalogueText = readOptional(join(assessmentsDir, 'catalogue', 'programmes.json'));
  const catalogue = catalogueText === undefined ? undefined : parseFile(catalogueText, 'catalogue/programmes.json', catalogueSchema.safeParse.bind(catalogueSchema));
  const mappingsDir = join(assessmentsDir, 'mappings');
  const mappings: FrameworkMapping[] = jsonFiles(mappingsDir, 'optional').map((file) =>
    parseFile(readFileSync(join(mappingsDir, file), 'utf8'), `mappings/${file}`, frameworkMappingSchema.safeParse.bind(frameworkMappingSchema)),
  );
  const translations = loadContentTranslations(assessmentsDir);
  const contents = [...frameworks.map((f) => ({ kind: 'framework' as const, content: f })), ...(catalogue ? [{ kind: 'catalogue' as const, content: catalogue }] : [])];
  const keySets = new Map<object, Set<string>>();
  for (const { name, translation } of translations) {
    const { kind, id, version } = translation.content;
    const target = contents.find((c) => c.kind === kind && c.content.id === id && c.content.version === version);
    if (!target) throw new CoreError('INVALID_FRAMEWORK', `${name} translates ${kind} ${id} ${version}, which is not installed`);
    const known = keySets.get(target.content) ?? contentKeySet(target.content);
    keySets.set(target.content, known);
    const unknown = unknownContentKeys(known, translation.texts);
    if (unknown.length > 0) throw new CoreError('INVALID_FRAMEWORK', `${name} translates texts ${kind} ${id} ${version} does not have: ${unknown.slice(0, 5).join(', ')}`);
  }
  const all = [...translations.map((t) => t.translation), ...installed];
  const translated = frameworks.map((framework) => applyContentTranslations(framework, 'framework', all));
  return createLibrary(translated, catalogue && applyContentTranslations(catalogue, 'catalogue', all), mappings);
}

/** Every shipped content translation, with the file it came from. */
export function loadContentTranslations(assessmentsDir: string): Array<{ name: string; translation: ContentTranslation }> {
  const root = join(assessmentsDir, 'translations');
  const languages = unlessMissing(() => readdirSync(root, { withFileTypes: true }), [])
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const found: Array<{ name: string; translation: ContentTranslation }> = [];
  for (const language of languages) {
    for (const file of jsonFiles(join(root, language))) {
      const name = `translations/${language}/${file}`;
      const translation = parseFile(readFileSync(join(root, language, file), 'utf8'), name, contentTranslationSchema.safeParse.bind(contentTranslationSchema));
      if (translation.language !== language) throw new CoreError('INVALID_FRAMEWORK', `${name} says it is in "${translation.language}" but sits in the folder for "${language}"`);
      found.push({ name, translation });
    }
  }
  return found;
}

function jsonFiles(dir: string, optional?: 'optional'): string[] {
  const read = () => readdirSync(dir);
  return (optional ? unlessMissing(read, []) : read()).filter((name) => name.endsWith('.json')).sort();
}

function readOptional(file: string): string | undefined {
  return unlessMissing<string | undefined>(() => readFileSync(file, 'utf8'), undefined);
}

/** The catalogue, the mappings and the translations may be absent; any other failure to read them is a defect to report. */
function unlessMissing<T>(read: () => T, missing: T): T {
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return missing;
    throw error;
  }
}

type SafeParse<T> = (value: unknown) => { success: true; data: T } | { success: false; error: { issues: Parameters<typeof describeIssues>[0] } };

/** Parses a data file shipped with the app; a broken one fails with the file's name and the field at fault. */
export function parseFile<T>(text: string, name: string, safeParse: SafeParse<T>): T {
  const result = safeParse(parseUntrustedJson(text, name));
  if (!result.success) throw new CoreError('INVALID_FRAMEWORK', `${name} is not a valid CCAT data file: ${describeIssues(result.error.issues)}`);
  return result.data;
}
