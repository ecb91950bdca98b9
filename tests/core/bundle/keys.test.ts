import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fingerprintOf,
  installationKey,
  KEYS_FOLDER,
  parsePublicKeyFile,
  readInstallationKey,
  renameInstallation,
  verifySignature,
  writeSecretFile,
  type KeyOptions,
} from '../../../core/bundle/keys.node.ts';
import { coreFailure, exists, thrownRefusal } from '../store/helpers';
import { useTempDirs } from '../temp-dir';

const tempDir = useTempDirs();
const options: KeyOptions = { now: () => new Date('2026-12-01T09:00:00Z'), newId: () => 'inst-0001', defaultName: '  Hanoi laptop  ' };
const mode = async (path: string) => (await stat(path)).mode & 0o777;
const bytes = new TextEncoder().encode('the bytes a .ccat file signs');

describe('the installation key', () => {
  it('is made once, with a new id, the trimmed computer name and the time, the private parts readable by their owner only', async () => {
    const dataDir = await tempDir();
    const key = await installationKey(dataDir, options);
    expect(key).toMatchObject({ installationId: 'inst-0001', name: 'Hanoi laptop', createdAt: '2026-12-01T09:00:00.000Z' });
    const folder = join(dataDir, KEYS_FOLDER);
    expect(await mode(folder)).toBe(0o700);
    expect(await mode(join(folder, 'installation.key'))).toBe(0o600);
    expect(await mode(join(folder, 'installation.json'))).toBe(0o600);
    expect(await readFile(join(folder, 'installation.pub'), 'utf8')).toBe(key.publicKeyFile);
    expect(JSON.parse(await readFile(join(folder, 'installation.json'), 'utf8'))).toEqual({ schemaVersion: 1, id: 'inst-0001', name: 'Hanoi laptop', createdAt: '2026-12-01T09:00:00.000Z' });

    const again = await installationKey(dataDir, { ...options, newId: () => 'another id' });
    expect([again.installationId, again.fingerprint, again.publicKey]).toEqual([key.installationId, key.fingerprint, key.publicKey]);
  });

  it('is named "CCAT" when the computer has no name', async () => {
    expect((await installationKey(await tempDir(), { ...options, defaultName: '   ' })).name).toBe('CCAT');
  });

  it('signs so that its public key verifies, and a changed byte, another key or garbage does not', async () => {
    const key = await installationKey(await tempDir(), options);
    const signature = key.sign(bytes);
    expect(verifySignature(key.publicKey, bytes, signature)).toBe(true);
    const changed = new Uint8Array(bytes);
    changed[0]! ^= 1;
    expect(verifySignature(key.publicKey, changed, signature)).toBe(false);
    const other = await installationKey(await tempDir(), options);
    expect(verifySignature(other.publicKey, bytes, signature)).toBe(false);
    expect(verifySignature('not base64 at all', bytes, signature)).toBe(false);
    expect(verifySignature(key.publicKey, bytes, 'AAAA')).toBe(false);
  });

  it('has a fingerprint of the SHA-256 of the raw key: 32 hex digits in groups of 4', () => {
    // SHA-256 of 32 zero bytes is 66687aad f862bd77 6c8fc18b 8e9f8e20 0897…
    expect(fingerprintOf(new Uint8Array(32))).toBe('6668 7AAD F862 BD77 6C8F C18B 8E9F 8E20');
  });

  it('is renamed without changing its id or key, and its public key file says the new name', async () => {
    const dataDir = await tempDir();
    const key = await installationKey(dataDir, options);
    const renamed = await renameInstallation(dataDir, '  Hanoi laptop (Mai)  ', options);
    expect(renamed).toMatchObject({ installationId: key.installationId, fingerprint: key.fingerprint, createdAt: key.createdAt, name: 'Hanoi laptop (Mai)' });
    expect(JSON.parse(await readFile(join(dataDir, KEYS_FOLDER, 'installation.json'), 'utf8'))).toMatchObject({ id: 'inst-0001', name: 'Hanoi laptop (Mai)' });
    const file = await readFile(join(dataDir, KEYS_FOLDER, 'installation.pub'), 'utf8');
    expect(file).toBe(renamed.publicKeyFile);
    expect(parsePublicKeyFile(file)).toEqual({ name: 'Hanoi laptop (Mai)', installationId: key.installationId, fingerprint: key.fingerprint, publicKey: key.publicKey });
    expect((await readInstallationKey(dataDir))?.name).toBe('Hanoi laptop (Mai)');
  });
});

