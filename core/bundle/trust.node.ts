import * as fsp from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../api/dispatch';
import { CoreError } from '../api/result';
import { parseUntrustedJson } from '../json/safe-parse';
import { ensureFolderDurably, writeFileDurably } from '../store/atomic-write.node.ts';
import { errnoCode, storeIoError } from '../store/errors';
import { nodeFs } from '../store/node-fs.node.ts';
import { refuse } from './format';
import { KEYS_FOLDER } from './keys.node.ts';
import type { BundleSigner, KnownSigner } from './types';

const SIGNERS_FILE = 'signers.json';

const knownSigner = z.strictObject({
  fingerprint: z.string().max(100),
  publicKey: z.string().max(100),
  name: z.string().max(200),
  installationId: z.string().max(100),
  installationName: z.string().max(200),
  firstSeen: z.iso.datetime({ offset: true }),
  lastSeen: z.iso.datetime({ offset: true }),
});
const signersFile = z.strictObject({ schemaVersion: z.literal(1), signers: z.array(knownSigner) });

/** The known-signers list of one data folder (keys/signers.json). */
export class SignerList {
  private readonly path: string;

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, KEYS_FOLDER, SIGNERS_FILE);
  }

  async list(): Promise<KnownSigner[]> {
    let text: string;
    try {
      text = await fsp.readFile(this.path, 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw storeIoError(error, { operation: 'read', file: this.path, folder: dirname(this.path) });
    }
    // A damaged list must not read as "nobody is trusted yet": that would re-ask about every signer
    // and hide a changed key. The person is told instead.
    let parsed;
    try {
      parsed = signersFile.safeParse(parseUntrustedJson(text, SIGNERS_FILE));
    } catch (error) {
      throw new CoreError('DAMAGED_FILE', `The list of known signers ${this.path} is damaged: ${(error as Error).message}`, { file: this.path });
    }
    if (!parsed.success) {
      throw new CoreError('DAMAGED_FILE', `The list of known signers ${this.path} is damaged: ${describeIssues(parsed.error.issues)}`, { file: this.path });
    }
    return parsed.data.signers;
  }

  /** Adds the signer, or refreshes its last-seen time; a key change is refused, never written over. */
  async remember(signer: Omit<KnownSigner, 'name' | 'firstSeen' | 'lastSeen'> & { name?: string }, at: string): Promise<KnownSigner> {
    const signers = await this.list();
    const existing = signers.find((s) => s.fingerprint === signer.fingerprint);
    if (existing === undefined) assertNoKeyChange(signers, signer);
    const entry: KnownSigner = existing
      ? { ...existing, lastSeen: at }
      : { ...signer, name: signer.name ?? signer.installationName, firstSeen: at, lastSeen: at };
    await this.write([...signers.filter((s) => s !== existing), entry]);
    return entry;
  }

  async rename(fingerprint: string, name: string): Promise<KnownSigner> {
    const signers = await this.list();
    const found = this.find(signers, fingerprint);
    const renamed = { ...found, name };
    await this.write(signers.map((s) => (s === found ? renamed : s)));
    return renamed;
  }

  async remove(fingerprint: string): Promise<void> {
    const signers = await this.list();
    const found = this.find(signers, fingerprint);
    await this.write(signers.filter((s) => s !== found));
  }

  private find(signers: KnownSigner[], fingerprint: string): KnownSigner {
    const found = signers.find((s) => s.fingerprint === fingerprint);
    if (found === undefined) throw new CoreError('NOT_FOUND', `No known signer has the fingerprint ${fingerprint}.`, { fingerprint });
    return found;
  }

  private async write(signers: KnownSigner[]): Promise<void> {
    await ensureFolderDurably(nodeFs, join(this.dataDir, KEYS_FOLDER));
    await writeFileDurably(this.path, `${JSON.stringify({ schemaVersion: 1, signers }, null, 2)}\n`);
  }
}

interface ClaimedSigner {
  fingerprint: string;
  installationId: string;
  installationName: string;
}

/**
 * A known installation (same id, or same name) signing with another key is what an impostor
 * looks like, and also what a reinstalled laptop looks like: only people can tell, so it is
 * refused loudly until they remove the old entry on purpose.
 */
function assertNoKeyChange(signers: readonly KnownSigner[], incoming: ClaimedSigner): void {
  const clash = signers.find(
    (s) =>
      s.fingerprint !== incoming.fingerprint &&
      ((incoming.installationId !== '' && s.installationId === incoming.installationId) ||
        (incoming.installationName !== '' && (s.installationName === incoming.installationName || s.name === incoming.installationName))),
  );
  if (clash === undefined) return;
  refuse(
    'KEY_CHANGED',
    `WARNING: this file claims to come from "${incoming.installationName}", which you know as "${clash.name}", but it is signed with a different key (fingerprint ${incoming.fingerprint}, expected ${clash.fingerprint}). Someone may be impersonating that installation. Nothing was imported. If its owner confirms (compare the fingerprint by phone) that they have a new key, remove "${clash.name}" from the known signers and import again.`,
    { reason: 'key-changed', expected: clash.fingerprint, found: incoming.fingerprint, knownAs: clash.name },
  );
}

/** Where the signer stands for this data folder; KEY_CHANGED is thrown, not returned. */
export function classifySigner(signers: readonly KnownSigner[], incoming: ClaimedSigner & { publicKey: string }, ownFingerprint: string | undefined): BundleSigner {
  const base = { fingerprint: incoming.fingerprint, publicKey: incoming.publicKey, installationId: incoming.installationId, installationName: incoming.installationName };
  if (incoming.fingerprint === ownFingerprint) return { ...base, status: 'self' };
  const known = signers.find((s) => s.fingerprint === incoming.fingerprint);
  if (known !== undefined) return { ...base, status: 'known', knownAs: known.name };
  assertNoKeyChange(signers, incoming);
  return { ...base, status: 'new' };
}
