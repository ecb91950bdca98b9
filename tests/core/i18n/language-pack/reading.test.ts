import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../../core/model/framework';
import { ok, useCores } from '../../api/core-harness';
import { exportPack, importInput, setXliffTarget } from './pack-files';

const { core } = useCores();
const shippedKhmer = (JSON.parse(await readFile(join(import.meta.dirname, '..', '..', '..', '..', 'assessments', 'translations', 'km', 'framework-ccat-1.1.0.json'), 'utf8')) as { texts: Record<string, string> })
  .texts;
const shippedLevel3 = shippedKhmer['levels/3/name']!;
const packedLevel3 = `${shippedLevel3} (កញ្ចប់)`;
const level3 = (framework: Framework) => framework.levels.find((l) => l.level === 3)!.name;

describe('the screens read the framework with the installed packs', () => {
  it('a framework text changed by a Khmer pack shows in getFramework and openAssessment, and the shipped Khmer is back after removal', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', { title: 'Cambodia 2026', country: 'KH', mode: 'field' });
    const read = async () => ({
      framework: await ok(api, 'getFramework', { id: 'ccat', version: '1.1.0', languages: ['km'] }),
      opened: await ok(api, 'openAssessment', { id, languages: ['km'] }),
    });
    const before = await read();
    expect(before.opened.assessment.frameworkVersion).toBe('1.1.0');
    expect(level3(before.framework)).toMatchObject({ km: shippedLevel3 });

    const xml = setXliffTarget((await exportPack(api, 'km', 'xliff')).text, 'framework:levels/3/name', packedLevel3);
    await ok(api, 'importLanguagePack', importInput('km.xlf', xml));
    const packed = await read();
    expect(level3(packed.framework)).toMatchObject({ km: packedLevel3 });
    expect(level3(packed.opened.framework)).toMatchObject({ km: packedLevel3 });
    // Only the requested language is kept, pack or not.
    expect(Object.keys(level3(packed.framework))).not.toContain('ja');

    expect(await ok(api, 'removeLanguagePack', { language: 'km' })).toEqual({ removed: true });
    const removed = await read();
    expect(level3(removed.framework)).toMatchObject({ km: shippedLevel3 });
    expect(level3(removed.opened.framework)).toMatchObject({ km: shippedLevel3 });
  });
});
