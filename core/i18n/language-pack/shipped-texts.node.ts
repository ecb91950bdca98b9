import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { resources } from '../../../locales/resources';
import { uiLanguages, type UiLanguage } from '../../../locales/languages';
import type { FrameworkLibrary } from '../../framework/library';
import { parseFile } from '../../framework/load-library.node.ts';
import type { ContentKind, ShippedTexts } from './units';

/** A translations file beside the content files: `assessments/translations/<L>/framework-ccat-1.1.0.json`, `.../catalogue.json`. */
const translationsFile = z.object({
  language: z.enum(uiLanguages),
  content: z.object({ kind: z.enum(['framework', 'catalogue']), id: z.string(), version: z.string() }),
  texts: z.record(z.string(), z.string()),
});

async function readOptional(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * What ships for every language, read from disk: UI strings (compiled in), the current framework
 * and the catalogue (from the library), their translations files and the assessor's guide in
 * `docsDir` (framework.md, framework.<L>.md). A translations file made for another version is ignored.
 */
export async function loadShippedTexts(library: FrameworkLibrary, assessmentsDir: string, docsDir: string): Promise<ShippedTexts> {
  const framework = (() => {
    try {
      return library.latest(library.defaultId);
    } catch {
      return undefined;
    }
  })();
  const catalogue = library.catalogue;
  const contentTranslations: ShippedTexts['contentTranslations'] = {};
  const guide: ShippedTexts['guide'] = {};
  const englishGuide = await readOptional(join(docsDir, 'framework.md'));
  if (englishGuide !== undefined) guide.en = englishGuide;
  for (const language of uiLanguages) {
    if (language === 'en') continue;
    const own = await readOptional(join(docsDir, `framework.${language}.md`));
    if (own !== undefined) guide[language] = own;
    const files: Array<[ContentKind, string, { id: string; version: string } | undefined]> = [
      ['framework', framework ? `framework-${framework.id}-${framework.version}.json` : '', framework],
      ['catalogue', 'catalogue.json', catalogue],
    ];
    for (const [kind, name, content] of files) {
      if (!content) continue;
      const path = join(assessmentsDir, 'translations', language, name);
      const text = await readOptional(path);
      if (text === undefined) continue;
      const parsed: z.infer<typeof translationsFile> = parseFile(text, `translations/${language}/${name}`, translationsFile.safeParse.bind(translationsFile));
      if (parsed.language !== language || parsed.content.kind !== kind || parsed.content.id !== content.id || parsed.content.version !== content.version) continue;
      (contentTranslations[language] ??= {})[kind] = parsed.texts;
    }
  }
  return { ui: resources as Partial<Record<UiLanguage, Record<string, unknown>>>, framework, catalogue, contentTranslations, guide };
}
