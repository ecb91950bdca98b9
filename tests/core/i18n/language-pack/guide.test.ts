import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleGuide, guideParts, guideUnits, matchGuideTexts } from '../../../../core/i18n/language-pack/guide';

const docs = join(import.meta.dirname, '..', '..', '..', '..', 'docs');
const english = await readFile(join(docs, 'framework.md'), 'utf8');
const japanese = await readFile(join(docs, 'framework.ja.md'), 'utf8');

describe("the assessor's guide as units", () => {
  it('splits into units keyed by section and index that join back into the same Markdown', () => {
    expect(guideParts(english).map((p) => (typeof p === 'string' ? p : p.text)).join('')).toBe(english);
    const units = guideUnits(english);
    expect(units.find((u) => u.id === 'guide:rating/0')).toEqual({ id: 'guide:rating/0', text: '2. Rating an indicator from evidence', what: 'heading' });
    expect(units.filter((u) => u.what === 'table cell').map((u) => u.text)).toContain('1 Start-up');
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });

  it('matches the shipped Japanese guide unit by unit, and rebuilds it from the English skeleton', () => {
    const texts = matchGuideTexts(english, japanese);
    expect(texts.size).toBe(guideUnits(english).length);
    expect(assembleGuide(english, texts)).toBe(japanese);
  });

  it('keeps the Markdown around a translated unit: heading marks, anchors, list bullets and table pipes', () => {
    const markdown = '## Levels {#levels}\n\n- **One** thing\n\n| A | B |\n|---|---|\n| x | y |\n';
    const texts = new Map([
      ['guide:levels/0', 'កម្រិត'],
      ['guide:levels/1', '**មួយ**'],
      ['guide:levels/5', 'ខ'],
    ]);
    expect(assembleGuide(markdown, texts)).toBe('## កម្រិត {#levels}\n\n- **មួយ**\n\n| A | B |\n|---|---|\n| x | ខ |\n');
    // A line break typed into a cell would end the table row: it becomes a space.
    expect(assembleGuide(markdown, new Map([['guide:levels/5', 'ខ\n  គ']]))).toContain('| x | ខ គ |');
  });

  it('leaves a translated section out when its shape differs from the English one, instead of pairing the wrong texts', () => {
    const translated = '## Niveaux {#levels}\n\nUn.\n\nDeux.\n';
    expect([...matchGuideTexts('## Levels {#levels}\n\nOne.\n', translated).keys()]).toEqual([]);
    expect([...matchGuideTexts('## Levels {#levels}\n\nOne.\n\nTwo.\n', translated)]).toEqual([
      ['guide:levels/0', 'Niveaux'],
      ['guide:levels/1', 'Un.'],
      ['guide:levels/2', 'Deux.'],
    ]);
  });
});
