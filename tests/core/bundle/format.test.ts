import { describe, expect, it } from 'vitest';
import { canonicalJson, entryKind, manifestSchema, signatureSchema, unsafeEntryName } from '../../../core/bundle/format';

const digest = 'a'.repeat(64);
const id = 'vn-2026-0001';

describe('the names a .ccat file may hold', () => {
  it.each([
    ['manifest.json', 'manifest'],
    ['signature.json', 'signature'],
    [`assessment/${id}.json`, 'assessment'],
    [`assessment/${'a'.repeat(8)}.json`, 'assessment'],
    [`assessment/${'a'.repeat(64)}.json`, 'assessment'],
    [`attachments/${digest}`, 'attachment'],
  ])('%s is a %s entry', (name, kind) => {
    expect(entryKind(name)).toBe(kind);
  });

  it.each([
    'x/manifest.json',
    'manifest.json.bak',
    `assessment/${'a'.repeat(7)}.json`,
    `assessment/${'a'.repeat(65)}.json`,
    `assessment/${id.toUpperCase()}.json`,
    `assessment/${id}.json.exe`,
    `x/assessment/${id}.json`,
    `attachments/${'a'.repeat(63)}`,
    `attachments/${'a'.repeat(65)}`,
    `attachments/${'A'.repeat(64)}`,
    `attachments/${digest}.pdf`,
    `x/attachments/${digest}`,
    'attachments/',
  ])('%s belongs to no kind', (name) => {
    expect(entryKind(name)).toBeUndefined();
  });
});

describe('entry names that could write outside a folder', () => {
  it.each([
    ['manifest.json\0.exe', 'contains a NUL character'],
    ['C:x', 'starts with a drive letter'],
    ['z:/x', 'starts with a drive letter'],
    ['/etc/x', 'is an absolute path'],
    ['a\\b', 'contains a backslash'],
    ['..', 'climbs out of the folder with ".."'],
    ['a/../../x', 'climbs out of the folder with ".."'],
    ['a/..', 'climbs out of the folder with ".."'],
  ])('%j %s', (name, why) => {
    expect(unsafeEntryName(name)).toBe(why);
  });

  it.each(['manifest.json', 'a/..b/c', 'a/b../c', '...', 'attachments/x:y', 'a/C:x'])('%j is harmless', (name) => {
    expect(unsafeEntryName(name)).toBeUndefined();
  });
});

describe('canonical JSON (the manifest bytes that are signed)', () => {
  it('sorts keys at every depth, drops undefined members and adds no spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: undefined }, e: 'é' })).toBe('{"a":{"d":[3,{"y":"x","z":null}]},"b":1,"e":"é"}');
  });

  it('writes scalars as JSON does', () => {
    expect([null, true, 0, 'a"b'].map(canonicalJson)).toEqual(['null', 'true', '0', '"a\\"b"']);
  });
});

describe('the signature entry', () => {
  const valid = { algorithm: 'Ed25519', publicKey: `${'A'.repeat(43)}=`, fingerprint: 'f', signature: `${'A'.repeat(86)}==` };

  it('accepts a 32-byte key and a 64-byte signature in base64', () => {
    expect(signatureSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a key one character short', { publicKey: `${'A'.repeat(42)}=` }],
    ['a key one character long', { publicKey: `${'A'.repeat(44)}=` }],
    ['a key without its padding', { publicKey: 'A'.repeat(44) }],
    ['a key with text around it', { publicKey: ` ${'A'.repeat(43)}= ` }],
    ['a signature one character short', { signature: `${'A'.repeat(85)}==` }],
    ['a signature without padding', { signature: 'A'.repeat(88) }],
    ['a signature with text after it', { signature: `${'A'.repeat(86)}==x` }],
    ['a signature with text before it', { signature: `x${'A'.repeat(86)}==` }],
    ['another algorithm', { algorithm: 'RSA' }],
  ])('refuses %s', (_, change) => {
    const parsed = signatureSchema.safeParse({ ...valid, ...change });
    expect(parsed.success).toBe(false);
  });

  it('says what a malformed key and signature should be', () => {
    const parsed = signatureSchema.safeParse({ ...valid, publicKey: 'x', signature: 'y' });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['must be a base64 Ed25519 public key', 'must be a base64 Ed25519 signature']);
  });
});

describe('the manifest', () => {
  const valid = {
    format: 'ccat-bundle',
    formatVersion: 1,
    createdAt: '2026-03-10T08:00:00.000Z',
    createdBy: 'Field laptop',
    app: { name: 'CCAT', version: '0.1.0' },
    installation: { id: 'inst-1', name: 'Field laptop' },
    redacted: false,
    assessments: [{ id, title: 'Viet Nam', revision: 3, schemaVersion: 2, frameworkId: 'f', frameworkVersion: '1' }],
    entries: [{ name: `assessment/${id}.json`, size: 10, sha256: digest }],
  };

  it('accepts a manifest as CCAT writes it, and a time with an offset instead of Z', () => {
    expect(manifestSchema.safeParse(valid).error?.issues).toBeUndefined();
    expect(manifestSchema.safeParse({ ...valid, createdAt: '2026-03-10T17:00:00.000+09:00' }).error?.issues).toBeUndefined();
  });

  it.each([
    ['an upper-case digest', { entries: [{ ...valid.entries[0]!, sha256: 'A'.repeat(64) }] }],
    ['a short digest', { entries: [{ ...valid.entries[0]!, sha256: 'a'.repeat(63) }] }],
    ['a digest with text after it', { entries: [{ ...valid.entries[0]!, sha256: `${digest}0` }] }],
    ['an assessment id with text before it', { assessments: [{ ...valid.assessments[0]!, id: `../${id}` }] }],
    ['an assessment id with text after it', { assessments: [{ ...valid.assessments[0]!, id: `${id}/..` }] }],
    ['a digest with text before it', { entries: [{ ...valid.entries[0]!, sha256: `0${digest}` }] }],
    ['an assessment id of seven characters', { assessments: [{ ...valid.assessments[0]!, id: 'abcdefg' }] }],
    ['no assessment', { assessments: [] }],
  ])('refuses %s', (_, change) => {
    expect(manifestSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('says a digest must be lower-case hex', () => {
    const parsed = manifestSchema.safeParse({ ...valid, entries: [{ ...valid.entries[0]!, sha256: 'x' }] });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['must be a SHA-256 digest in lower-case hex']);
  });
});
