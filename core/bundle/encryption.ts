/**
 * Encryption of .ccat files uses the age format (age-encryption.org/v1) through the
 * `age-encryption` package rather than our own X25519 + AES-256-GCM construction: age is a
 * reviewed, specified format with X25519 recipients, several recipients per file and scrypt
 * passphrases built in, its header is authenticated, and HQ can open a file with the standard
 * `age` / `rage` command-line tools (`age -d -i hq.key file.ccat > file.zip`) without CCAT.
 * A home-made scheme would need its own review and its own tools. The encrypted file wraps the
 * whole signed zip, so nothing (not even the entry names) is visible without the key.
 */
import { armor, Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { CoreError } from '../api/result';
import { refuse } from './format';
import type { Unlock } from './types';

const AGE_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
/** age's own default: about a second of work per guess for whoever found the USB stick. */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;
/**
 * Higher work factors cost a reader gigabytes of memory (2^20 needs 1 GiB); a crafted file must
 * not be able to make CCAT do that, so files made with more than this are refused.
 */
export const MAX_SCRYPT_WORK_FACTOR = 18;

const RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const IDENTITY = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;

export function encryptionOf(bytes: Uint8Array): 'age' | 'age-armored' | undefined {
  // Room for the blank lines and indentation an armored file pasted from an e-mail may start with (age's decoder skips them).
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (start.startsWith(AGE_MAGIC)) return 'age';
  if (start.trimStart().startsWith(ARMOR_BEGIN)) return 'age-armored';
  return undefined;
}

export interface EncryptOptions {
  recipients: readonly string[];
  passphrase?: string;
  scryptWorkFactor?: number;
}

export interface Encrypted {
  bytes: Uint8Array;
  /** What opens it again for the check after writing; never stored, never returned to a shell. */
  unlock: Unlock;
}

/**
 * Encrypts the signed zip. A file for recipients also gets a throw-away recipient whose identity
 * lives only in memory until the written file has been checked: the sender has no HQ private key,
 * yet every export must be re-opened and verified (design §6). The identity is then dropped, so
 * the extra stanza opens nothing.
 */
export async function encryptBundle(zip: Uint8Array, options: EncryptOptions): Promise<Encrypted> {
  const encrypter = new Encrypter();
  if (options.passphrase !== undefined) {
    if (options.recipients.length > 0) {
      throw new CoreError('INVALID_INPUT', 'A file can be encrypted to recipients or with a passphrase, not both (the age format allows one or the other).');
    }
    if (options.passphrase.length < 8) throw new CoreError('INVALID_INPUT', 'passphrase: use at least 8 characters; a short passphrase is guessed quickly.');
    encrypter.setPassphrase(options.passphrase);
    encrypter.setScryptWorkFactor(options.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR);
    return { bytes: await encrypter.encrypt(zip), unlock: { passphrase: options.passphrase } };
  }
  for (const recipient of options.recipients) {
    if (!RECIPIENT.test(recipient)) throw new CoreError('INVALID_INPUT', `"${recipient.slice(0, 80)}" is not an age recipient (a public key starting with age1).`);
    encrypter.addRecipient(recipient);
  }
  const check = await generateX25519Identity();
  encrypter.addRecipient(await identityToRecipient(check));
  return { bytes: await encrypter.encrypt(zip), unlock: { identities: [check] } };
}

/** The signed zip inside an age file; refusals name what is missing or wrong. */
export async function decryptBundle(bytes: Uint8Array, unlock: Unlock): Promise<Uint8Array> {
  let binary = bytes;
  if (encryptionOf(bytes) === 'age-armored') {
    try {
      binary = armor.decode(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (error) {
      refuse('CANNOT_DECRYPT', `The encrypted file is damaged: ${(error as Error).message}.`, { reason: 'damaged-ciphertext' });
    }
  }
  const stanzas = headerStanzas(binary);
  const scrypt = stanzas.find((s) => s[0] === 'scrypt');
  const identities = unlock.identities ?? [];
  if (scrypt !== undefined) {
    if (unlock.passphrase === undefined) refuse('CANNOT_DECRYPT', 'This file is protected by a passphrase; give the passphrase to open it.', { reason: 'passphrase-needed' });
    const logN = Number(scrypt[2]);
    if (!Number.isInteger(logN) || logN > MAX_SCRYPT_WORK_FACTOR) {
      refuse('CANNOT_DECRYPT', `The passphrase protection of this file asks for more memory than CCAT allows (work factor ${scrypt[2]}, at most ${MAX_SCRYPT_WORK_FACTOR}).`, {
        reason: 'scrypt-too-costly',
      });
    }
  } else if (identities.length === 0) {
    refuse('CANNOT_DECRYPT', 'This file is encrypted for a recipient (such as HQ); give that recipient\'s identity file to open it.', { reason: 'identity-needed' });
  }
  const decrypter = new Decrypter();
  if (unlock.passphrase !== undefined && scrypt !== undefined) decrypter.addPassphrase(unlock.passphrase);
  for (const identity of identities) decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(binary);
  } catch (error) {
    const message = (error as Error).message;
    if (/no identity matched/.test(message)) {
      if (scrypt !== undefined) refuse('CANNOT_DECRYPT', 'The passphrase is wrong: the file could not be opened with it.', { reason: 'wrong-passphrase' });
      refuse('CANNOT_DECRYPT', 'This file was not encrypted for the identity given: it is meant for another recipient.', { reason: 'not-a-recipient' });
    }
    return refuse('CANNOT_DECRYPT', `The encrypted file is damaged and cannot be opened (${message}).`, { reason: 'damaged-ciphertext' });
  }
}

/** The "-> type args…" lines of an age header, read without trusting anything after it. */
function headerStanzas(bytes: Uint8Array): string[][] {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16 * 1024));
  const end = head.indexOf('\n---');
  return head
    .slice(0, end < 0 ? head.length : end)
    .split('\n')
    .filter((line) => line.startsWith('-> '))
    .map((line) => line.slice(3).split(' '));
}

