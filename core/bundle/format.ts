import { z } from 'zod';
import { CoreError, type ErrorCode } from '../api/result';

/** What a .ccat file holds (design §3 "Bundle"); a reader refuses a newer format instead of guessing. */
export const BUNDLE_FORMAT = 'ccat-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'signature.json';
export const BUNDLE_MEDIA_TYPE = 'application/vnd.ccat.bundle';

export interface BundleLimits {
  /** The .ccat file as received, and again after decryption. */
  maxFileBytes: number;
  maxEntries: number;
  maxAssessments: number;
  /** Uncompressed, per kind of entry. */
  maxJsonBytes: number;
  maxAttachmentBytes: number;
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, checked once an entry passes `ratioFloorBytes`. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  maxDepth: number;
}

const MiB = 1024 * 1024;

export const defaultBundleLimits: BundleLimits = {
  maxFileBytes: 256 * MiB,
  maxEntries: 10_000,
  maxAssessments: 50,
  maxJsonBytes: 20 * MiB,
  // The store's own limit for one attachment (core/store/attachments MAX_ATTACHMENT_BYTES).
  maxAttachmentBytes: 25 * MiB,
  maxTotalBytes: 512 * MiB,
  // JSON compresses about 10:1 and scanned documents barely at all; 100:1 is only reached by padding.
  maxCompressionRatio: 100,
  ratioFloorBytes: MiB,
  maxDepth: 64,
};

/** Why a file was refused: `reason` is stable for the UI and tests; the message is for people. */
export interface RefusalDetails {
  reason: string;
  entry?: string;
  field?: string;
  [key: string]: unknown;
}

export function refusal(code: ErrorCode, message: string, details: RefusalDetails): CoreError {
  return new CoreError(code, message, details);
}

export function refuse(code: ErrorCode, message: string, details: RefusalDetails): never {
  throw refusal(code, message, details);
}

const sha256Hex = z.string().regex(/^[a-f0-9]{64}$/, 'must be a SHA-256 digest in lower-case hex');
const isoTimestamp = z.iso.datetime({ offset: true });
const recordId = z.string().regex(/^[a-z0-9-]{8,64}$/);

const manifestEntry = z.strictObject({ name: z.string().max(200), size: z.number().int().min(0), sha256: sha256Hex });

export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  createdAt: isoTimestamp,
  createdBy: z.string().max(200),
  app: z.strictObject({ name: z.literal('CCAT'), version: z.string().max(50) }),
  installation: z.strictObject({ id: z.string().min(1).max(100), name: z.string().max(200) }),
  redacted: z.boolean(),
  assessments: z
    .array(
      z.strictObject({
        id: recordId,
        title: z.string().max(200),
        revision: z.number().int().min(0),
        schemaVersion: z.number().int().min(1),
        frameworkId: z.string().max(100),
        frameworkVersion: z.string().max(50),
      }),
    )
    .min(1),
  entries: z.array(manifestEntry),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

export const signatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a base64 Ed25519 public key'),
  fingerprint: z.string().max(100),
  /** Over the exact bytes of manifest.json. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 Ed25519 signature'),
});
export type BundleSignature = z.infer<typeof signatureSchema>;

export function assessmentEntryName(id: string): string {
  return `assessment/${id}.json`;
}

export function attachmentEntryName(sha256: string): string {
  return `attachments/${sha256}`;
}

export type EntryKind = 'manifest' | 'signature' | 'assessment' | 'attachment';

/** The only names a bundle may hold; anything else (folders included) is refused. */
export function entryKind(name: string): EntryKind | undefined {
  if (name === MANIFEST_ENTRY) return 'manifest';
  if (name === SIGNATURE_ENTRY) return 'signature';
  if (/^assessment\/[a-z0-9-]{8,64}\.json$/.test(name)) return 'assessment';
  if (/^attachments\/[a-f0-9]{64}$/.test(name)) return 'attachment';
  return undefined;
}

/**
 * Why an entry name could be dangerous when a naive tool extracts the zip, or undefined when
 * it is harmless. Checked before the name is compared with the allowed ones so the person
 * sees that the file was crafted, not merely unexpected.
 */
export function unsafeEntryName(name: string): string | undefined {
  if (name.includes('\0')) return 'contains a NUL character';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.startsWith('/')) return 'is an absolute path';
  if (name.includes('\\')) return 'contains a backslash';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the folder with ".."';
  return undefined;
}

/** JSON with sorted keys and no spaces: the manifest's bytes do not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
