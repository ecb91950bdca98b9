import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSignedZip } from '../../../core/bundle/create.node.ts';
import { encryptBundle } from '../../../core/bundle/encryption';
import { canonicalJson, type BundleSignature } from '../../../core/bundle/format';
import { installationKey, type InstallationKey } from '../../../core/bundle/keys.node.ts';
import { sha256 } from '../../../core/bundle/open.node.ts';
import { signatureEntryText } from '../../../core/bundle/signature-entry.node.ts';
import { writeZip } from '../../../core/bundle/zip.node.ts';
import { ASSESSMENT_SCHEMA_VERSION, type Assessment } from '../../../core/model/assessment';
import { coreFailure, snapshotTree } from '../store/helpers';
import { useTempDirs } from '../temp-dir';
import { entriesOf, now, useFolders } from './helpers';

const tempDir = useTempDirs();
const folder = useFolders();
const v1Path = join(import.meta.dirname, '..', '..', 'fixtures', 'store', 'assessment-v1.json');
// v1 had no attachment list; an empty one lets the writer (made for current documents) list none.
const v1 = async () => ({ ...(JSON.parse(await readFile(v1Path, 'utf8')) as Record<string, unknown> & { id: string; title: string }), attachments: [] });
const entry = 'assessment/v1-fixture-0001.json';
/** The v1 fixture as a current-format document: what the file-level checks accept. */
const current = async () => ({
  ...(await v1()),
  schemaVersion: ASSESSMENT_SCHEMA_VERSION,
  languages: ['en'],
  scope: { kind: 'national', name: '' },
  context: { donorSupport: {}, notes: '' },
  responses: {},
  sessions: [],
  attachments: [],
  plan: { decisions: {}, order: [], customActions: [], importance: {} },
});

/**
 * These files are correctly signed by a real installation key, yet their content is wrong or
 * old: they pass digests and signature and so reach the checks that come after.
 */
async function fieldKey(): Promise<InstallationKey> {
  return installationKey(await tempDir(), { now, newId: () => 'field-installation', defaultName: 'Field laptop' });
}

async function signed(assessments: unknown[], key?: InstallationKey, readAttachment?: (digest: string) => Promise<Uint8Array>) {
  return createSignedZip({
    assessments: assessments as Assessment[],
    readAttachment: readAttachment ?? (() => Promise.reject(new Error('no attachments'))),
    key: key ?? (await fieldKey()),
    appVersion: '0.0.0-test',
    createdAt: now(),
    createdBy: 'tester',
    redact: false,
  });
}

/** Changes entries, then lists them in the manifest and signs it again, as a careless or hostile signer would. */
async function resigned(
  file: Uint8Array,
  key: InstallationKey,
  change: (entries: Map<string, Uint8Array>, manifest: Record<string, unknown>) => void,
  editSignature: (signature: BundleSignature) => BundleSignature = (signature) => signature,
) {
  const entries = await entriesOf(file);
  const manifest = JSON.parse(Buffer.from(entries.get('manifest.json')!).toString('utf8')) as Record<string, unknown>;
  entries.delete('manifest.json');
  entries.delete('signature.json');
  change(entries, manifest);
  manifest.entries = [...entries].map(([name, bytes]) => ({ name, size: bytes.length, sha256: sha256(bytes) }));
  const manifestBytes = new TextEncoder().encode(canonicalJson(manifest));
  const signature = editSignature({ algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint, signature: key.sign(manifestBytes) });
  return writeZip([...[...entries].map(([name, bytes]) => ({ name, bytes })), { name: 'manifest.json', bytes: manifestBytes }, { name: 'signature.json', bytes: new TextEncoder().encode(signatureEntryText(signature)) }]);
}

/** The file with its manifest replaced by `text` (the signature then no longer matches, but the format is checked first). */
async function rezipManifest(file: Uint8Array, text: string): Promise<Uint8Array> {
  const entries = await entriesOf(file);
  entries.set('manifest.json', new TextEncoder().encode(text));
  return writeZip([...entries].map(([name, bytes]) => ({ name, bytes })));
}

