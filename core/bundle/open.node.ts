import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { describeIssues } from '../api/dispatch';
import { CoreError } from '../api/result';
import { parseUntrustedJson } from '../json/safe-parse';
import { ASSESSMENT_SCHEMA_VERSION, assessmentSchema, type Assessment } from '../model/assessment';
import { migrateToCurrent } from '../store/migrations';
import { decryptBundle, encryptionOf } from './encryption';
import {
  assessmentEntryName,
  attachmentEntryName,
  BUNDLE_FORMAT_VERSION,
  defaultBundleLimits,
  entryKind,
  MANIFEST_ENTRY,
  manifestSchema,
  refuse,
  SIGNATURE_ENTRY,
  signatureSchema,
  type BundleLimits,
  type BundleManifest,
  type BundleSignature,
} from './format';
import { fingerprintOf, publicKeyFromBase64, verifySignature } from './keys.node.ts';
import { signatureEntryText } from './signature-entry.node.ts';
import { readZipEntries } from './zip.node.ts';
import type { Unlock } from './types';

/** A .ccat file that passed every check of design §6 up to and including migration. */
export interface OpenedBundle {
  encrypted: boolean;
  manifest: BundleManifest;
  signature: BundleSignature;
  /** Current schema version, in manifest order. */
  assessments: Assessment[];
  /** SHA-256 → bytes, every one checked against the manifest. */
  attachments: Map<string, Uint8Array>;
}

// Stryker disable next-line StringLiteral: another encoding name makes the module throw when it loads, failing every test that imports it; Stryker's vitest runner counts no failed test then and calls it survived (checked by hand)
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Opens an untrusted .ccat file: size → decryption → zip limits and names → safe JSON parse →
 * strict schema → digests → signature → migration. Nothing is written anywhere; every refusal
 * is a CoreError whose details.reason says which check failed and whose message names the entry.
 */
export async function openBundle(file: Uint8Array, unlock: Unlock = {}, limits: BundleLimits = defaultBundleLimits): Promise<OpenedBundle> {
  checkSize(file, limits);
  const encrypted = encryptionOf(file) !== undefined;
  // age does not compress, so what it decrypts is smaller than the file whose size was just checked.
  const zipBytes = encrypted ? await decryptBundle(file, unlock) : file;
  if (zipBytes.length < 4 || zipBytes[0] !== 0x50 || zipBytes[1] !== 0x4b) {
    refuse('INVALID_BUNDLE', 'This is not a .ccat file: it is neither a CCAT zip nor an age-encrypted file.', { reason: 'not-a-bundle' });
  }
  const entries = await readZipEntries(zipBytes, limits);
  for (const name of [MANIFEST_ENTRY, SIGNATURE_ENTRY]) {
    if (!entries.has(name)) refuse('TAMPERED', `The entry "${name}" is missing, so the file cannot be checked.`, { reason: 'missing-entry', entry: name });
  }

  // Parse every JSON entry before any schema or digest looks at it.
  const json = new Map<string, unknown>();
  for (const [name, bytes] of entries) {
    if (entryKind(name) !== 'attachment') json.set(name, parseEntry(name, bytes, limits));
  }

  const manifest = strictManifest(json.get(MANIFEST_ENTRY), limits);
  const signature = strict(signatureSchema, json.get(SIGNATURE_ENTRY), SIGNATURE_ENTRY);
  const rawAssessments = new Map<string, unknown>();
  for (const [name, value] of json) {
    if (entryKind(name) === 'assessment') rawAssessments.set(name, strictAssessment(name, value));
  }

  checkDigests(entries, manifest);
  checkSignature(entries.get(MANIFEST_ENTRY)!, signature, entries.get(SIGNATURE_ENTRY)!);

  const assessments = manifest.assessments.map((listed) => {
    const name = assessmentEntryName(listed.id);
    const raw = rawAssessments.get(name);
    if (raw === undefined) refuse('INVALID_BUNDLE', `The manifest lists assessment ${listed.id}, but the entry "${name}" is missing.`, { reason: 'missing-entry', entry: name });
    return migrated(name, raw);
  });
  if (rawAssessments.size !== assessments.length) {
    const extra = [...rawAssessments.keys()].find((name) => !manifest.assessments.some((a) => assessmentEntryName(a.id) === name))!;
    refuse('INVALID_BUNDLE', `The entry "${extra}" is not listed among the manifest's assessments.`, { reason: 'unlisted-entry', entry: extra });
  }
  const attachments = new Map<string, Uint8Array>();
  for (const [name, bytes] of entries) {
    if (entryKind(name) !== 'attachment') continue;
    const digest = name.slice('attachments/'.length);
    // Signed or not, a file under another file's digest would leave the assessment pointing at nothing once stored.
    if (sha256(bytes) !== digest) refuse('INVALID_BUNDLE', `The entry "${name}" does not hold the file its name promises (its SHA-256 differs).`, { reason: 'attachment-digest', entry: name });
    attachments.set(digest, bytes);
  }
  for (const assessment of assessments) {
    assessment.attachments.forEach((meta, index) => {
      if (!attachments.has(meta.id)) {
        refuse('INVALID_BUNDLE', `Assessment ${assessment.id} refers to an attachment (${meta.fileName}) that the file does not contain.`, {
          reason: 'missing-attachment',
          entry: attachmentEntryName(meta.id),
          field: `attachments.${index}.id`,
        });
      }
    });
  }
  return { encrypted, manifest, signature, assessments, attachments };
}

