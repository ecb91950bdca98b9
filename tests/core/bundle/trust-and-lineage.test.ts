import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../core/model/assessment';
import { coreFailure, snapshotTree } from '../store/helpers';
import { useTempDirs } from '../temp-dir';
import { bytesOf, seedWithAttachments, useFolders, type Folder } from './helpers';

const tempDir = useTempDirs();
const folder = useFolders();

async function fieldLaptop(name = 'Field laptop') {
  const dir = await tempDir();
  const original = await seedWithAttachments(dir);
  return { original, laptop: await folder(dir, name) };
}

async function bundle(from: Folder, id: string): Promise<Uint8Array> {
  return bytesOf((await from.exchange.exportBundle({ ids: [id], recipients: [], redact: false })).content);
}

/** A change as the editor makes it: new revision, one more history entry. */
async function edit(at: Folder, id: string, title: string): Promise<Assessment> {
  const current = await at.store.get(id);
  const next = {
    ...current,
    title,
    revision: current.revision + 1,
    updatedAt: '2026-03-11T09:00:00.000Z',
    history: [...current.history, { at: '2026-03-11T09:00:00.000Z', by: 'Hanako Yamada', field: 'title', from: current.title, to: title }],
  };
  await at.store.save(next);
  return next;
}

const importInto = (target: Folder, bytes: Uint8Array, options: { trustNewSigner?: boolean; keepDivergedAsCopy?: boolean } = {}) =>
  target.exchange.importBundle({ bytes, trustNewSigner: options.trustNewSigner ?? false, keepDivergedAsCopy: options.keepDivergedAsCopy ?? false });

describe('trust in signers', () => {
  it('a signer seen for the first time needs confirmation; then it is known', async () => {
    const { original, laptop } = await fieldLaptop();
    const file = await bundle(laptop, original.id);
    const key = await laptop.exchange.installationKey();
    const hq = await folder(await tempDir(), 'HQ desk');
    const before = await snapshotTree(hq.dataDir);
    const error = await coreFailure(importInto(hq, file));
    expect(error.code).toBe('UNTRUSTED_SIGNER');
    expect(error.message).toContain(`"Field laptop", an installation this data folder has not seen before (fingerprint ${key.fingerprint})`);
    expect((error.details as { signer: { fingerprint: string; status: string } }).signer).toMatchObject({ fingerprint: key.fingerprint, status: 'new' });
    expect(await snapshotTree(hq.dataDir)).toEqual(before);

    expect((await hq.exchange.inspectBundle(file, {})).signer).toMatchObject({ status: 'new', installationName: 'Field laptop' });
    expect((await importInto(hq, file, { trustNewSigner: true })).signerAdded).toBe(true);
    expect(await hq.exchange.listSigners()).toEqual([
      expect.objectContaining({ fingerprint: key.fingerprint, name: 'Field laptop', installationId: key.installationId, firstSeen: '2026-03-10T08:00:00.000Z' }),
    ]);
    await hq.exchange.renameSigner(key.fingerprint, 'Viet Nam team (Hanako)');
    expect((await hq.exchange.inspectBundle(file, {})).signer).toMatchObject({ status: 'known', knownAs: 'Viet Nam team (Hanako)' });
  });

  it('a known installation signing with another key is a loud KEY_CHANGED refusal, until the old key is removed', async () => {
    const { original, laptop } = await fieldLaptop();
    const hq = await folder(await tempDir(), 'HQ desk');
    await importInto(hq, await bundle(laptop, original.id), { trustNewSigner: true });
    const { original: other, laptop: impostor } = await fieldLaptop('Field laptop');
    const forged = await bundle(impostor, (await edit(impostor, other.id, 'Changed by someone else')).id);
    const before = await snapshotTree(hq.dataDir);
    const error = await coreFailure(importInto(hq, forged, { trustNewSigner: true, keepDivergedAsCopy: true }));
    expect(error.code).toBe('KEY_CHANGED');
    expect(error.message).toMatch(/^WARNING: this file claims to come from "Field laptop".*signed with a different key/);
    expect(await snapshotTree(hq.dataDir)).toEqual(before);
    await coreFailure(hq.exchange.inspectBundle(forged, {})).then((e) => expect(e.code).toBe('KEY_CHANGED'));

    // Its owner confirmed a reinstall: the person removes the old key on purpose, then the new one is asked about as new.
    await hq.exchange.removeSigner((await laptop.exchange.installationKey()).fingerprint);
    expect((await coreFailure(importInto(hq, forged))).code).toBe('UNTRUSTED_SIGNER');
    expect((await importInto(hq, forged, { trustNewSigner: true })).assessments[0]!.outcome).toBe('updated');
  });

  it('a public key file trusted beforehand makes its files import without a question; a changed one is refused', async () => {
    const { original, laptop } = await fieldLaptop();
    const hq = await folder(await tempDir(), 'HQ desk');
    const { publicKeyFile, fingerprint } = await laptop.exchange.installationKey();
    const tampered = publicKeyFile.replace(/ccat-ed25519 (.)/, (_, c: string) => `ccat-ed25519 ${c === 'A' ? 'B' : 'A'}`);
    expect((await coreFailure(hq.exchange.trustSigner(tampered))).message).toMatch(/the file was changed|no valid Ed25519 key/);
    expect(await hq.exchange.trustSigner(publicKeyFile)).toMatchObject({ fingerprint, name: 'Field laptop' });
    const result = await importInto(hq, await bundle(laptop, original.id));
    expect(result).toMatchObject({ signerAdded: false, signer: { status: 'known' } });
  });
});

