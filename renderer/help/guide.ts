/// <reference types="vite/client" />
import guideEn from '../../docs/framework.md?raw';
import { parseMarkdown, plainText, type Block } from './markdown';

/** English is in the Help chunk; each translation (docs/framework.<language>.md) is fetched when Help opens in it. */
const translations = import.meta.glob<string>('../../docs/framework.*.md', { query: '?raw', import: 'default' });
const parsed = new Map<string, Block[]>();

export interface Guide {
  /** The language the guide is shown in: the wanted one, or English where it has no translation. */
  language: string;
  blocks: Block[];
}

function translation(language: string): (() => Promise<string>) | undefined {
  return translations[`../../docs/framework.${language}.md`];
}

/** The guide in `language` if it has been loaded already (English always is), so that a screen shows it without a loading step. */
export function loadedGuide(language: string): Guide | undefined {
  const shown = translation(language) ? language : 'en';
  if (shown === 'en' && !parsed.has('en')) parsed.set('en', parseMarkdown(guideEn));
  const blocks = parsed.get(shown);
  return blocks && { language: shown, blocks };
}

/** The assessor's guide in `language`, English where there is no translation. */
export async function loadGuide(language: string): Promise<Guide> {
  const ready = loadedGuide(language);
  if (ready) return ready;
  const blocks = parseMarkdown(await translation(language)!());
  parsed.set(language, blocks);
  return { language, blocks };
}

/** The guide's sections that can be linked to, in order: the headings with an `{#id}`. */
export function guideSections(blocks: readonly Block[]): Array<{ id: string; title: string }> {
  return blocks.flatMap((b) => (b.kind === 'heading' && b.id ? [{ id: b.id, title: plainText(b.content) }] : []));
}

/** The guide section that explains how to rate an indicator from evidence. */
export const RATING_SECTION = 'rating';
