/// <reference types="vite/client" />
import guideEn from '../../docs/framework.md?raw';
import guideJa from '../../docs/framework.ja.md?raw';
import { parseMarkdown, plainText, type Block } from './markdown';

const sources: Record<string, string> = { en: guideEn, ja: guideJa };
const parsed = new Map<string, Block[]>();

/** The assessor's guide in `language`, English where there is no translation. */
export function guideBlocks(language: string): Block[] {
  const key = Object.hasOwn(sources, language) ? language : 'en';
  let blocks = parsed.get(key);
  if (!blocks) {
    blocks = parseMarkdown(sources[key]!);
    parsed.set(key, blocks);
  }
  return blocks;
}

/** The guide's sections that can be linked to, in order: the headings with an `{#id}`. */
export function guideSections(blocks: readonly Block[]): Array<{ id: string; title: string }> {
  return blocks.flatMap((b) => (b.kind === 'heading' && b.id ? [{ id: b.id, title: plainText(b.content) }] : []));
}

/** The guide section that explains how to rate an indicator from evidence. */
export const RATING_SECTION = 'rating';
