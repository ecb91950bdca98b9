import { hostname } from 'node:os';
import type { ExportedFile } from '../api/commands';
import { defaultAuthor } from '../api/editing';
import type { AssessmentRepository } from '../api/repository';
import { CoreError } from '../api/result';
import type { Assessment, HistoryEntry } from '../model/assessment';
import { toBase64 } from '../report/bytes';
import type { AttachmentFiles } from '../store/attachment-files';
import { bundleFileName, createSignedZip } from './create.node.ts';
import { encryptBundle } from './encryption';
import { BUNDLE_MEDIA_TYPE, defaultBundleLimits, refuse, type BundleLimits } from './format';
import { installationKey, parsePublicKeyFile, readInstallationKey, renameInstallation, type InstallationKey } from './keys.node.ts';
import { IMPORT_FIELD, isOlderCopy, relationTo, updatedCopy } from './lineage';
import { openBundle, type OpenedBundle } from './open.node.ts';
import { classifySigner, SignerList } from './trust.node.ts';
import type { AssessmentRelation, BundleImportResult, BundleInspection, BundleSigner, ExchangeServices, ImportOutcome, InstallationKeyInfo, Unlock } from './types';

export interface ExchangeOptions {
  dataDir: string;
  store: AssessmentRepository;
  attachments: AttachmentFiles;
  appVersion: string;
  now: () => Date;
  newId: () => string;
  /** Whether this CCAT has the framework version an assessment was rated on. */
  hasFramework(id: string, version: string): boolean;
  /** The name a new installation gives itself; the computer's name by default. */
  installationName?: string;
  limits?: BundleLimits;
  /** Tests lower it; files always carry the value they were made with. */
  scryptWorkFactor?: number;
}

interface Planned {
  assessment: Assessment;
  stored: Assessment | undefined;
  relation: AssessmentRelation;
}

/** The exchange over one data folder and its store: what the API handlers and the CLI call. */
export function createExchange(options: ExchangeOptions): ExchangeServices {
  const { dataDir, store, now } = options;
  const limits = options.limits ?? defaultBundleLimits;
  const signers = new SignerList(dataDir);
  const keyOptions = { now, newId: options.newId, defaultName: options.installationName ?? hostname() };
  const key = () => installationKey(dataDir, keyOptions);

  async function signerOf(opened: OpenedBundle): Promise<BundleSigner> {
    const own = await readInstallationKey(dataDir);
    return classifySigner(
      await signers.list(),
      {
        fingerprint: opened.signature.fingerprint,
        publicKey: opened.signature.publicKey,
        installationId: opened.manifest.installation.id,
        installationName: opened.manifest.installation.name,
      },
      own?.fingerprint,
    );
  }

  async function plan(opened: OpenedBundle): Promise<Planned[]> {
    const storedIds = new Set((await store.list()).map((summary) => summary.id));
    return Promise.all(
      opened.assessments.map(async (assessment) => {
        const stored = storedIds.has(assessment.id) ? await store.get(assessment.id) : undefined;
        return { assessment, stored, relation: relationTo(stored, assessment) };
      }),
    );
  }

  function checkFrameworks(opened: OpenedBundle): void {
    for (const a of opened.assessments) {
      if (!options.hasFramework(a.frameworkId, a.frameworkVersion)) {
        refuse(
          'INVALID_BUNDLE',
          `Assessment "${a.title}" was rated on framework ${a.frameworkId} version ${a.frameworkVersion}, which this CCAT does not have. Update CCAT, then import the file again.`,
          { reason: 'unknown-framework', entry: `assessment/${a.id}.json`, field: 'frameworkVersion' },
        );
      }
    }
  }

  return {
    installationKey: async () => publicInfo(await key()),
    renameInstallation: async (name) => publicInfo(await renameInstallation(dataDir, name, keyOptions)),

    async exportBundle(request): Promise<ExportedFile> {
      const assessments = await Promise.all([...new Set(request.ids)].map((id) => store.get(id)));
      const signing = await key();
      const at = now();
      const zip = await createSignedZip({
        assessments,
        readAttachment: (digest) => options.attachments.read(digest),
        key: signing,
        appVersion: options.appVersion,
        createdAt: at,
        createdBy: request.by ?? signing.name,
        redact: request.redact,
      });
      const encrypt = request.recipients.length > 0 || request.passphrase !== undefined;
      const sealed = encrypt
        ? await encryptBundle(zip, { recipients: request.recipients, ...(request.passphrase === undefined ? {} : { passphrase: request.passphrase }), ...scrypt(options) })
        : { bytes: zip, unlock: {} };
      const verified = await verifyOwnBundle(sealed.bytes, sealed.unlock, signing.fingerprint, assessments.length, limits);
      return {
        fileName: bundleFileName(assessments, request.redact, at),
        mediaType: BUNDLE_MEDIA_TYPE,
        encoding: 'base64',
        content: toBase64(sealed.bytes),
        verified,
      };
    },

    async inspectBundle(bytes, unlock): Promise<BundleInspection> {
      const opened = await openBundle(bytes, unlock, limits);
      const signer = await signerOf(opened);
      const planned = await plan(opened);
      return {
        encrypted: opened.encrypted,
        signer,
        createdAt: opened.manifest.createdAt,
        createdBy: opened.manifest.createdBy,
        appVersion: opened.manifest.app.version,
        redacted: opened.manifest.redacted,
        assessments: planned.map(({ assessment: a, relation }) => ({
          id: a.id,
          title: a.title,
          country: a.country,
          frameworkId: a.frameworkId,
          frameworkVersion: a.frameworkVersion,
          revision: a.revision,
          attachments: a.attachments.length,
          relation,
        })),
        entries: opened.manifest.entries,
      };
    },

    async importBundle(request): Promise<BundleImportResult> {
      const opened = await openBundle(request.bytes, request, limits);
      const signer = await signerOf(opened);
      if (signer.status === 'new' && !request.trustNewSigner) {
        refuse(
          'UNTRUSTED_SIGNER',
          `This file is signed by "${signer.installationName}", an installation this data folder has not seen before (fingerprint ${signer.fingerprint}). Compare the fingerprint with the sender, then confirm to import it.`,
          { reason: 'new-signer', signer },
        );
      }
      checkFrameworks(opened);
      const planned = await plan(opened);
      const diverged = planned.find((p) => p.relation === 'diverged');
      if (diverged !== undefined && !request.keepDivergedAsCopy) refuseDiverged(diverged);

      // Every check is done: only now does anything touch the data folder.
      const at = now().toISOString();
      const record = (assessment: Assessment, extra: Record<string, unknown> = {}): HistoryEntry => ({
        at,
        by: request.by ?? defaultAuthor,
        field: IMPORT_FIELD,
        from: null,
        to: { revision: assessment.revision, signer: signer.fingerprint, installation: signer.installationName, createdAt: opened.manifest.createdAt, ...extra },
      });
      for (const { assessment, relation } of planned) {
        if (relation === 'unchanged') continue;
        for (const meta of assessment.attachments) await options.attachments.put(opened.attachments.get(meta.id)!);
      }
      const results: BundleImportResult['assessments'] = [];
      for (const { assessment, stored, relation } of planned) {
        let outcome: ImportOutcome;
        let storedAs = assessment.id;
        if (relation === 'new') {
          await store.create(assessment);
          outcome = 'imported';
        } else if (relation === 'update') {
          await store.save(updatedCopy(stored!, assessment, record(assessment)));
          outcome = 'updated';
        } else if (relation === 'diverged') {
          storedAs = options.newId();
          await store.create({ ...assessment, id: storedAs, history: [...assessment.history, record(assessment, { copyOf: assessment.id })] });
          outcome = 'copied';
        } else {
          outcome = 'unchanged';
        }
        results.push({ id: assessment.id, storedAs, title: assessment.title, outcome });
      }
      let signerAdded = false;
      if (signer.status !== 'self') {
        await signers.remember({ fingerprint: signer.fingerprint, publicKey: signer.publicKey, installationId: signer.installationId, installationName: signer.installationName }, at);
        signerAdded = signer.status === 'new';
      }
      return { signer, signerAdded, assessments: results };
    },

    listSigners: () => signers.list(),

    async trustSigner(publicKeyFile) {
      const parsed = parsePublicKeyFile(publicKeyFile);
      const own = await readInstallationKey(dataDir);
      if (own?.fingerprint === parsed.fingerprint) throw new CoreError('INVALID_INPUT', 'This is the public key of this installation itself; it is always trusted.');
      return signers.remember(
        { fingerprint: parsed.fingerprint, publicKey: parsed.publicKey, installationId: parsed.installationId, installationName: parsed.name, name: parsed.name },
        now().toISOString(),
      );
    },

    renameSigner: (fingerprint, name) => signers.rename(fingerprint, name),
    removeSigner: (fingerprint) => signers.remove(fingerprint),
  };
}

