import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { newHqIdentity } from '../../core/bundle/encryption';
import { writeSecretFile } from '../../core/bundle/keys.node.ts';
import type { InstallationKeyInfo, KnownSigner } from '../../core/bundle/types';
import { writeFileDurably } from '../../core/store/atomic-write.node.ts';
import { requireString } from '../usage';
import { openCliCore, unwrap } from './open';

/** `ccat keys show`: this installation's fingerprint (to read aloud) and the signers it trusts. */
export async function runKeysShow(values: Record<string, unknown>): Promise<number> {
  const core = await openCliCore(values);
  try {
    const key = unwrap<InstallationKeyInfo>(await core.dispatch('getInstallationKey', {}));
    const signers = unwrap<KnownSigner[]>(await core.dispatch('listSigners', {}));
    if (values.json) {
      console.log(JSON.stringify({ installation: key, knownSigners: signers }, null, 2));
      return 0;
    }
    console.log(`This installation: ${key.name} (${key.installationId})`);
    console.log(`  fingerprint ${key.fingerprint}`);
    console.log(signers.length === 0 ? 'No known signers yet.' : 'Known signers:');
    for (const s of signers) console.log(`  ${s.fingerprint}  ${s.name}  (calls itself "${s.installationName}", first seen ${s.firstSeen})`);
    return 0;
  } finally {
    await core.close();
  }
}

/** `ccat keys export-public --out F`: the small file others trust this installation's .ccat files with. */
export async function runKeysExportPublic(values: Record<string, unknown>): Promise<number> {
  const out = resolve(requireString(values, 'out'));
  const core = await openCliCore(values);
  try {
    const key = unwrap<InstallationKeyInfo>(await core.dispatch('getInstallationKey', {}));
    await writeFileDurably(out, key.publicKeyFile);
    console.log(`Wrote ${out}\n  fingerprint ${key.fingerprint}`);
    return 0;
  } finally {
    await core.close();
  }
}

/** `ccat keys trust F`: trust a public key file received from another installation. */
export async function runKeysTrust(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const text = await readFile(resolve(positionals[0]!), 'utf8');
  const core = await openCliCore(values);
  try {
    const signer = unwrap<KnownSigner>(await core.dispatch('trustSigner', { publicKeyFile: text.slice(0, 4096) }));
    console.log(`Trusted ${signer.name}\n  fingerprint ${signer.fingerprint}`);
    return 0;
  } finally {
    await core.close();
  }
}

/** `ccat keys new-hq-identity --out F`: an age identity for HQ (private, mode 0600) and its recipient line. */
export async function runKeysNewHqIdentity(values: Record<string, unknown>): Promise<number> {
  const out = resolve(requireString(values, 'out'));
  const { identityFile, recipient } = await newHqIdentity(new Date());
  await writeSecretFile(out, identityFile);
  await writeFileDurably(`${out}.recipient`, `${recipient}\n`);
  console.log(`Wrote the HQ identity ${out} (keep it secret; it opens every file encrypted to HQ)`);
  console.log(`Wrote the recipient ${out}.recipient: give it to field teams for --encrypt-to`);
  console.log(`  recipient ${recipient}`);
  return 0;
}