describe('the same assessment again', () => {
  async function sharedOnce() {
    const { original, laptop } = await fieldLaptop();
    const hq = await folder(await tempDir(), 'HQ desk');
    const first = await bundle(laptop, original.id);
    await importInto(hq, first, { trustNewSigner: true });
    return { original, laptop, hq, first };
  }

  it('a later revision of the same lineage updates it and records the import in its history', async () => {
    const { original, laptop, hq } = await sharedOnce();
    const edited = await edit(laptop, original.id, 'Viet Nam, after the second visit');
    const result = await hq.exchange.importBundle({ bytes: await bundle(laptop, original.id), trustNewSigner: false, keepDivergedAsCopy: false, by: 'HQ analyst' });
    expect(result.assessments).toEqual([{ id: original.id, storedAs: original.id, title: edited.title, outcome: 'updated' }]);
    const stored = await hq.store.get(original.id);
    expect(stored.revision).toBe(edited.revision);
    expect(stored.history.slice(0, -1)).toEqual(edited.history);
    expect(stored.history.at(-1)).toMatchObject({ field: 'import', by: 'HQ analyst', to: { revision: edited.revision, installation: 'Field laptop' } });

    // The import record is local: the next revision from the laptop still follows on.
    const again = await edit(laptop, original.id, 'Viet Nam, final');
    expect((await importInto(hq, await bundle(laptop, original.id))).assessments[0]!.outcome).toBe('updated');
    expect((await hq.store.get(original.id)).history.filter((e) => e.field !== 'import')).toEqual(again.history);
  });

  it('an older copy is refused as DIVERGED, and can be kept as a separate copy linked to the original', async () => {
    const { original, laptop, hq, first } = await sharedOnce();
    await edit(laptop, original.id, 'Viet Nam, after the second visit');
    await importInto(hq, await bundle(laptop, original.id));
    const before = await snapshotTree(hq.dataDir);
    const error = await coreFailure(importInto(hq, first));
    expect(error.code).toBe('DIVERGED');
    expect(error.details).toMatchObject({ reason: 'older', id: original.id, choices: ['keep-as-copy', 'merge'] });
    expect(error.message).toMatch(/an older copy of .* \(revision \d+; this data folder has revision \d+\)\. It was not applied/);
    expect(await snapshotTree(hq.dataDir)).toEqual(before);
    expect((await hq.exchange.inspectBundle(first, {})).assessments[0]!.relation).toBe('diverged');

    const kept = await importInto(hq, first, { keepDivergedAsCopy: true });
    const copy = kept.assessments[0]!;
    expect(copy).toMatchObject({ id: original.id, outcome: 'copied' });
    expect(copy.storedAs).not.toBe(original.id);
    const stored = await hq.store.get(copy.storedAs);
    expect(stored.history.at(-1)).toMatchObject({ field: 'import', to: { copyOf: original.id } });
    expect(stored.responses).toEqual(original.responses);
    // Attachments are stored by digest: the copy added no file.
    expect((await readdir(join(hq.dataDir, 'attachments'))).sort()).toEqual(original.attachments.map((a) => a.id).sort());
  });

  it('a copy changed on both sides is refused as DIVERGED, never silently applied', async () => {
    const { original, laptop, hq } = await sharedOnce();
    await edit(hq, original.id, 'Edited at HQ');
    await edit(laptop, original.id, 'Edited in the field');
    const error = await coreFailure(importInto(hq, await bundle(laptop, original.id)));
    expect(error.code).toBe('DIVERGED');
    expect(error.details).toMatchObject({ reason: 'diverged' });
    expect((await hq.store.get(original.id)).title).toBe('Edited at HQ');
  });
});
