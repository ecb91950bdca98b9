import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../../core/framework/check';
import { loadLibrary } from '../../../core/framework/load-library.node';
import { keepLanguages } from '../../../core/framework/translations';
import { useTempDirs } from '../temp-dir';

const shipped = join(import.meta.dirname, '..', '..', '..', 'assessments');
const tempDir = useTempDirs();

/** A copy of the shipped assessments folder with one more translation file in it. */
async function assessmentsWith(language: string, file: string, translation: unknown): Promise<string> {
  const dir = join(await tempDir(), 'assessments');
  await cp(shipped, dir, { recursive: true });
  await mkdir(join(dir, 'translations', language), { recursive: true });
  await writeFile(join(dir, 'translations', language, file), JSON.stringify(translation));
  return dir;
}

const ref = { kind: 'framework', id: 'ccat', version: '1.1.0' } as const;

describe('content translations beside the framework', () => {
  it('are applied when the library loads, and a screen gets only the languages it asks for', async () => {
    const dir = await assessmentsWith('xx', 'framework.json', { language: 'xx', content: ref, texts: { 'levels/1/name': 'Ikku' } });
    const framework = loadLibrary(dir).get('ccat', '1.1.0');
    expect(framework.levels[0]!.name.xx).toBe('Ikku');
    expect(framework.languages).toContain('xx');
    const slim = keepLanguages(framework, ['ja']);
    expect(slim.levels[0]!.name).toEqual({ en: framework.levels[0]!.name.en, ja: framework.levels[0]!.name.ja });
  });

  it('refuse to load a translation of a text the framework does not have, naming the file and the key', async () => {
    const dir = await assessmentsWith('xx', 'framework.json', { language: 'xx', content: ref, texts: { 'indicators/no.such/question': 'x' } });
    expect(() => loadLibrary(dir)).toThrow(/translations\/xx\/framework\.json .*indicators\/no\.such\/question/);
  });

  it('refuse a file whose language is not the folder it sits in, or a framework version not installed', async () => {
    const wrongFolder = await assessmentsWith('xx', 'f.json', { language: 'yy', content: ref, texts: {} });
    expect(() => loadLibrary(wrongFolder)).toThrow('folder for "xx"');
    const notInstalled = await assessmentsWith('xx', 'f.json', { language: 'xx', content: { ...ref, version: '9.9.9' }, texts: {} });
    expect(() => loadLibrary(notInstalled)).toThrow('not installed');
  });

  it('count in the framework check: a partial translation is not complete, an unknown key is an error', async () => {
    const raw: unknown = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(join(shipped, 'frameworks', 'ccat-1.1.0.json'), 'utf8')));
    const partial = checkFramework(raw, undefined, 'exist', undefined, [{ language: 'xx', content: ref, texts: { 'levels/1/name': 'Ikku', 'nope/title': 'x' } }]);
    expect(partial.localeCompleteness.xx).toBeGreaterThan(0);
    expect(partial.localeCompleteness.xx).toBeLessThan(100);
    expect(partial.schemaErrors).toEqual(['xx translation: no text "nope/title" in the framework']);
    expect(partial.valid).toBe(false);
  });
});