/** Everything but the signing function: what may cross the API. */
function publicInfo({ installationId, name, createdAt, fingerprint, publicKey, publicKeyFile }: InstallationKey): InstallationKeyInfo {
  return { installationId, name, createdAt, fingerprint, publicKey, publicKeyFile };
}

function scrypt(options: ExchangeOptions): { scryptWorkFactor?: number } {
  return options.scryptWorkFactor === undefined ? {} : { scryptWorkFactor: options.scryptWorkFactor };
}

function refuseDiverged({ assessment, stored }: Planned): never {
  const older = stored !== undefined && isOlderCopy(stored, assessment);
  const what = older
    ? `an older copy of "${assessment.title}" (revision ${assessment.revision}; this data folder has revision ${stored.revision})`
    : `a copy of "${assessment.title}" that was changed separately from the one in this data folder`;
  return refuse(
    'DIVERGED',
    `The file holds ${what}. It was not applied, so no work is lost. You can keep it as a separate copy (linked to the original in its history), or merge the two.`,
    { reason: older ? 'older' : 'diverged', id: assessment.id, storedRevision: stored?.revision, incomingRevision: assessment.revision, choices: ['keep-as-copy', 'merge'] },
  );
}

/** The check every export gets before it is called complete (design §6): the file opens, its digests and signature hold. */
async function verifyOwnBundle(bytes: Uint8Array, unlock: Unlock, fingerprint: string, count: number, limits: BundleLimits): Promise<string> {
  let opened: OpenedBundle;
  try {
    opened = await openBundle(bytes, unlock, limits);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CoreError('INTERNAL', `The .ccat file did not pass its check after it was made: ${message} Nothing was saved as complete; try again.`);
  }
  if (opened.signature.fingerprint !== fingerprint || opened.assessments.length !== count) {
    throw new CoreError('INTERNAL', 'The .ccat file did not pass its check after it was made: it does not hold what was exported. Try again.');
  }
  return describeVerified(opened);
}

export function describeVerified(opened: OpenedBundle): string {
  const n = opened.manifest.entries.length;
  return `.ccat re-read${opened.encrypted ? ' and decrypted' : ''}: ${n} entr${n === 1 ? 'y' : 'ies'} match their SHA-256 digests, Ed25519 signature valid (signer ${opened.signature.fingerprint})`;
}
