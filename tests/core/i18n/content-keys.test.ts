import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTextEntries, contentTexts, withContentTexts } from '../../../core/i18n/content-keys';
import type { Framework } from '../../../core/model/framework';

const framework = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'assessments', 'frameworks', 'ccat-1.1.0.json'), 'utf8')) as Framework;

describe('content keys', () => {
  it('names every text of the framework by the nearest id, once', () => {
    const keys = contentTextEntries(framework).map((entry) => entry.key);
    const indicator = framework.domains[0]!.capabilities[0]!.indicators[0]!;
    expect(keys).toEqual(expect.arrayContaining(['title', 'levels/3/name', `domains/${framework.domains[0]!.id}/title`, `indicators/${indicator.id}/question`, `indicators/${indicator.id}/descriptors/4`, `indicators/${indicator.id}/evidenceExamples/0`]));
    expect(new Set(keys).size).toBe(keys.length);
    const indicators = framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators));
    // Question, guidance and five descriptors per indicator at least.
    expect(keys.filter((key) => key.startsWith('indicators/')).length).toBeGreaterThanOrEqual(indicators.length * 7);
  });

  it('refuses content where two texts would share a key', () => {
    const clash = { items: [{ id: 'a', title: { en: 'one' } }, { id: 'a', title: { en: 'two' } }] };
    expect(() => contentTextEntries(clash)).toThrow('"items/a/title"');
  });

  it('fills a language in from its texts without changing the original, and reads it back', () => {
    const indicator = framework.domains[0]!.capabilities[0]!.indicators[0]!;
    const key = `indicators/${indicator.id}/question`;
    const translated = withContentTexts(framework, 'km', { [key]: 'សំណួរ', 'indicators/nope/question': 'ignored' });
    expect(translated.domains[0]!.capabilities[0]!.indicators[0]!.question.km).toBe('សំណួរ');
    expect(indicator.question.km).toBeUndefined();
    expect(contentTexts(translated, 'km')).toEqual({ [key]: 'សំណួរ' });
    expect(Object.keys(contentTexts(framework, 'ja')).length).toBe(contentTextEntries(framework).length);
  });
});

describe('content keys and the language code "id"', () => {
  it('keys a list of texts by position even once Indonesian ("id") is filled in', () => {
    const content = { descriptors: [{ en: 'one' }, { en: 'two' }] };
    const withIndonesian = withContentTexts(content, 'id', { 'descriptors/0': 'satu', 'descriptors/1': 'dua' });
    expect(contentTextEntries(withIndonesian).map((e) => e.key)).toEqual(['descriptors/0', 'descriptors/1']);
    expect(contentTexts(withContentTexts(withIndonesian, 'th', { 'descriptors/1': 'สอง' }), 'th')).toEqual({ 'descriptors/1': 'สอง' });
  });
});
