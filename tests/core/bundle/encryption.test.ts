import { armor, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  decryptBundle,
  DEFAULT_SCRYPT_WORK_FACTOR,
  encryptBundle,
  encryptionOf,
  newHqIdentity,
  parseIdentityFile,
  parseRecipientsFile,
} from '../../../core/bundle/encryption';
import type { Unlock } from '../../../core/bundle/types';
import { coreFailure, thrownRefusal } from '../store/helpers';

const zip = new TextEncoder().encode('PK\u0003\u0004 a signed zip, as far as encryption cares');
const passphrase = 'correct horse battery';
// The lowest cost age allows: these tests are about the format, not about slowing down guessing.
const cheap = 10;
/** A refusal of bad input, as the caller gets it. */
const invalid = (message: string) => ({ code: 'INVALID_INPUT', message });

async function hq() {
  const made = await newHqIdentity(new Date('2026-12-01T09:00:00Z'));
  return { ...made, identities: parseIdentityFile(made.identityFile) };
}

/** What decryptBundle refuses with: code, reason and the sentence a user reads. */
async function refusal(bytes: Uint8Array, unlock: Unlock) {
  const error = await coreFailure(decryptBundle(bytes, unlock));
  return { code: error.code, reason: (error.details as { reason?: string }).reason, message: error.message };
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');


describe('.ccat encryption (age)', () => {
  it('recognises binary and armored age files, and nothing else', async () => {
    const { bytes } = await encryptBundle(zip, { recipients: [], passphrase, scryptWorkFactor: cheap });
    expect(encryptionOf(bytes)).toBe('age');
    // As pasted from an e-mail: blank lines and indentation before the armor.
    const pasted = new TextEncoder().encode(`\r\n\r\n    ${armor.encode(bytes)}\n`);
    expect(encryptionOf(pasted)).toBe('age-armored');
    expect(await decryptBundle(pasted, { passphrase })).toEqual(zip);
    expect(encryptionOf(zip)).toBeUndefined();
    expect(encryptionOf(new Uint8Array(0))).toBeUndefined();
  });

  it('encrypts for HQ so that HQ’s identity opens it, and keeps a check identity only in memory for the re-read', async () => {
    const office = await hq();
    const { bytes, unlock } = await encryptBundle(zip, { recipients: [office.recipient] });
    expect(latin1(bytes).match(/^-> X25519 /gm)).toHaveLength(2);
    expect(await decryptBundle(bytes, { identities: office.identities })).toEqual(zip);
    expect(unlock.passphrase).toBeUndefined();
    expect(await decryptBundle(bytes, unlock)).toEqual(zip);
    expect(unlock.identities).not.toEqual(office.identities);
  });

  it('protects with a passphrase at age’s default cost unless told otherwise', async () => {
    const defaultCost = await encryptBundle(new Uint8Array(1), { recipients: [], passphrase });
    expect(DEFAULT_SCRYPT_WORK_FACTOR).toBe(18);
    expect(latin1(defaultCost.bytes)).toMatch(/^-> scrypt \S+ 18$/m);
    // The highest cost CCAT accepts is its own default.
    expect(await decryptBundle(defaultCost.bytes, { passphrase })).toEqual(new Uint8Array(1));
    const { bytes, unlock } = await encryptBundle(zip, { recipients: [], passphrase, scryptWorkFactor: cheap });
    expect(latin1(bytes)).toMatch(/^-> scrypt \S+ 10$/m);
    expect(unlock).toEqual({ passphrase });
    expect(await decryptBundle(bytes, { passphrase })).toEqual(zip);
  }, 30_000);

  it('refuses recipients and a passphrase together, a passphrase under 8 characters and a recipient that is not an age public key', async () => {
    const office = await hq();
    expect(await coreFailure(encryptBundle(zip, { recipients: [office.recipient], passphrase }))).toMatchObject(
      invalid('A file can be encrypted to recipients or with a passphrase, not both (the age format allows one or the other).'),
    );
    expect(await coreFailure(encryptBundle(zip, { recipients: [], passphrase: '1234567' }))).toMatchObject(invalid('passphrase: use at least 8 characters; a short passphrase is guessed quickly.'));
    expect(await decryptBundle((await encryptBundle(zip, { recipients: [], passphrase: '12345678', scryptWorkFactor: cheap })).bytes, { passphrase: '12345678' })).toEqual(zip);
    const wrong = `age2${'x'.repeat(100)}`;
    const error = await coreFailure(encryptBundle(zip, { recipients: [office.recipient, wrong] }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: `"${wrong.slice(0, 80)}" is not an age recipient (a public key starting with age1).` });
  });

  it('says what is missing: the passphrase, or the recipient’s identity', async () => {
    const locked = await encryptBundle(zip, { recipients: [], passphrase, scryptWorkFactor: cheap });
    expect(await refusal(locked.bytes, {})).toEqual({ code: 'CANNOT_DECRYPT', reason: 'passphrase-needed', message: 'This file is protected by a passphrase; give the passphrase to open it.' });
    const forHq = await encryptBundle(zip, { recipients: [(await hq()).recipient] });
    expect(await refusal(forHq.bytes, { passphrase })).toEqual({
      code: 'CANNOT_DECRYPT',
      reason: 'identity-needed',
      message: "This file is encrypted for a recipient (such as HQ); give that recipient's identity file to open it.",
    });
  });

  it('tells a wrong passphrase from a wrong identity', async () => {
    const locked = await encryptBundle(zip, { recipients: [], passphrase, scryptWorkFactor: cheap });
    expect(await refusal(locked.bytes, { passphrase: 'not the passphrase' })).toEqual({
      code: 'CANNOT_DECRYPT',
      reason: 'wrong-passphrase',
      message: 'The passphrase is wrong: the file could not be opened with it.',
    });
    const forHq = await encryptBundle(zip, { recipients: [(await hq()).recipient] });
    expect(await refusal(forHq.bytes, { identities: (await hq()).identities })).toEqual({
      code: 'CANNOT_DECRYPT',
      reason: 'not-a-recipient',
      message: 'This file was not encrypted for the identity given: it is meant for another recipient.',
    });
  });

  it('refuses a passphrase cost it will not pay, whatever the header claims', async () => {
    const { bytes } = await encryptBundle(zip, { recipients: [], passphrase, scryptWorkFactor: cheap });
    for (const [claimed, shown] of [
      ['19', '19'],
      ['1e9', '1e9'],
      ['x', 'x'],
    ]) {
      const costly = new Uint8Array(Buffer.from(latin1(bytes).replace(/(-> scrypt \S+) 10\n/, `$1 ${claimed}\n`), 'latin1'));
      expect(await refusal(costly, { passphrase })).toEqual({
        code: 'CANNOT_DECRYPT',
        reason: 'scrypt-too-costly',
        message: `The passphrase protection of this file asks for more memory than CCAT allows (work factor ${shown}, at most 18).`,
      });
    }
  });

  it('reads the stanzas from the header only: a stanza-like line in the payload is not taken for one', async () => {
    const office = await hq();
    const { bytes } = await encryptBundle(zip, { recipients: [office.recipient] });
    const text = latin1(bytes);
    const payload = text.indexOf('\n', text.indexOf('\n---') + 1) + 1;
    const planted = new Uint8Array(Buffer.from(`${text.slice(0, payload)}\n-> scrypt AAAA 30\n${text.slice(payload)}`, 'latin1'));
    expect((await refusal(planted, { identities: office.identities })).reason).toBe('damaged-ciphertext');
  });

  it('refuses damaged ciphertext, binary or armored, as damaged', async () => {
    const office = await hq();
    const { bytes } = await encryptBundle(zip, { recipients: [office.recipient] });
    const flipped = new Uint8Array(bytes);
    flipped[flipped.length - 5]! ^= 0xff;
    expect(await refusal(flipped, { identities: office.identities })).toMatchObject({
      code: 'CANNOT_DECRYPT',
      reason: 'damaged-ciphertext',
      message: expect.stringMatching(/^The encrypted file is damaged and cannot be opened \(.+\)\.$/),
    });
    const armored = armor.encode(bytes);
    expect(await decryptBundle(new TextEncoder().encode(armored), { identities: office.identities })).toEqual(zip);
    const broken = armored.replace(/\n[A-Za-z0-9+/]{8}/, '\n!!!!!!!!');
    expect(await refusal(new TextEncoder().encode(broken), { identities: office.identities })).toMatchObject({
      code: 'CANNOT_DECRYPT',
      reason: 'damaged-ciphertext',
      message: expect.stringMatching(/^The encrypted file is damaged: .+\.$/),
    });
    const notText = new Uint8Array([...new TextEncoder().encode('-----BEGIN AGE ENCRYPTED FILE-----\n'), 0xff, 0xfe]);
    expect((await refusal(notText, { identities: office.identities })).reason).toBe('damaged-ciphertext');
  });

  it('writes an HQ identity file in age-keygen’s format, whose one identity belongs to the recipient it names', async () => {
    const made = await newHqIdentity(new Date('2026-12-01T09:00:00Z'));
    const lines = made.identityFile.split('\n');
    expect(lines).toEqual(['# created: 2026-12-01T09:00:00.000Z', `# public key: ${made.recipient}`, expect.stringMatching(/^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/), '']);
    expect(made.recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(await identityToRecipient(lines[2]!)).toBe(made.recipient);
  });

  it('reads identity files with comments, blank lines and Windows line ends, and refuses anything else in them', async () => {
    const { identityFile, identities, recipient } = await hq();
    expect(parseIdentityFile(`${identityFile.replaceAll('\n', '\r\n')}\r\n\r\n  # another comment\r\n`)).toEqual(identities);
    const refusalOf = (text: string) => thrownRefusal(() => parseIdentityFile(text));
    const notIdentity = 'This is not an age identity file: expected lines starting with AGE-SECRET-KEY-1 (as written by "ccat keys new-hq-identity" or age-keygen).';
    expect(refusalOf('# only a comment\n')).toEqual(invalid(notIdentity));
    expect(refusalOf(`${identityFile}${recipient}\n`)).toEqual(invalid(notIdentity));
    // An identity is the whole line, and only the first 64 KB of a file are read.
    expect(refusalOf(`x${identities[0]}\n`)).toEqual(invalid(notIdentity));
    expect(refusalOf(`${identities[0]}x\n`)).toEqual(invalid(notIdentity));
    expect(refusalOf(`${'#'.repeat(64 * 1024)}\n${identities[0]}\n`)).toEqual(invalid(notIdentity));
  });

  it('reads recipients files and refuses a private identity given by mistake, an empty file and a line that is not a recipient', async () => {
    const { identityFile, recipient } = await hq();
    const other = (await hq()).recipient;
    expect(parseRecipientsFile(`# HQ\n${recipient}\r\n\n  ${other}  \n`)).toEqual([recipient, other]);
    const refusalOf = (text: string) => thrownRefusal(() => parseRecipientsFile(text));
    expect(refusalOf(identityFile)).toEqual(invalid('This file is a private age identity, not a recipient: give the public "age1…" line instead, and keep the identity file secret.'));
    expect(refusalOf('# nothing here\n')).toEqual(invalid('This is not an age recipients file: it is empty.'));
    for (const line of [`x${recipient}`, `${recipient}x`]) expect(refusalOf(`${line}\n`)).toEqual(invalid(`This is not an age recipients file: "${line}" is not an age1… public key.`));
    expect(refusalOf(`${'#'.repeat(64 * 1024)}\n${recipient}\n`)).toEqual(invalid('This is not an age recipients file: it is empty.'));
    const long = `ssh-ed25519 ${'A'.repeat(100)}`;
    expect(refusalOf(`${recipient}\n${long}\n`)).toEqual(invalid(`This is not an age recipients file: "${long.slice(0, 80)}" is not an age1… public key.`));
  });
});