function checkSize(bytes: Uint8Array, limits: BundleLimits): void {
  if (bytes.length > limits.maxFileBytes) {
    refuse('INVALID_BUNDLE', `The file is ${(bytes.length / 1048576).toFixed(1)} MB; a .ccat file may be at most ${limits.maxFileBytes / 1048576} MB.`, {
      reason: 'too-large',
    });
  }
}

function parseEntry(name: string, bytes: Uint8Array, limits: BundleLimits): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return refuse('INVALID_BUNDLE', `The entry "${name}" is not UTF-8 text.`, { reason: 'not-json', entry: name });
  }
  try {
    return parseUntrustedJson(text, `The entry "${name}"`, { maxBytes: limits.maxJsonBytes, maxDepth: limits.maxDepth });
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    const reason = (error.details as { reason?: string } | undefined)?.reason ?? 'not-json';
    return refuse('INVALID_BUNDLE', error.message, { reason, entry: name });
  }
}

function strict<T>(schema: z.ZodType<T>, value: unknown, entry: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    refuse('INVALID_BUNDLE', `The entry "${entry}" does not match the .ccat format: ${describeIssues(parsed.error.issues.slice(0, 3))}`, {
      reason: 'schema',
      entry,
      field: first?.path.map(String).join('.') ?? '',
    });
  }
  return parsed.data;
}

function strictManifest(value: unknown, limits: BundleLimits): BundleManifest {
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BUNDLE_FORMAT_VERSION) {
    refuse('INVALID_BUNDLE', `This file was made by a newer CCAT (bundle format ${version}); update CCAT to import it.`, { reason: 'newer-version', entry: MANIFEST_ENTRY, field: 'formatVersion' });
  }
  const manifest = strict(manifestSchema, value, MANIFEST_ENTRY);
  if (manifest.assessments.length > limits.maxAssessments) {
    refuse('INVALID_BUNDLE', `The file holds ${manifest.assessments.length} assessments; a .ccat file may hold at most ${limits.maxAssessments}.`, {
      reason: 'schema',
      entry: MANIFEST_ENTRY,
      field: 'assessments',
    });
  }
  for (const [field, names] of [
    ['assessments', manifest.assessments.map((a) => a.id)],
    ['entries', manifest.entries.map((e) => e.name)],
  ] as const) {
    const seen = new Set<string>();
    const twice = names.find((name) => {
      if (seen.has(name)) return true;
      seen.add(name);
      return false;
    });
    if (twice !== undefined) refuse('INVALID_BUNDLE', `The manifest lists "${twice}" twice.`, { reason: 'schema', entry: MANIFEST_ENTRY, field });
  }
  return manifest;
}

