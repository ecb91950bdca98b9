import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CoreError } from '../api/result';
import { parseUntrustedJson } from '../json/safe-parse';
import { ensureFolderDurably, writeFileDurably } from '../store/atomic-write.node.ts';
import { errnoCode } from '../store/errors';
import type { StoreFs } from '../store/fs-port';
import { nodeFs } from '../store/node-fs.node.ts';
import type { InstallationKeyInfo } from './types';

export const KEYS_FOLDER = 'keys';
const PRIVATE_KEY_FILE = 'installation.key';
const PUBLIC_KEY_FILE = 'installation.pub';
const IDENTITY_FILE = 'installation.json';

/** Owner-only: the private key never leaves this folder and no other account may read it. */
const privateFs: StoreFs = {
  ...nodeFs,
  open: (path, flags) => fsp.open(path, flags, 0o600),
  mkdir: (path, options) => fsp.mkdir(path, { ...options, mode: 0o700 }),
};

const identitySchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  createdAt: z.iso.datetime({ offset: true }),
});

export interface InstallationKey extends InstallationKeyInfo {
  /** Ed25519 signature of `bytes`, base64. */
  sign(bytes: Uint8Array): string;
}

export interface KeyOptions {
  now: () => Date;
  newId: () => string;
  /** The name a new installation gets, e.g. the computer's name; people can compare it with the fingerprint. */
  defaultName: string;
}

/** The raw 32-byte Ed25519 public key. */
function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
}

/**
 * SHA-256 of the raw public key, first 16 bytes as 8 groups of 4 hex digits: short enough to read
 * aloud over a phone line, long enough (128 bits) that nobody can make a key that matches it.
 */
export function fingerprintOf(publicKey: Uint8Array): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

export function publicKeyFromBase64(base64: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(base64, 'base64').toString('base64url') }, format: 'jwk' });
}