async function refusedBy(file: Uint8Array, hasFramework?: (id: string, version: string) => boolean) {
  const target = await folder(await tempDir(), 'HQ desk', hasFramework);
  const before = await snapshotTree(target.dataDir);
  const error = await coreFailure(target.exchange.importBundle({ bytes: file, trustNewSigner: true, keepDivergedAsCopy: false }));
  expect(await snapshotTree(target.dataDir)).toEqual(before);
  return error;
}

describe('a correctly signed file', () => {
  it('holding an assessment in an older format is migrated on import', async () => {
    const old = await v1();
    const target = await folder(await tempDir(), 'HQ desk');
    const result = await target.exchange.importBundle({ bytes: await signed([old]), trustNewSigner: true, keepDivergedAsCopy: false });
    expect(result.assessments).toEqual([{ id: old.id, storedAs: old.id, title: old.title, outcome: 'imported' }]);
    const stored = await target.store.get(old.id);
    expect(stored.schemaVersion).toBe(ASSESSMENT_SCHEMA_VERSION);
    expect(stored.scope).toEqual({ kind: 'national', name: 'National CSIRT and critical infrastructure' });
  });

  it('whose old assessment cannot be migrated is refused, naming the entry', async () => {
    const error = await refusedBy(await signed([{ ...(await v1()), responses: { x: { level: 'seven' } } }]));
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'migration', entry } });
    expect(error.message).toMatch(/could not be brought up to date: response "x" has an unknown level "seven"/);
  });

  it('rated on a framework version this CCAT does not have is refused, naming it', async () => {
    const error = await refusedBy(await signed([await v1()]), (id) => id === 'ccat');
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'unknown-framework', entry, field: 'frameworkVersion' } });
    expect(error.message).toMatch(/framework ccat-core version 0\.9\.0, which this CCAT does not have/);
  });

  it('from a newer bundle format is refused with "update CCAT"', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (_, manifest) => (manifest.formatVersion = 2));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'newer-version', entry: 'manifest.json', field: 'formatVersion' } });
    expect(error.message).toMatch(/made by a newer CCAT \(bundle format 2\); update CCAT/);
  });

  it('whose format version is the text "2" is refused as not matching the format, not as newer', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (_, manifest) => (manifest.formatVersion = '2'));
    expect((await refusedBy(file)).details).toMatchObject({ reason: 'schema', entry: 'manifest.json', field: 'formatVersion' });
  });

  it('holding an assessment entry not listed beside two that are, names the unlisted one', async () => {
    const key = await fieldKey();
    const second = { ...(await v1()), id: 'v1-fixture-0002' };
    const file = await resigned(await signed([await v1(), second], key), key, (entries) => entries.set('assessment/v1-fixture-0003.json', entries.get(entry)!));
    expect((await refusedBy(file)).details).toMatchObject({ reason: 'unlisted-entry', entry: 'assessment/v1-fixture-0003.json' });
  });

  it('missing an attachment its assessment refers to is refused, naming the field', async () => {
    const key = await fieldKey();
    const bytes = new TextEncoder().encode('evidence');
    const meta = { id: sha256(bytes), fileName: 'decree.pdf', mediaType: 'application/pdf', size: bytes.length, addedAt: '2023-05-03T00:00:00.000Z', addedBy: 'x' };
    const withAttachment = { ...(await current()), attachments: [meta] };
    const file = await resigned(await signed([withAttachment], key, async () => bytes), key, (entries) => entries.delete(`attachments/${meta.id}`));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'missing-attachment', field: 'attachments.0.id' } });
    expect(error.message).toMatch(/refers to an attachment \(decree\.pdf\) that the file does not contain/);
  });

  it('with an attachment stored under another file’s digest is refused', async () => {
    const key = await fieldKey();
    const digest = sha256(new TextEncoder().encode('the real file'));
    const file = await resigned(await signed([await v1()], key), key, (entries) => entries.set(`attachments/${digest}`, new TextEncoder().encode('something else')));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'attachment-digest', entry: `attachments/${digest}` } });
    expect(error.message).toBe(`The entry "attachments/${digest}" does not hold the file its name promises (its SHA-256 differs).`);
  });

  it('whose manifest lists an assessment twice is refused', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (_, manifest) => {
      const listed = manifest.assessments as unknown[];
      manifest.assessments = [...listed, ...listed];
    });
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'schema', entry: 'manifest.json', field: 'assessments' } });
    expect(error.message).toBe('The manifest lists "v1-fixture-0001" twice.');
  });

  it.each([
    ['no schemaVersion', undefined],
    ['schemaVersion 0', 0],
    ['a fractional schemaVersion', 1.5],
    ['a schemaVersion in words', 'one'],
  ])('holding an assessment with %s is refused, naming the field', async (_, schemaVersion) => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (entries) => entries.set(entry, new TextEncoder().encode(JSON.stringify({ ...JSON.parse(Buffer.from(entries.get(entry)!).toString('utf8')), schemaVersion }))));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'schema', entry, field: 'schemaVersion' } });
    expect(error.message).toBe(`The entry "${entry}" has no valid schemaVersion.`);
  });

  it('holding an assessment saved by a newer CCAT is refused with both versions', async () => {
    const key = await fieldKey();
    const newer = ASSESSMENT_SCHEMA_VERSION + 1;
    const file = await resigned(await signed([await v1()], key), key, (entries) => entries.set(entry, new TextEncoder().encode(JSON.stringify({ ...(JSON.parse(Buffer.from(entries.get(entry)!).toString('utf8')) as object), schemaVersion: newer }))));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'newer-version', entry, field: 'schemaVersion' } });
    expect(error.message).toBe(`The assessment in "${entry}" was saved by a newer CCAT (format ${newer}, this CCAT reads up to ${ASSESSMENT_SCHEMA_VERSION}); update CCAT to import it.`);
  });

  it('holding a current-format assessment that breaks the schema is refused, naming the first field and at most three problems', async () => {
    const key = await fieldKey();
    const broken = { ...(await current()), title: 42, country: 5, mode: 'x', status: 'y' };
    const file = await resigned(await signed([await v1()], key), key, (entries) => entries.set(entry, new TextEncoder().encode(JSON.stringify(broken))));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'schema', entry, field: 'title' } });
    expect(error.message).toMatch(new RegExp(`^The entry "${entry.replace(/[./]/g, '\\$&')}" does not match the \\.ccat format: title: .+; country: .+; mode: .+$`));
    expect(error.message).not.toContain('status');
  });

  it('holding an entry that is not UTF-8 is refused, naming it', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (entries) => entries.set(entry, new Uint8Array([0x7b, 0xff, 0x7d])));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'not-json', entry } });
    expect(error.message).toBe(`The entry "${entry}" is not UTF-8 text.`);
  });

  it('holding JSON nested past the limit is refused with the parser\'s own reason', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (entries) => entries.set(entry, new TextEncoder().encode(`${'['.repeat(100)}${']'.repeat(100)}`)));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'too-deep', entry } });
  });

  it('whose manifest lists more assessments than a file may hold is refused, with both counts', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (_, manifest) => {
      const [listed] = manifest.assessments as Record<string, unknown>[];
      manifest.assessments = Array.from({ length: 51 }, (_, i) => ({ ...listed, id: `v1-fixture-${String(i).padStart(4, '0')}` }));
    });
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'schema', entry: 'manifest.json', field: 'assessments' } });
    expect(error.message).toBe('The file holds 51 assessments; a .ccat file may hold at most 50.');
  });

  it('whose manifest lists exactly as many assessments as a file may hold gets past that check', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (_, manifest) => {
      const [listed] = manifest.assessments as Record<string, unknown>[];
      manifest.assessments = Array.from({ length: 50 }, (_, i) => ({ ...listed, id: `v1-fixture-${String(i + 1).padStart(4, '0')}` }));
    });
    // The next check finds the second listed assessment's entry missing.
    expect((await refusedBy(file)).details).toMatchObject({ reason: 'missing-entry', entry: 'assessment/v1-fixture-0002.json' });
  });

  it.each(['manifest.json', entry])('whose %s is JSON null is refused as not matching the format, not a crash', async (name) => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (entries) => {
      if (name === entry) entries.set(entry, new TextEncoder().encode('null'));
    });
    const nulled = name === entry ? file : await rezipManifest(file, 'null');
    const error = await refusedBy(nulled);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'schema', entry: name } });
  });

  it('whose manifest lists an entry twice is refused', async () => {
    const key = await fieldKey();
    const entries = await entriesOf(await signed([await v1()], key));
    const manifest = JSON.parse(Buffer.from(entries.get('manifest.json')!).toString('utf8')) as { entries: unknown[] };
    const twice = await resigned(await signed([await v1()], key), key, () => undefined);
    // resigned lists the entries afresh, so the doubled list is signed by hand here.
    const doubled = { ...manifest, entries: [...manifest.entries, ...manifest.entries] };
    const manifestBytes = new TextEncoder().encode(canonicalJson(doubled));
    const signature = { algorithm: 'Ed25519' as const, publicKey: key.publicKey, fingerprint: key.fingerprint, signature: key.sign(manifestBytes) };
    const rest = [...(await entriesOf(twice))].filter(([name]) => name !== 'manifest.json' && name !== 'signature.json');
    const file = await writeZip([...rest.map(([name, bytes]) => ({ name, bytes })), { name: 'manifest.json', bytes: manifestBytes }, { name: 'signature.json', bytes: new TextEncoder().encode(signatureEntryText(signature)) }]);
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'schema', entry: 'manifest.json', field: 'entries' } });
    expect(error.message).toBe(`The manifest lists "${entry}" twice.`);
  });

  it('whose manifest lists an assessment without its entry is refused, naming the entry', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (_, manifest) => {
      const [listed] = manifest.assessments as Record<string, unknown>[];
      manifest.assessments = [listed, { ...listed, id: 'v1-fixture-0002' }];
    });
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'missing-entry', entry: 'assessment/v1-fixture-0002.json' } });
    expect(error.message).toBe('The manifest lists assessment v1-fixture-0002, but the entry "assessment/v1-fixture-0002.json" is missing.');
  });

  it('holding an assessment entry the manifest does not list among its assessments is refused', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, (entries) => entries.set('assessment/v1-fixture-0003.json', entries.get(entry)!));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'INVALID_BUNDLE', details: { reason: 'unlisted-entry', entry: 'assessment/v1-fixture-0003.json' } });
    expect(error.message).toBe('The entry "assessment/v1-fixture-0003.json" is not listed among the manifest\'s assessments.');
  });

  it('whose signature names a fingerprint that is not its key\'s is refused', async () => {
    const key = await fieldKey();
    const file = await resigned(await signed([await v1()], key), key, () => undefined, (signature) => ({ ...signature, fingerprint: 'SHA256:forged' }));
    const error = await refusedBy(file);
    expect(error).toMatchObject({ code: 'TAMPERED', details: { reason: 'bad-signature', entry: 'signature.json', field: 'fingerprint' } });
    expect(error.message).toBe(`The fingerprint in signature.json (SHA256:forged) is not the fingerprint of its key (${key.fingerprint}).`);
  });

  it('whose passphrase protection asks for more memory than allowed is refused before any work', async () => {
    const { bytes } = await encryptBundle(await signed([await v1()]), { recipients: [], passphrase: 'a long passphrase', scryptWorkFactor: 10 });
    const costly = Buffer.from(Buffer.from(bytes).toString('latin1').replace(/(-> scrypt \S+) 10\n/, '$1 22\n'), 'latin1');
    const target = await folder(await tempDir(), 'HQ desk');
    const error = await coreFailure(target.exchange.importBundle({ bytes: new Uint8Array(costly), passphrase: 'a long passphrase', trustNewSigner: true, keepDivergedAsCopy: false }));
    expect(error).toMatchObject({ code: 'CANNOT_DECRYPT', details: { reason: 'scrypt-too-costly' } });
  });
});
