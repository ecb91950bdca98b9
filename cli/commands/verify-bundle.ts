import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CoreError } from '../../core/api/result';
import { parseIdentityFile } from '../../core/bundle/encryption';
import { describeVerified } from '../../core/bundle/exchange.node.ts';
import { defaultBundleLimits } from '../../core/bundle/format';
import { openBundle } from '../../core/bundle/open.node.ts';
import type { Unlock } from '../../core/bundle/types';
import { UsageError } from '../usage';

/** --identity KEYFILE or --passphrase-file F: what opens an encrypted .ccat file. */
export async function unlockFrom(values: Record<string, unknown>): Promise<Unlock> {
  const identity = typeof values.identity === 'string' ? values.identity : undefined;
  const passphraseFile = typeof values['passphrase-file'] === 'string' ? values['passphrase-file'] : undefined;
  if (identity !== undefined && passphraseFile !== undefined) throw new UsageError('give --identity or --passphrase-file, not both');
  if (identity !== undefined) return { identities: parseIdentityFile(await readFile(resolve(identity), 'utf8')) };
  if (passphraseFile !== undefined) return { passphrase: await readPassphrase(passphraseFile) };
  return {};
}

/** The first line of the file: editors add a final newline that is not part of the passphrase. */
export async function readPassphrase(path: string): Promise<string> {
  const passphrase = (await readFile(resolve(path), 'utf8')).split(/\r?\n/)[0] ?? '';
  if (passphrase === '') throw new UsageError(`${path} holds no passphrase on its first line`);
  return passphrase;
}

/** The file's bytes; one larger than any .ccat may be is refused before it is read into memory. */
export async function readBundleFile(path: string): Promise<Uint8Array> {
  const { size } = await stat(path);
  if (size > defaultBundleLimits.maxFileBytes) {
    throw new CoreError('INVALID_BUNDLE', `The file is ${(size / 1048576).toFixed(1)} MB; a .ccat file may be at most ${defaultBundleLimits.maxFileBytes / 1048576} MB.`, { reason: 'too-large' });
  }
  return new Uint8Array(await readFile(path));
}

/** `ccat verify FILE.ccat`: every check of an import except trust, which belongs to a data folder. Exit 0 valid, 1 invalid. */
export async function runVerifyBundle(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const path = resolve(positionals[0]!);
  const unlock = await unlockFrom(values);
  try {
    const opened = await openBundle(await readBundleFile(path), unlock);
    const { manifest, signature } = opened;
    if (values.json) {
      console.log(
        JSON.stringify(
          {
            valid: true,
            file: path,
            encrypted: opened.encrypted,
            signer: { fingerprint: signature.fingerprint, publicKey: signature.publicKey, installation: manifest.installation },
            createdAt: manifest.createdAt,
            createdBy: manifest.createdBy,
            appVersion: manifest.app.version,
            redacted: manifest.redacted,
            assessments: manifest.assessments,
            entries: manifest.entries.map((entry) => ({ ...entry, digest: 'ok' })),
            signature: 'valid',
          },
          null,
          2,
        ),
      );
    } else {
      console.log(`Valid: ${path}`);
      console.log(`  signer:    ${manifest.installation.name} (installation ${manifest.installation.id})`);
      console.log(`  fingerprint ${signature.fingerprint}`);
      console.log(`  created:   ${manifest.createdAt} by ${manifest.createdBy}, CCAT ${manifest.app.version}${manifest.redacted ? ', redacted' : ''}${opened.encrypted ? ', encrypted' : ''}`);
      for (const a of manifest.assessments) console.log(`  assessment ${a.id} revision ${a.revision} (${a.frameworkId} ${a.frameworkVersion}): ${a.title}`);
      for (const entry of manifest.entries) console.log(`  ok  ${entry.sha256}  ${String(entry.size).padStart(9)}  ${entry.name}`);
      console.log(`  ${describeVerified(opened)}`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    const reason = (error.details as { reason?: string } | undefined)?.reason;
    if (values.json) {
      console.log(JSON.stringify({ valid: false, file: path, error: { code: error.code, reason, message: error.message } }, null, 2));
    } else {
      console.error(`Invalid: ${path}\n  ${error.message} (${error.code}${reason ? `, ${reason}` : ''})`);
    }
    return 1;
  }
}
