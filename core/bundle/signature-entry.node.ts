import type { BundleSignature } from './format';

/**
 * signature.json is not itself signed, so it has exactly one accepted spelling: this one, with
 * base64 re-encoded from its bytes. Otherwise a file whose spaces or unused base64 bits were
 * changed would still verify, and "imported" would no longer mean "byte for byte as sent".
 */
export function signatureEntryText(signature: BundleSignature): string {
  const canonical: BundleSignature = {
    algorithm: signature.algorithm,
    publicKey: Buffer.from(signature.publicKey, 'base64').toString('base64'),
    fingerprint: signature.fingerprint,
    signature: Buffer.from(signature.signature, 'base64').toString('base64'),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}
