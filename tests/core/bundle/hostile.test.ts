import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptBundle, newHqIdentity, parseIdentityFile } from '../../../core/bundle/encryption';
import type { Unlock } from '../../../core/bundle/types';
import { coreFailure, snapshotTree } from '../store/helpers';
import { useTempDirs } from '../temp-dir';
import { bytesOf, editText, now, rawZip, rezip, seedWithAttachments, useFolders, zerosDeflated } from './helpers';

const tempDir = useTempDirs();
const folder = useFolders();

let source: Promise<{ bundle: Uint8Array; id: string; attachment: string }> | undefined;
/** One valid bundle, made once; every case below breaks a copy of it. */
function validBundle() {
  source ??= (async () => {
    const dir = await tempDir('ccat-hostile-source-');
    const original = await seedWithAttachments(dir);
    const { exchange } = await folder(dir, 'Field laptop');
    const file = await exchange.exportBundle({ ids: [original.id], recipients: [], redact: false });
    return { bundle: bytesOf(file.content), id: original.id, attachment: original.attachments[0]!.id };
  })();
  return source;
}

/** Swaps the case of the first letter after `marker`: still valid JSON, different bytes. */
function flipLetterAfter(bytes: Uint8Array, marker: string): Uint8Array {
  return editText(bytes, (text) => {
    const at = text.indexOf(marker) + marker.length;
    const i = text.slice(at).search(/[A-Za-z]/) + at;
    const ch = text[i]!;
    return text.slice(0, i) + (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) + text.slice(i + 1);
  });
}

function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The same top two bits with the low four set differently: the decoded bytes do not change. */
function respelt(last: string): string {
  const value = BASE64.indexOf(last);
  return BASE64[(value & 0b110000) | (~value & 0b001111)]!;
}

const assessmentEntry = (id: string) => `assessment/${id}.json`;

interface Case {
  make: (valid: { bundle: Uint8Array; id: string; attachment: string }) => Promise<Uint8Array>;
  unlock?: () => Promise<Unlock>;
  code: string;
  reason: string;
  /** The field of the entry that failed, where the refusal names one. */
  field?: string;
  message: RegExp;
}