/** AGE-SECRET-KEY-1… lines of an identity file in age-keygen's format (comments start with #). */
export function parseIdentityFile(text: string): string[] {
  const lines = meaningfulLines(text);
  const identities = lines.filter((line) => IDENTITY.test(line));
  if (identities.length === 0 || identities.length !== lines.length) {
    throw new CoreError('INVALID_INPUT', 'This is not an age identity file: expected lines starting with AGE-SECRET-KEY-1 (as written by "ccat keys new-hq-identity" or age-keygen).');
  }
  return identities;
}

/** age1… lines of a recipients file; a private identity given by mistake is refused, not used. */
export function parseRecipientsFile(text: string): string[] {
  const lines = meaningfulLines(text);
  if (lines.some((line) => line.startsWith('AGE-SECRET-KEY-'))) {
    throw new CoreError('INVALID_INPUT', 'This file is a private age identity, not a recipient: give the public "age1…" line instead, and keep the identity file secret.');
  }
  const bad = lines.find((line) => !RECIPIENT.test(line));
  if (bad !== undefined || lines.length === 0) {
    throw new CoreError('INVALID_INPUT', `This is not an age recipients file: ${bad === undefined ? 'it is empty' : `"${bad.slice(0, 80)}" is not an age1… public key`}.`);
  }
  return lines;
}

function meaningfulLines(text: string): string[] {
  return text
    .slice(0, 64 * 1024)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** A new HQ key pair in age-keygen's file format, readable by the age tools too. */
export async function newHqIdentity(now: Date): Promise<{ identityFile: string; recipient: string }> {
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  const identityFile = [`# created: ${now.toISOString()}`, `# public key: ${recipient}`, identity, ''].join('\n');
  return { identityFile, recipient };
}
