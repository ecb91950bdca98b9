import type { ExportedFile } from '../api/commands';

/** This installation's signing identity, as Settings shows it. Never holds the private key. */
export interface InstallationKeyInfo {
  installationId: string;
  name: string;
  createdAt: string;
  /** 8 groups of 4 hex digits, to read aloud and compare. */
  fingerprint: string;
  /** Raw Ed25519 public key, base64. */
  publicKey: string;
  /** The text of the small public key file others import with "trust". */
  publicKeyFile: string;
}

/** An installation whose .ccat files this data folder accepts. */
export interface KnownSigner {
  fingerprint: string;
  publicKey: string;
  /** What the person here calls it; starts as the installation's own name and can be renamed. */
  name: string;
  installationId: string;
  /** The name the installation gives itself in its files. */
  installationName: string;
  firstSeen: string;
  lastSeen: string;
}

export interface BundleSigner {
  fingerprint: string;
  publicKey: string;
  installationId: string;
  installationName: string;
  /** self: this installation; known: in the list; new: never seen, the person must confirm. */
  status: 'self' | 'known' | 'new';
  /** The local name when known. */
  knownAs?: string;
}

/** What importing one assessment of the file would do (inspect) or did (import). */
export type AssessmentRelation = 'new' | 'update' | 'unchanged' | 'diverged';
export type ImportOutcome = 'imported' | 'updated' | 'unchanged' | 'copied';

export interface BundleAssessmentSummary {
  id: string;
  title: string;
  country: string;
  frameworkId: string;
  frameworkVersion: string;
  revision: number;
  attachments: number;
  relation: AssessmentRelation;
}

export interface BundleInspection {
  encrypted: boolean;
  signer: BundleSigner;
  createdAt: string;
  createdBy: string;
  appVersion: string;
  redacted: boolean;
  assessments: BundleAssessmentSummary[];
  /** Every entry with its size and SHA-256, all checked. */
  entries: Array<{ name: string; size: number; sha256: string }>;
}

export interface BundleImportResult {
  signer: BundleSigner;
  /** The signer was added to the known signers by this import. */
  signerAdded: boolean;
  assessments: Array<{ id: string; storedAs: string; title: string; outcome: ImportOutcome }>;
}

/** How to open an encrypted file: an age identity (AGE-SECRET-KEY-1…) and/or a passphrase. */
export interface Unlock {
  identities?: string[];
  passphrase?: string;
}

export interface ExportBundleRequest {
  ids: string[];
  /** age recipients (age1…); the file is then readable only by their identities. */
  recipients: string[];
  passphrase?: string;
  redact: boolean;
  by?: string;
}

export interface ImportBundleRequest extends Unlock {
  bytes: Uint8Array;
  /** The person confirmed a signer seen for the first time. */
  trustNewSigner: boolean;
  /** Keep an older or diverged copy as a new assessment linked to the stored one. */
  keepDivergedAsCopy: boolean;
  by?: string;
}

/** The exchange as the API handlers see it; core/bundle/exchange.node.ts implements it. */
export interface ExchangeServices {
  installationKey(): Promise<InstallationKeyInfo>;
  renameInstallation(name: string): Promise<InstallationKeyInfo>;
  exportBundle(request: ExportBundleRequest): Promise<ExportedFile>;
  inspectBundle(bytes: Uint8Array, unlock: Unlock): Promise<BundleInspection>;
  importBundle(request: ImportBundleRequest): Promise<BundleImportResult>;
  listSigners(): Promise<KnownSigner[]>;
  trustSigner(publicKeyFile: string): Promise<KnownSigner>;
  renameSigner(fingerprint: string, name: string): Promise<KnownSigner>;
  removeSigner(fingerprint: string): Promise<void>;
}