/** Current-version documents are held to the full schema now; older ones after migration. */
function strictAssessment(name: string, value: unknown): unknown {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    refuse('INVALID_BUNDLE', `The entry "${name}" has no valid schemaVersion.`, { reason: 'schema', entry: name, field: 'schemaVersion' });
  }
  if (version > ASSESSMENT_SCHEMA_VERSION) {
    refuse('INVALID_BUNDLE', `The assessment in "${name}" was saved by a newer CCAT (format ${version}, this CCAT reads up to ${ASSESSMENT_SCHEMA_VERSION}); update CCAT to import it.`, {
      reason: 'newer-version',
      entry: name,
      field: 'schemaVersion',
    });
  }
  return version === ASSESSMENT_SCHEMA_VERSION ? strict(assessmentSchema, value, name) : value;
}

/** Every entry but the manifest and its signature is listed with its exact size and SHA-256, and nothing else is. */
function checkDigests(entries: Map<string, Uint8Array>, manifest: BundleManifest): void {
  const listed = new Map(manifest.entries.map((entry) => [entry.name, entry]));
  for (const [name, bytes] of entries) {
    if (name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY) continue;
    const expected = listed.get(name);
    if (expected === undefined) refuse('TAMPERED', `The entry "${name}" is not in the signed manifest: it was added after the file was signed.`, { reason: 'unlisted-entry', entry: name });
    if (expected.size !== bytes.length || expected.sha256 !== sha256(bytes)) {
      refuse('TAMPERED', `The entry "${name}" was changed after the file was signed: its SHA-256 digest does not match the manifest.`, { reason: 'digest-mismatch', entry: name });
    }
  }
  for (const name of listed.keys()) {
    if (!entries.has(name)) refuse('TAMPERED', `The entry "${name}" listed in the signed manifest is missing: it was removed after the file was signed.`, { reason: 'missing-entry', entry: name });
  }
}

function checkSignature(manifestBytes: Uint8Array, signature: BundleSignature, signatureBytes: Uint8Array): void {
  let fingerprint: string;
  try {
    publicKeyFromBase64(signature.publicKey);
    fingerprint = fingerprintOf(Buffer.from(signature.publicKey, 'base64'));
  } catch {
    return refuse('TAMPERED', 'The signer\'s public key in signature.json is not a valid Ed25519 key.', { reason: 'bad-signature', entry: SIGNATURE_ENTRY, field: 'publicKey' });
  }
  if (fingerprint !== signature.fingerprint) {
    refuse('TAMPERED', `The fingerprint in signature.json (${signature.fingerprint}) is not the fingerprint of its key (${fingerprint}).`, { reason: 'bad-signature', entry: SIGNATURE_ENTRY, field: 'fingerprint' });
  }
  if (!verifySignature(signature.publicKey, manifestBytes, signature.signature)) {
    refuse('TAMPERED', 'The signature does not match the manifest: the file was changed after it was signed, or the signature is forged.', {
      reason: 'bad-signature',
      entry: SIGNATURE_ENTRY,
      field: 'signature',
    });
  }
  if (utf8.decode(signatureBytes) !== signatureEntryText(signature)) {
    refuse('TAMPERED', 'signature.json has been edited (its spacing or encoding differs from what CCAT writes), so the file is not exactly as it was sent.', {
      reason: 'edited-signature-entry',
      entry: SIGNATURE_ENTRY,
    });
  }
}

function migrated(name: string, raw: unknown): Assessment {
  let current: unknown;
  try {
    current = migrateToCurrent(raw);
  } catch (error) {
    return refuse('INVALID_BUNDLE', `The assessment in "${name}" could not be brought up to date: ${(error as Error).message}.`, { reason: 'migration', entry: name });
  }
  return strict(assessmentSchema, current, name);
}
