import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { armor } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { newHqIdentity, parseIdentityFile } from '../../../core/bundle/encryption';
import { people, secretOrganisation } from '../report/report-fixture';
import { useTempDirs } from '../temp-dir';
import { coreFailure } from '../store/helpers';
import { bytesOf, entriesOf, now, seedWithAttachments, useFolders } from './helpers';

const tempDir = useTempDirs();
const folder = useFolders();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function exported(options: { recipients?: string[]; passphrase?: string; redact?: boolean } = {}) {
  const dir = await tempDir();
  const original = await seedWithAttachments(dir);
  const source = await folder(dir, 'Field laptop 1');
  const file = await source.exchange.exportBundle({ ids: [original.id], recipients: options.recipients ?? [], redact: options.redact ?? false, ...(options.passphrase ? { passphrase: options.passphrase } : {}) });
  return { original, source, file, bytes: bytesOf(file.content) };
}

async function expectSameInEmptyFolder(bytes: Uint8Array, original: Awaited<ReturnType<typeof exported>>['original'], unlock: { identities?: string[]; passphrase?: string } = {}) {
  const target = await folder(await tempDir(), 'HQ desk');
  const result = await target.exchange.importBundle({ bytes, ...unlock, trustNewSigner: true, keepDivergedAsCopy: false });
  expect(result.assessments).toEqual([{ id: original.id, storedAs: original.id, title: original.title, outcome: 'imported' }]);
  expect(result.signerAdded).toBe(true);
  const imported = await target.store.get(original.id);
  expect(JSON.stringify(imported)).toBe(JSON.stringify(original));
  expect(imported.history.length).toBeGreaterThan(5);
  expect(original.attachments).toHaveLength(2);
  for (const meta of original.attachments) {
    expect(sha256(await readFile(join(target.dataDir, 'attachments', meta.id)))).toBe(meta.id);
  }
  return target;
}

describe('.ccat round trip', () => {
  it('bundle → import into an empty folder gives the same assessment, attachments and history', async () => {
    const { original, file, bytes } = await exported();
    expect(file.fileName).toBe('Viet-Nam-national-assessment-March-2026-VN-2026-03-10.ccat');
    expect(file.verified).toMatch(/^\.ccat re-read: 3 entries match their SHA-256 digests, Ed25519 signature valid \(signer [0-9A-F]{4}( [0-9A-F]{4}){7}\)$/);
    const entries = await entriesOf(bytes);
    expect([...entries.keys()].sort()).toEqual([`assessment/${original.id}.json`, ...original.attachments.map((a) => `attachments/${a.id}`).sort(), 'manifest.json', 'signature.json'].sort());
    await expectSameInEmptyFolder(bytes, original);
  });

  it('encrypted to HQ: the file reveals nothing, and HQ’s identity opens it', async () => {
    const hq = await newHqIdentity(now());
    const { original, file, bytes } = await exported({ recipients: [hq.recipient] });
    expect(file.verified).toMatch(/re-read and decrypted/);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('age-encryption.org/v1\n')).toBe(true);
    for (const secret of ['manifest.json', original.id, 'Viet Nam', people[0]]) expect(text).not.toContain(secret);
    await expectSameInEmptyFolder(bytes, original, { identities: parseIdentityFile(hq.identityFile) });
  });

  it('with a passphrase: the passphrase opens it', async () => {
    const { original, bytes } = await exported({ passphrase: 'correct horse battery staple' });
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
    await expectSameInEmptyFolder(bytes, original, { passphrase: 'correct horse battery staple' });
  });

  it('an ASCII-armored age file (as `age -a` writes it) opens too', async () => {
    const hq = await newHqIdentity(now());
    const { original, bytes } = await exported({ recipients: [hq.recipient] });
    const armored = new TextEncoder().encode(armor.encode(bytes));
    expect(new TextDecoder().decode(armored)).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    await expectSameInEmptyFolder(armored, original, { identities: parseIdentityFile(hq.identityFile) });
  });

  it('redacted: no names of people and no non-attributable organisation in any entry', async () => {
    const { bytes } = await exported({ redact: true });
    const all = [...(await entriesOf(bytes)).values()].map((b) => Buffer.from(b).toString('utf8')).join('\n');
    for (const secret of [...people, secretOrganisation]) expect(all).not.toContain(secret);
    expect(JSON.parse(Buffer.from((await entriesOf(bytes)).get('manifest.json')!).toString('utf8'))).toMatchObject({ redacted: true, createdBy: '[redacted]' });
  });

  it('importing the same file twice stores it once: the second time is "unchanged", attachments kept once', async () => {
    const { original, bytes } = await exported();
    const target = await expectSameInEmptyFolder(bytes, original);
    const before = await stat(join(target.dataDir, 'attachments', original.attachments[0]!.id));
    const again = await target.exchange.importBundle({ bytes, trustNewSigner: false, keepDivergedAsCopy: false });
    expect(again.assessments[0]!.outcome).toBe('unchanged');
    expect(again.signer.status).toBe('known');
    expect((await stat(join(target.dataDir, 'attachments', original.attachments[0]!.id))).mtimeMs).toBe(before.mtimeMs);
  });

  it('keeps the private key owner-only and never puts it in a bundle or the public key file', async () => {
    const { source, bytes } = await exported();
    const keyFile = join(source.dataDir, 'keys', 'installation.key');
    if (process.platform !== 'win32') expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const pem = await readFile(keyFile, 'utf8');
    const body = pem.split('\n')[1]!;
    const info = await source.exchange.installationKey();
    expect(info.publicKeyFile).not.toContain(body);
    expect(info.publicKeyFile).toContain(`# fingerprint: ${info.fingerprint}`);
    expect(Buffer.from(bytes).toString('latin1')).not.toContain(body);
    expect(info).not.toHaveProperty('sign');
  });

  it('refuses recipients and a passphrase together: age encrypts to one or the other', async () => {
    const hq = await newHqIdentity(now());
    const dir = await tempDir();
    const original = await seedWithAttachments(dir);
    const source = await folder(dir);
    const error = await coreFailure(source.exchange.exportBundle({ ids: [original.id], recipients: [hq.recipient], passphrase: 'long enough phrase', redact: false }));
    expect(error.message).toMatch(/recipients or with a passphrase, not both/);
  });
});
