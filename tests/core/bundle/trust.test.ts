import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifySigner, SignerList } from '../../../core/bundle/trust.node.ts';
import type { KnownSigner } from '../../../core/bundle/types';
import { coreFailure } from '../store/helpers';
import { useTempDirs } from '../temp-dir';

const tempDir = useTempDirs();

const field: KnownSigner = {
  fingerprint: 'SHA256:field',
  publicKey: 'field-key',
  name: 'Field laptop',
  installationId: 'inst-field',
  installationName: 'Field laptop',
  firstSeen: '2026-03-01T00:00:00.000Z',
  lastSeen: '2026-03-01T00:00:00.000Z',
};
const claim = (over: Partial<KnownSigner> = {}) => ({ fingerprint: 'SHA256:other', publicKey: 'other-key', installationId: 'inst-other', installationName: 'Other laptop', ...over });

describe('where a signer stands', () => {
  it('is "self" for this installation\'s own key, whatever the list says', () => {
    expect(classifySigner([field], claim({ fingerprint: 'SHA256:mine' }), 'SHA256:mine')).toEqual({ ...claim({ fingerprint: 'SHA256:mine' }), status: 'self' });
  });

  it('is "known", under the local name, for a listed fingerprint', () => {
    const renamed = { ...field, name: 'Ana’s laptop (Hanoi)' };
    expect(classifySigner([renamed], claim({ fingerprint: field.fingerprint }), undefined)).toEqual({ ...claim({ fingerprint: field.fingerprint }), status: 'known', knownAs: 'Ana’s laptop (Hanoi)' });
  });

  it('is "new" for an installation never seen', () => {
    expect(classifySigner([field], claim(), 'SHA256:mine')).toEqual({ ...claim(), status: 'new' });
  });

  it.each([
    ['the same installation id', { installationId: field.installationId }],
    ['the same installation name', { installationName: field.installationName }],
    ['the name it is known by here', { installationName: 'Hanoi office' }],
  ])('is a KEY_CHANGED refusal for another key claiming %s', async (_, over) => {
    const known = { ...field, name: 'Hanoi office' };
    const incoming = claim(over);
    const error = await coreFailure(Promise.resolve().then(() => classifySigner([known], incoming, undefined)));
    expect(error).toMatchObject({ code: 'KEY_CHANGED', details: { reason: 'key-changed', expected: field.fingerprint, found: incoming.fingerprint, knownAs: 'Hanoi office' } });
    expect(error.message).toBe(
      `WARNING: this file claims to come from "${incoming.installationName}", which you know as "Hanoi office", but it is signed with a different key (fingerprint SHA256:other, expected SHA256:field). Someone may be impersonating that installation. Nothing was imported. If its owner confirms (compare the fingerprint by phone) that they have a new key, remove "Hanoi office" from the known signers and import again.`,
    );
  });

  it('does not match on an empty installation id or name', () => {
    const anonymous = { ...field, installationId: '', installationName: '', name: '' };
    expect(classifySigner([anonymous], claim({ installationId: '', installationName: '' }), undefined).status).toBe('new');
  });
});

describe('the list of known signers on disk', () => {
  it('is empty before anyone was remembered', async () => {
    expect(await new SignerList(await tempDir()).list()).toEqual([]);
  });

  it('remembers a new signer under its own name, then refreshes only its last-seen time', async () => {
    const dir = await tempDir();
    const list = new SignerList(dir);
    const incoming = { fingerprint: field.fingerprint, publicKey: field.publicKey, installationId: field.installationId, installationName: field.installationName };
    expect(await list.remember(incoming, '2026-03-01T00:00:00.000Z')).toEqual(field);
    await list.rename(field.fingerprint, 'Hanoi office');
    expect(await list.remember(incoming, '2026-04-02T00:00:00.000Z')).toEqual({ ...field, name: 'Hanoi office', lastSeen: '2026-04-02T00:00:00.000Z' });
    expect(await new SignerList(dir).list()).toEqual([{ ...field, name: 'Hanoi office', lastSeen: '2026-04-02T00:00:00.000Z' }]);
    expect(JSON.parse(await readFile(join(dir, 'keys', 'signers.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 });
  });

  it('keeps a name given on remembering', async () => {
    const list = new SignerList(await tempDir());
    expect((await list.remember({ ...claim(), name: 'Given name' }, field.firstSeen)).name).toBe('Given name');
  });

  it('refuses to remember another key for a known installation, and keeps the list as it was', async () => {
    const dir = await tempDir();
    const list = new SignerList(dir);
    await list.remember(field, field.firstSeen);
    const before = await readFile(join(dir, 'keys', 'signers.json'), 'utf8');
    expect((await coreFailure(list.remember({ ...claim({ installationId: field.installationId }) }, field.lastSeen))).code).toBe('KEY_CHANGED');
    expect(await readFile(join(dir, 'keys', 'signers.json'), 'utf8')).toBe(before);
  });

  it('renames only the signer asked for', async () => {
    const list = new SignerList(await tempDir());
    await list.remember(field, field.firstSeen);
    await list.remember(claim(), field.firstSeen);
    await list.rename('SHA256:other', 'Ministry desk');
    expect((await list.list()).map((s) => [s.fingerprint, s.name])).toEqual([
      ['SHA256:field', 'Field laptop'],
      ['SHA256:other', 'Ministry desk'],
    ]);
  });

  it('removes a signer, and names the fingerprint it cannot find', async () => {
    const list = new SignerList(await tempDir());
    await list.remember(field, field.firstSeen);
    await list.remember(claim(), field.firstSeen);
    await list.remove(field.fingerprint);
    expect((await list.list()).map((s) => s.fingerprint)).toEqual(['SHA256:other']);
    for (const change of [() => list.remove('SHA256:nobody'), () => list.rename('SHA256:nobody', 'x')]) {
      const error = await coreFailure(change());
      expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'No known signer has the fingerprint SHA256:nobody.', details: { fingerprint: 'SHA256:nobody' } });
    }
  });

  it.each([
    ['not JSON', '{ signers', /^The list of known signers .+signers\.json is damaged: /],
    ['another shape', JSON.stringify({ schemaVersion: 1, signers: [{ fingerprint: 1 }] }), /^The list of known signers .+signers\.json is damaged: signers\.0\./],
  ])('that is damaged (%s) is reported, never read as "nobody is trusted"', async (_, text, message) => {
    const dir = await tempDir();
    await mkdir(join(dir, 'keys'));
    await writeFile(join(dir, 'keys', 'signers.json'), text);
    const error = await coreFailure(new SignerList(dir).list());
    expect(error).toMatchObject({ code: 'DAMAGED_FILE', details: { file: join(dir, 'keys', 'signers.json') } });
    expect(error.message).toMatch(message);
  });

  it('reads times written with a UTC offset, as a person editing the file might', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'keys'));
    const edited = { ...field, firstSeen: '2026-03-01T09:00:00+09:00', lastSeen: '2026-03-02T09:00:00+09:00' };
    await writeFile(join(dir, 'keys', 'signers.json'), JSON.stringify({ schemaVersion: 1, signers: [edited] }));
    expect(await new SignerList(dir).list()).toEqual([edited]);
  });

  it('that cannot be read for another reason than being absent is an error, not an empty list', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'keys', 'signers.json'), { recursive: true });
    const error = await coreFailure(new SignerList(dir).list());
    expect(error).toMatchObject({ code: 'INTERNAL', details: { code: 'EISDIR', file: join(dir, 'keys', 'signers.json') } });
    expect(error.message).toMatch(/^CCAT could not read .+signers\.json: /);
  });
});
