import { describe, expect, it } from 'vitest';
import { defaultBundleLimits } from '../../../core/bundle/format';
import { openBundle } from '../../../core/bundle/open.node.ts';
import { writeZip } from '../../../core/bundle/zip.node.ts';
import { coreFailure } from '../store/helpers';

const text = (value: string) => new TextEncoder().encode(value);

/** The checks openBundle makes before it looks inside: size, kind of file, the two entries it cannot do without. */
describe('opening a .ccat file', () => {
  it('refuses a file over the size limit before reading it, in megabytes', async () => {
    const error = await coreFailure(openBundle(new Uint8Array(3 * 1024 * 1024 + 1), {}, { ...defaultBundleLimits, maxFileBytes: 3 * 1024 * 1024 }));
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'too-large' } });
    expect(error.message).toBe('The file is 3.0 MB; a .ccat file may be at most 3 MB.');
  });

  it('reads a file exactly at the size limit', async () => {
    const zip = await writeZip([{ name: 'manifest.json', bytes: text('{}') }]);
    const error = await coreFailure(openBundle(zip, {}, { ...defaultBundleLimits, maxFileBytes: zip.length }));
    // It gets past the size check to the next one: signature.json is missing.
    expect(error.details).toMatchObject({ reason: 'missing-entry', entry: 'signature.json' });
  });

  it.each([
    ['an empty file', []],
    ['three bytes of a zip', [0x50, 0x4b, 0x03]],
    ['a PDF', [...text('%PDF-1.7\n')]],
    ['a file that starts with P only', [0x50, 0x41, 0x03, 0x04]],
    ['a file that starts with K only', [0x4b, 0x4b, 0x03, 0x04]],
  ])('refuses %s as neither a zip nor age', async (_, bytes) => {
    const error = await coreFailure(openBundle(new Uint8Array(bytes)));
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'not-a-bundle' } });
    expect(error.message).toBe('This is not a .ccat file: it is neither a CCAT zip nor an age-encrypted file.');
  });

  it('reads four bytes that start like a zip as a zip, and finds it damaged', async () => {
    const error = await coreFailure(openBundle(new Uint8Array([0x50, 0x4b, 0x03, 0x04])));
    expect(error.details).toMatchObject({ reason: 'not-a-zip' });
  });

  it.each(['manifest.json', 'signature.json'])('refuses a zip without %s as impossible to check', async (missing) => {
    const present = ['manifest.json', 'signature.json'].filter((name) => name !== missing);
    const error = await coreFailure(openBundle(await writeZip(present.map((name) => ({ name, bytes: text('{}') })))));
    expect(error).toMatchObject({ code: 'TAMPERED', details: { reason: 'missing-entry', entry: missing } });
    expect(error.message).toBe(`The entry "${missing}" is missing, so the file cannot be checked.`);
  });
});
