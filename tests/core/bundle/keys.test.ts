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
import { coreFailure, exists, thrownMessage } from '../store/helpers';
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

describe('public key files', () => {
  it('read back what an installation wrote, with Windows line ends too', async () => {
    const key = await installationKey(await tempDir(), options);
    const expected = { name: 'Hanoi laptop', installationId: 'inst-0001', fingerprint: key.fingerprint, publicKey: key.publicKey };
    expect(parsePublicKeyFile(key.publicKeyFile)).toEqual(expected);
    expect(parsePublicKeyFile(key.publicKeyFile.replaceAll('\n', '\r\n'))).toEqual(expected);
    expect(key.publicKeyFile.split('\n').slice(2)).toEqual([
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
    expect(thrownMessage(() => parsePublicKeyFile(`${'#'.repeat(4097)}`))).toBe('This is not a CCAT public key file: it is far too long.');
    const keyLine = `ccat-ed25519 ${key.publicKey}`;
    // 4,096 characters exactly is still read.
    expect(parsePublicKeyFile(`${'#'.repeat(4096 - keyLine.length - 1)}\n${keyLine}`).fingerprint).toBe(key.fingerprint);
    expect(thrownMessage(() => parsePublicKeyFile('# name: x\nssh-ed25519 AAAA\n'))).toBe('This is not a CCAT public key file: no line "ccat-ed25519 <key>" was found.');
    const privateHint = 'This is not a CCAT public key file: no line "ccat-ed25519 <key>" was found. It looks like a private key: never pass that on.';
    expect(thrownMessage(() => parsePublicKeyFile('AGE-SECRET-KEY-1ABC\n'))).toBe(privateHint);
    expect(thrownMessage(() => parsePublicKeyFile('-----BEGIN PRIVATE KEY-----\nMC4CAQ\n'))).toBe(privateHint);
    const other = '0000 0000 0000 0000 0000 0000 0000 0000';
    expect(thrownMessage(() => parsePublicKeyFile(key.publicKeyFile.replace(key.fingerprint, other)))).toBe(
      `This public key file says its fingerprint is ${other}, but the key's fingerprint is ${key.fingerprint}: the file was changed.`,
    );
  });
});