export function verifySignature(publicKeyBase64: string, bytes: Uint8Array, signatureBase64: string): boolean {
  try {
    return verify(null, bytes, publicKeyFromBase64(publicKeyBase64), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** The installation's key, created (with a new installation id) the first time it is needed. */
export async function installationKey(dataDir: string, options: KeyOptions): Promise<InstallationKey> {
  const existing = await readInstallationKey(dataDir);
  if (existing !== undefined) return existing;
  const folder = join(dataDir, KEYS_FOLDER);
  await ensureFolderDurably(privateFs, folder);
  const { privateKey } = generateKeyPairSync('ed25519');
  const identity = { schemaVersion: 1 as const, id: options.newId(), name: options.defaultName.trim() || 'CCAT', createdAt: options.now().toISOString() };
  // The identity first: a key file is only ever found together with the id it signs for.
  await writeFileDurably(join(folder, IDENTITY_FILE), `${JSON.stringify(identity, null, 2)}\n`, privateFs);
  await writeFileDurably(join(folder, PRIVATE_KEY_FILE), privateKey.export({ format: 'pem', type: 'pkcs8' }), privateFs);
  const key = keyFrom(identity, privateKey);
  await writeFileDurably(join(folder, PUBLIC_KEY_FILE), key.publicKeyFile);
  return key;
}

/**
 * Gives the installation another name, e.g. when two laptops share a computer name and so look
 * alike to those who trust them. The key and the installation id stay, so trust is kept.
 */
export async function renameInstallation(dataDir: string, name: string, options: KeyOptions): Promise<InstallationKey> {
  const current = await installationKey(dataDir, options);
  const folder = join(dataDir, KEYS_FOLDER);
  const identity = { schemaVersion: 1 as const, id: current.installationId, name: name.trim(), createdAt: current.createdAt };
  await writeFileDurably(join(folder, IDENTITY_FILE), `${JSON.stringify(identity, null, 2)}\n`, privateFs);
  const renamed = (await readInstallationKey(dataDir))!;
  await writeFileDurably(join(folder, PUBLIC_KEY_FILE), renamed.publicKeyFile);
  return renamed;
}

/** The installation's key if it has one; never creates it (an import must not change the data folder). */
export async function readInstallationKey(dataDir: string): Promise<InstallationKey | undefined> {
  const folder = join(dataDir, KEYS_FOLDER);
  const pem = await readOptional(join(folder, PRIVATE_KEY_FILE));
  if (pem === undefined) return undefined;
  const identityText = await readOptional(join(folder, IDENTITY_FILE));
  if (identityText === undefined) throw damagedKeys(folder, `${IDENTITY_FILE} is missing`);
  const identity = identitySchema.safeParse(parseUntrustedJson(identityText, IDENTITY_FILE));
  if (!identity.success) throw damagedKeys(folder, `${IDENTITY_FILE} is not valid`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw damagedKeys(folder, `${PRIVATE_KEY_FILE} is not a private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw damagedKeys(folder, `${PRIVATE_KEY_FILE} is not an Ed25519 key`);
  return keyFrom(identity.data, privateKey);
}

function keyFrom(identity: z.infer<typeof identitySchema>, privateKey: KeyObject): InstallationKey {
  const raw = rawPublicKey(createPublicKey(privateKey));
  const publicKey = Buffer.from(raw).toString('base64');
  const fingerprint = fingerprintOf(raw);
  return {
    installationId: identity.id,
    name: identity.name,
    createdAt: identity.createdAt,
    fingerprint,
    publicKey,
    publicKeyFile: publicKeyFileText({ name: identity.name, installationId: identity.id, fingerprint, publicKey }),
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64'),
  };
}

/**
 * Writes a new secret file (an HQ identity) readable by its owner only, durably, and never over
 * an existing file: overwriting a private key loses every file encrypted to it.
 */
export async function writeSecretFile(path: string, text: string): Promise<void> {
  const existing = await fsp.stat(path).catch(() => undefined);
  if (existing !== undefined) throw new CoreError('CONFLICT', `${path} already exists; CCAT never overwrites a key file. Choose another name.`, { path });
  await writeFileDurably(path, text, privateFs);
}

export interface PublicKeyFile {
  name: string;
  installationId: string;
  fingerprint: string;
  publicKey: string;
}

const KEY_LINE = /^ccat-ed25519 ([A-Za-z0-9+/]{43}=)$/;

/** The small text file people pass around (USB stick, e-mail) so others can trust their .ccat files. */
function publicKeyFileText(key: PublicKeyFile): string {
  return [
    '# CCAT installation public key. Whoever imports .ccat files from this installation',
    '# compares the fingerprint below with its owner (read it aloud) before trusting it.',
    `# name: ${key.name.replace(/[\r\n]/g, ' ')}`,
    `# installation: ${key.installationId}`,
    `# fingerprint: ${key.fingerprint}`,
    `ccat-ed25519 ${key.publicKey}`,
    '',
  ].join('\n');
}

export function parsePublicKeyFile(text: string): PublicKeyFile {
  if (text.length > 4096) throw new CoreError('INVALID_INPUT', 'This is not a CCAT public key file: it is far too long.');
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const keyLine = lines.map((line) => KEY_LINE.exec(line)).find((match) => match !== null);
  if (!keyLine) {
    const hint = lines.some((line) => line.startsWith('AGE-SECRET-KEY-') || line.includes('PRIVATE KEY')) ? ' It looks like a private key: never pass that on.' : '';
    throw new CoreError('INVALID_INPUT', `This is not a CCAT public key file: no line "ccat-ed25519 <key>" was found.${hint}`);
  }
  const comment = (label: string) => lines.find((line) => line.startsWith(`# ${label}: `))?.slice(label.length + 4).trim();
  const publicKey = keyLine[1]!;
  let raw: Uint8Array;
  try {
    raw = rawPublicKey(publicKeyFromBase64(publicKey));
  } catch {
    throw new CoreError('INVALID_INPUT', 'This public key file holds no valid Ed25519 key.');
  }
  const fingerprint = fingerprintOf(raw);
  const claimed = comment('fingerprint');
  if (claimed !== undefined && claimed !== fingerprint) {
    throw new CoreError('INVALID_INPUT', `This public key file says its fingerprint is ${claimed}, but the key's fingerprint is ${fingerprint}: the file was changed.`);
  }
  return { name: (comment('name') ?? '').slice(0, 200) || fingerprint, installationId: (comment('installation') ?? '').slice(0, 100), fingerprint, publicKey };
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function damagedKeys(folder: string, problem: string): CoreError {
  return new CoreError(
    'DAMAGED_FILE',
    `The installation key in ${folder} is damaged (${problem}). CCAT will not make a new key on its own, because people who trust this installation know the old one; restore the folder from a backup or remove it to start with a new key.`,
    { folder },
  );
}
