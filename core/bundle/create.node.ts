import type { Assessment } from '../model/assessment';
import { REDACTED, redactAssessment } from '../report/redact';
import { titleStem } from '../report/file-name';
import {
  assessmentEntryName,
  attachmentEntryName,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  canonicalJson,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  type BundleManifest,
  type BundleSignature,
} from './format';
import type { InstallationKey } from './keys.node.ts';
import { sha256 } from './open.node.ts';
import { signatureEntryText } from './signature-entry.node.ts';
import { writeZip, type ZipEntry } from './zip.node.ts';

export interface SignedZipInput {
  assessments: readonly Assessment[];
  readAttachment(sha256: string): Promise<Uint8Array>;
  key: InstallationKey;
  appVersion: string;
  createdAt: Date;
  createdBy: string;
  /** People's names and non-attributable organisations left out, as in every redacted export. */
  redact: boolean;
}

/** The zip of design §3: assessments, attachments by digest, a manifest of every digest, its Ed25519 signature. */
export async function createSignedZip(input: SignedZipInput): Promise<Uint8Array> {
  const assessments = input.redact ? input.assessments.map(redactAssessment) : input.assessments;
  const encoder = new TextEncoder();
  const entries: ZipEntry[] = assessments.map((assessment) => ({
    name: assessmentEntryName(assessment.id),
    bytes: encoder.encode(`${JSON.stringify(assessment, null, 2)}\n`),
  }));
  const digests = [...new Set(assessments.flatMap((a) => a.attachments.map((meta) => meta.id)))].sort();
  for (const digest of digests) entries.push({ name: attachmentEntryName(digest), bytes: await input.readAttachment(digest) });

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAt: input.createdAt.toISOString(),
    createdBy: input.redact ? REDACTED : input.createdBy,
    app: { name: 'CCAT', version: input.appVersion },
    installation: { id: input.key.installationId, name: input.key.name },
    redacted: input.redact,
    assessments: assessments.map((a) => ({
      id: a.id,
      title: a.title,
      revision: a.revision,
      schemaVersion: a.schemaVersion,
      frameworkId: a.frameworkId,
      frameworkVersion: a.frameworkVersion,
    })),
    entries: entries.map((entry) => ({ name: entry.name, size: entry.bytes.length, sha256: sha256(entry.bytes) })),
  };
  const manifestBytes = encoder.encode(canonicalJson(manifest));
  const signature: BundleSignature = {
    algorithm: 'Ed25519',
    publicKey: input.key.publicKey,
    fingerprint: input.key.fingerprint,
    signature: input.key.sign(manifestBytes),
  };
  entries.push({ name: MANIFEST_ENTRY, bytes: manifestBytes }, { name: SIGNATURE_ENTRY, bytes: encoder.encode(signatureEntryText(signature)) });
  return writeZip(entries);
}

/** "<title>-<CC>[-redacted]-<YYYY-MM-DD>.ccat", or "ccat-<n>-assessments-…" for several. */
export function bundleFileName(assessments: readonly Pick<Assessment, 'title' | 'country'>[], redact: boolean, at: Date): string {
  const first = assessments[0]!;
  const head = assessments.length === 1 ? [titleStem(first.title), first.country] : ['ccat', `${assessments.length}-assessments`];
  return `${[...head, ...(redact ? ['redacted'] : []), at.toISOString().slice(0, 10)].join('-')}.ccat`;
}