const cases: Record<string, Case> = {
  'a byte flipped in the assessment entry': {
    make: ({ bundle, id }) => rezip(bundle, (e) => e.set(assessmentEntry(id), flipLetterAfter(e.get(assessmentEntry(id))!, '"title": "'))),
    code: 'TAMPERED',
    reason: 'digest-mismatch',
    message: /The entry "assessment\/.+\.json" was changed after the file was signed/,
  },
  'a byte flipped in an attachment': {
    make: ({ bundle, attachment }) => rezip(bundle, (e) => e.set(`attachments/${attachment}`, flipByte(e.get(`attachments/${attachment}`)!, 3))),
    code: 'TAMPERED',
    reason: 'digest-mismatch',
    message: /The entry "attachments\/[a-f0-9]{64}" was changed after the file was signed/,
  },
  'a byte flipped in the manifest': {
    make: ({ bundle }) => rezip(bundle, (e) => e.set('manifest.json', flipLetterAfter(e.get('manifest.json')!, '"createdBy":"'))),
    code: 'TAMPERED',
    reason: 'bad-signature',
    message: /The signature does not match the manifest/,
  },
  'a byte flipped in the signature': {
    make: ({ bundle }) => rezip(bundle, (e) => e.set('signature.json', flipLetterAfter(e.get('signature.json')!, '"signature": "'))),
    code: 'TAMPERED',
    reason: 'bad-signature',
    field: 'signature',
    message: /The signature does not match the manifest/,
  },
  'signature.json with its closing newline cut (same JSON, different bytes)': {
    make: ({ bundle }) => rezip(bundle, (e) => e.set('signature.json', editText(e.get('signature.json')!, (text) => text.trimEnd()))),
    code: 'TAMPERED',
    reason: 'edited-signature-entry',
    message: /signature\.json has been edited/,
  },
  'the signature re-spelt with unused base64 bits set (it still verifies)': {
    // 64 bytes in base64 leave 4 bits of the last character unused; Node decodes both spellings alike.
    make: ({ bundle }) =>
      rezip(bundle, (e) =>
        e.set('signature.json', editText(e.get('signature.json')!, (text) => text.replace(/([A-Za-z0-9+/])=="/, (_, last: string) => `${respelt(last)}=="`))),
      ),
    code: 'TAMPERED',
    reason: 'edited-signature-entry',
    message: /signature\.json has been edited/,
  },
  'an entry added': {
    make: ({ bundle }) => {
      const extra = new TextEncoder().encode('planted');
      return rezip(bundle, (e) => e.set(`attachments/${createHash('sha256').update(extra).digest('hex')}`, extra));
    },
    code: 'TAMPERED',
    reason: 'unlisted-entry',
    message: /is not in the signed manifest: it was added after the file was signed/,
  },
  'an entry removed': {
    make: ({ bundle, attachment }) => rezip(bundle, (e) => e.delete(`attachments/${attachment}`)),
    code: 'TAMPERED',
    reason: 'missing-entry',
    message: /listed in the signed manifest is missing: it was removed/,
  },
  'a zip slip with ../x': {
    make: async () => rawZip([{ name: '../x', data: new Uint8Array([1]) }]),
    code: 'INVALID_BUNDLE',
    reason: 'unsafe-entry-name',
    message: /The entry "\.\.\/x" climbs out of the folder/,
  },
  'an absolute path /etc/x': {
    make: async () => rawZip([{ name: '/etc/x', data: new Uint8Array([1]) }]),
    code: 'INVALID_BUNDLE',
    reason: 'unsafe-entry-name',
    message: /The entry "\/etc\/x" is an absolute path/,
  },
  'a drive letter C:\\x': {
    make: async () => rawZip([{ name: 'C:\\x', data: new Uint8Array([1]) }]),
    code: 'INVALID_BUNDLE',
    reason: 'unsafe-entry-name',
    message: /The entry "C:\\\\x" starts with a drive letter/,
  },
  'a NUL in a name': {
    make: async () => rawZip([{ name: 'manifest.json\0.exe', data: new Uint8Array([1]) }]),
    code: 'INVALID_BUNDLE',
    reason: 'unsafe-entry-name',
    // The NUL is shown as \0, so the person sees where it hides.
    message: /^The entry "manifest\.json\\\\0\.exe" contains a NUL character;/,
  },
  'a backslash in a name': {
    make: async () => rawZip([{ name: 'attachments\\..\\x', data: new Uint8Array([1]) }]),
    code: 'INVALID_BUNDLE',
    reason: 'unsafe-entry-name',
    message: /contains a backslash/,
  },
  'a folder entry': {
    make: async () => rawZip([{ name: 'attachments/', data: new Uint8Array(0), unixMode: 0o40755 }]),
    code: 'INVALID_BUNDLE',
    reason: 'unexpected-entry',
    message: /The entry "attachments\/" does not belong in a \.ccat file/,
  },
  'a symlink entry': {
    make: async () => rawZip([{ name: 'manifest.json', data: new TextEncoder().encode('/etc/passwd'), unixMode: 0o120777 }]),
    code: 'INVALID_BUNDLE',
    reason: 'symlink-entry',
    message: /The entry "manifest.json" is a symbolic link/,
  },
  'a 1 GB zip bomb of zeros': {
    make: async () => rawZip([{ name: `attachments/${'0'.repeat(64)}`, data: zerosDeflated(1024), method: 8, uncompressedSize: 1024 ** 3 }]),
    code: 'INVALID_BUNDLE',
    reason: 'compression-ratio',
    message: /expands more than 100 times when unpacked/,
  },
  'a 1 GB zip bomb that declares 5 MB': {
    make: async () => rawZip([{ name: `attachments/${'0'.repeat(64)}`, data: zerosDeflated(1024), method: 8, uncompressedSize: 5 * 1024 * 1024 }]),
    code: 'INVALID_BUNDLE',
    reason: 'entry-too-large',
    message: /holds more than the 5\.0 MB it declares/,
  },
  '100,000 entries': {
    make: async () => rawZip(Array.from({ length: 100_000 }, (_, i) => ({ name: `x${i}`, data: new Uint8Array(0) }))),
    code: 'INVALID_BUNDLE',
    reason: 'too-many-entries',
    message: /holds 100000 entries; a \.ccat file may hold at most 10000/,
  },
  'duplicate entry names': {
    make: async () => rawZip([{ name: 'manifest.json', data: new TextEncoder().encode('{}') }, { name: 'manifest.json', data: new TextEncoder().encode('{}') }]),
    code: 'INVALID_BUNDLE',
    reason: 'duplicate-entry',
    message: /The entry "manifest.json" appears twice/,
  },
  'a __proto__ key': {
    make: ({ bundle, id }) => rezip(bundle, (e) => e.set(assessmentEntry(id), editText(e.get(assessmentEntry(id))!, (t) => t.replace('{', '{"__proto__": {"polluted": true},')))),
    code: 'INVALID_BUNDLE',
    reason: 'forbidden-key',
    message: /The entry "assessment\/.+\.json" contains the forbidden key "__proto__"/,
  },
  '10,000-deep JSON': {
    make: ({ bundle }) => rezip(bundle, (e) => e.set('manifest.json', new TextEncoder().encode(`${'['.repeat(10_000)}${']'.repeat(10_000)}`))),
    code: 'INVALID_BUNDLE',
    reason: 'too-deep',
    message: /The entry "manifest.json" is nested more than 64 levels deep/,
  },
  'an unknown field': {
    make: ({ bundle, id }) => rezip(bundle, (e) => e.set(assessmentEntry(id), editText(e.get(assessmentEntry(id))!, (t) => t.replace('{', '{"approvedBy": "HQ",')))),
    code: 'INVALID_BUNDLE',
    reason: 'schema',
    message: /does not match the \.ccat format: Unrecognized key: "approvedBy"/,
  },
  'a future schema version': {
    make: ({ bundle, id }) => rezip(bundle, (e) => e.set(assessmentEntry(id), editText(e.get(assessmentEntry(id))!, (t) => t.replace('"schemaVersion": 3', '"schemaVersion": 99')))),
    code: 'INVALID_BUNDLE',
    reason: 'newer-version',
    message: /was saved by a newer CCAT \(format 99/,
  },
  'a wrong passphrase': {
    make: async ({ bundle }) => (await encryptBundle(bundle, { recipients: [], passphrase: 'the right passphrase', scryptWorkFactor: 10 })).bytes,
    unlock: async () => ({ passphrase: 'a wrong passphrase' }),
    code: 'CANNOT_DECRYPT',
    reason: 'wrong-passphrase',
    message: /The passphrase is wrong/,
  },
  'a file encrypted to another recipient': {
    make: async ({ bundle }) => (await encryptBundle(bundle, { recipients: [(await newHqIdentity(now())).recipient] })).bytes,
    unlock: async () => ({ identities: parseIdentityFile((await newHqIdentity(now())).identityFile) }),
    code: 'CANNOT_DECRYPT',
    reason: 'not-a-recipient',
    message: /not encrypted for the identity given: it is meant for another recipient/,
  },
  'an encrypted file and no key': {
    make: async ({ bundle }) => (await encryptBundle(bundle, { recipients: [(await newHqIdentity(now())).recipient] })).bytes,
    code: 'CANNOT_DECRYPT',
    reason: 'identity-needed',
    message: /give that recipient's identity file/,
  },
  'a file that is no zip': {
    make: async () => new TextEncoder().encode('hello, I am a spreadsheet'),
    code: 'INVALID_BUNDLE',
    reason: 'not-a-bundle',
    message: /neither a CCAT zip nor an age-encrypted file/,
  },
};

describe('a hostile .ccat file is refused with its own reason and changes nothing', () => {
  it.each(Object.entries(cases))('%s', async (_, testCase) => {
    const file = await testCase.make(await validBundle());
    const target = await folder(await tempDir(), 'HQ desk');
    const before = await snapshotTree(target.dataDir);
    const error = await coreFailure(target.exchange.importBundle({ bytes: file, ...(await testCase.unlock?.()), trustNewSigner: true, keepDivergedAsCopy: true }));
    const { reason, field } = error.details as { reason: string; field?: string };
    expect({ code: error.code, reason, ...(testCase.field === undefined ? {} : { field }) }).toEqual({ code: testCase.code, reason: testCase.reason, ...(testCase.field === undefined ? {} : { field: testCase.field }) });
    expect(error.message).toMatch(testCase.message);
    expect(await snapshotTree(target.dataDir)).toEqual(before);
  });

  it('the untouched bundle is imported, so each case above fails for its own change only', async () => {
    const { bundle, id } = await validBundle();
    const target = await folder(await tempDir(), 'HQ desk');
    const result = await target.exchange.importBundle({ bytes: bundle, trustNewSigner: true, keepDivergedAsCopy: false });
    expect(result.assessments.map((a) => [a.id, a.outcome])).toEqual([[id, 'imported']]);
  });
});