describe('reading the installation key', () => {
  it('finds none in a new folder and creates nothing', async () => {
    const dataDir = await tempDir();
    expect(await readInstallationKey(dataDir)).toBeUndefined();
    expect(await exists(join(dataDir, KEYS_FOLDER))).toBe(false);
  });

  it.each([
    ['installation.json is missing', async (folder: string) => rm(join(folder, 'installation.json'))],
    ['installation.json is not valid', async (folder: string) => writeFile(join(folder, 'installation.json'), '{"schemaVersion":1,"id":"x"}')],
    ['installation.key is not a private key', async (folder: string) => writeFile(join(folder, 'installation.key'), '-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n')],
    [
      'installation.key is not an Ed25519 key',
      async (folder: string) => writeFile(join(folder, 'installation.key'), generateKeyPairSync('x25519').privateKey.export({ format: 'pem', type: 'pkcs8' })),
    ],
  ])('refuses a damaged key folder (%s) and makes no new key', async (problem, damage) => {
    const dataDir = await tempDir();
    const key = await installationKey(dataDir, options);
    const folder = join(dataDir, KEYS_FOLDER);
    await damage(folder);
    const error = await coreFailure(readInstallationKey(dataDir));
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toBe(
      `The installation key in ${folder} is damaged (${problem}). CCAT will not make a new key on its own, because people who trust this installation know the old one; restore the folder from a backup or remove it to start with a new key.`,
    );
    expect(error.details).toEqual({ folder });
    expect((await coreFailure(installationKey(dataDir, options))).code).toBe('DAMAGED_FILE');
    expect(await readFile(join(folder, 'installation.pub'), 'utf8')).toBe(key.publicKeyFile);
  });

  it('reads the identity it wrote as whoever edits the folder may leave it: a time with an offset, a name with spaces around it', async () => {
    const dataDir = await tempDir();
    const key = await installationKey(dataDir, options);
    const file = join(dataDir, KEYS_FOLDER, 'installation.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...stored, name: '  Hanoi laptop  ', createdAt: '2026-12-01T18:00:00+09:00' }));
    expect(await readInstallationKey(dataDir)).toMatchObject({ installationId: key.installationId, name: 'Hanoi laptop', createdAt: '2026-12-01T18:00:00+09:00' });
  });

  it.each([
    ['a blank name', { name: '   ' }],
    ['a name over 200 characters', { name: 'n'.repeat(201) }],
  ])('refuses an identity with %s as damaged', async (_problem, change) => {
    const dataDir = await tempDir();
    await installationKey(dataDir, options);
    const file = join(dataDir, KEYS_FOLDER, 'installation.json');
    await writeFile(file, JSON.stringify({ ...(JSON.parse(await readFile(file, 'utf8')) as object), ...change }));
    expect(await coreFailure(readInstallationKey(dataDir))).toMatchObject({ code: 'DAMAGED_FILE', message: expect.stringContaining('(installation.json is not valid)') });
  });

  it('reports a key file it cannot read instead of taking it for missing', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, KEYS_FOLDER, 'installation.key'), { recursive: true });
    await expect(readInstallationKey(dataDir)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('secret files (HQ identities)', () => {
  it('are written for their owner only and never over an existing file', async () => {
    const path = join(await tempDir(), 'hq.key');
    await writeSecretFile(path, 'AGE-SECRET-KEY-1…\n');
    expect(await mode(path)).toBe(0o600);
    const error = await coreFailure(writeSecretFile(path, 'another key'));
    expect(error).toMatchObject({ code: 'CONFLICT', message: `${path} already exists; CCAT never overwrites a key file. Choose another name.`, details: { path } });
    expect(await readFile(path, 'utf8')).toBe('AGE-SECRET-KEY-1…\n');
  });
});

const invalid = (message: string) => ({ code: 'INVALID_INPUT', message });

describe('public key files', () => {
  it('read back what an installation wrote, with Windows line ends and pasted indentation too', async () => {
    const key = await installationKey(await tempDir(), options);
    const expected = { name: 'Hanoi laptop', installationId: 'inst-0001', fingerprint: key.fingerprint, publicKey: key.publicKey };
    expect(parsePublicKeyFile(key.publicKeyFile)).toEqual(expected);
    expect(parsePublicKeyFile(key.publicKeyFile.replaceAll('\n', '\r\n'))).toEqual(expected);
    // Pasted from an e-mail: indented, with spaces after the labels and at the line ends.
    expect(parsePublicKeyFile(key.publicKeyFile.split('\n').map((line) => `   ${line.replace(': ', ':   ')}  `).join('\n'))).toEqual(expected);
    expect(key.publicKeyFile.split('\n')).toEqual([
      '# CCAT installation public key. Whoever imports .ccat files from this installation',
      '# compares the fingerprint below with its owner (read it aloud) before trusting it.',
      '# name: Hanoi laptop',
      '# installation: inst-0001',
      `# fingerprint: ${key.fingerprint}`,
      `ccat-ed25519 ${key.publicKey}`,
      '',
    ]);
  });

  it('name the key by its fingerprint when the file gives no name, and cut long names and ids', async () => {
    const key = await installationKey(await tempDir(), options);
    expect(parsePublicKeyFile(`ccat-ed25519 ${key.publicKey}\n`)).toEqual({ name: key.fingerprint, installationId: '', fingerprint: key.fingerprint, publicKey: key.publicKey });
    const long = parsePublicKeyFile(`# name: ${'n'.repeat(300)}\n# installation: ${'i'.repeat(300)}\nccat-ed25519 ${key.publicKey}\n`);
    expect([long.name.length, long.installationId.length]).toEqual([200, 100]);
  });

  it('keep a name with a line break on its one line', async () => {
    const dataDir = await tempDir();
    await installationKey(dataDir, options);
    const renamed = await renameInstallation(dataDir, 'Hanoi\nlaptop', options);
    expect(renamed.publicKeyFile).toContain('# name: Hanoi laptop\n');
  });

  it('refuse a file that is far too long, has no key line, holds a private key or claims another fingerprint', async () => {
    const key = await installationKey(await tempDir(), options);
    expect(thrownRefusal(() => parsePublicKeyFile(`${'#'.repeat(4097)}`))).toEqual(invalid('This is not a CCAT public key file: it is far too long.'));
    const keyLine = `ccat-ed25519 ${key.publicKey}`;
    // 4,096 characters exactly is still read.
    expect(parsePublicKeyFile(`${'#'.repeat(4096 - keyLine.length - 1)}\n${keyLine}`).fingerprint).toBe(key.fingerprint);
    expect(thrownRefusal(() => parsePublicKeyFile('# name: x\nssh-ed25519 AAAA\n'))).toEqual(invalid('This is not a CCAT public key file: no line "ccat-ed25519 <key>" was found.'));
    const privateHint = 'This is not a CCAT public key file: no line "ccat-ed25519 <key>" was found. It looks like a private key: never pass that on.';
    expect(thrownRefusal(() => parsePublicKeyFile('AGE-SECRET-KEY-1ABC\n'))).toEqual(invalid(privateHint));
    expect(thrownRefusal(() => parsePublicKeyFile('-----BEGIN PRIVATE KEY-----\nMC4CAQ\n'))).toEqual(invalid(privateHint));
    // The key line is the whole line: nothing before the label, nothing after the key.
    for (const line of [`x${keyLine}`, `${keyLine}x`, `${keyLine} extra`]) {
      expect(thrownRefusal(() => parsePublicKeyFile(`${line}\n`)), line).toEqual(invalid('This is not a CCAT public key file: no line "ccat-ed25519 <key>" was found.'));
    }
    const other = '0000 0000 0000 0000 0000 0000 0000 0000';
    expect(thrownRefusal(() => parsePublicKeyFile(key.publicKeyFile.replace(key.fingerprint, other)))).toEqual(
      invalid(`This public key file says its fingerprint is ${other}, but the key's fingerprint is ${key.fingerprint}: the file was changed.`),
    );
  });
});
