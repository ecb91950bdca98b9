import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../core/api/commands';
import { failure, ok, useCores } from '../api/core-harness';
import { seedWithAttachments } from './helpers';

const { core, tempDir } = useCores();

describe('the exchange through the API the UI will use', () => {
  it('exports, inspects, asks about the new signer, imports, and manages known signers', async () => {
    const fieldDir = await tempDir();
    const original = await seedWithAttachments(fieldDir);
    const field = await core(fieldDir);
    const hq = await core();

    const key = await ok(field, 'getInstallationKey', {});
    expect(key.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    expect(await ok(field, 'getInstallationKey', {})).toEqual(key);
    const renamed = await ok(field, 'renameInstallation', { name: 'Viet Nam laptop 2' });
    expect(renamed).toMatchObject({ name: 'Viet Nam laptop 2', fingerprint: key.fingerprint, installationId: key.installationId });
    expect(renamed.publicKeyFile).toContain('# name: Viet Nam laptop 2');
    const file: ExportedFile = await ok(field, 'exportBundle', { ids: [original.id] });
    expect(file).toMatchObject({ mediaType: 'application/vnd.ccat.bundle', encoding: 'base64', fileName: expect.stringMatching(/\.ccat$/) });

    const inspection = await ok(hq, 'inspectBundle', { contentBase64: file.content });
    expect(inspection).toMatchObject({
      encrypted: false,
      redacted: false,
      signer: { status: 'new', fingerprint: key.fingerprint, installationId: key.installationId, installationName: 'Viet Nam laptop 2' },
      assessments: [{ id: original.id, country: 'VN', relation: 'new', attachments: 2 }],
    });
    expect(inspection.entries).toHaveLength(3);

    const asked = await failure(hq, 'importBundle', { contentBase64: file.content });
    expect(asked).toMatchObject({ code: 'UNTRUSTED_SIGNER', details: { reason: 'new-signer', signer: { fingerprint: key.fingerprint } } });
    const imported = await ok(hq, 'importBundle', { contentBase64: file.content, trustNewSigner: true });
    expect(imported.assessments).toEqual([{ id: original.id, storedAs: original.id, title: original.title, outcome: 'imported' }]);
    expect(await ok(hq, 'getAssessment', { id: original.id })).toEqual(original);

    expect(await ok(hq, 'renameSigner', { fingerprint: key.fingerprint, name: 'Viet Nam field team' })).toMatchObject({ name: 'Viet Nam field team' });
    expect((await ok(hq, 'listSigners', {})).map((s) => s.name)).toEqual(['Viet Nam field team']);
    expect(await ok(hq, 'removeSigner', { fingerprint: key.fingerprint })).toEqual({ removed: key.fingerprint });
    expect(await ok(hq, 'listSigners', {})).toEqual([]);
    expect(await ok(hq, 'trustSigner', { publicKeyFile: key.publicKeyFile })).toMatchObject({ fingerprint: key.fingerprint });
  });

  it('refuses bad input at the boundary with a readable path', async () => {
    const hq = await core();
    expect(await failure(hq, 'importBundle', { contentBase64: 'not base64!' })).toMatchObject({ code: 'INVALID_INPUT', message: /contentBase64: the file content is not valid base64/ });
    expect(await failure(hq, 'renameSigner', { fingerprint: 'abc', name: 'x' })).toMatchObject({ code: 'INVALID_INPUT', message: /^fingerprint: must be 8 groups of 4 hex digits/ });
    expect(await failure(hq, 'removeSigner', { fingerprint: '0000 0000 0000 0000 0000 0000 0000 0000' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(hq, 'exportBundle', { ids: [] })).toMatchObject({ code: 'INVALID_INPUT', message: /^ids: / });
    expect(await failure(hq, 'exportBundle', { ids: ['x'], passphrase: 'short' })).toMatchObject({ code: 'INVALID_INPUT', message: /^passphrase: use at least 8 characters/ });
  });
});
