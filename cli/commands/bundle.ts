import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ExportedFile } from '../../core/api/commands';
import { parseRecipientsFile } from '../../core/bundle/encryption';
import { describeVerified } from '../../core/bundle/exchange.node.ts';
import { openBundle } from '../../core/bundle/open.node.ts';
import { fromBase64 } from '../../core/report/bytes';
import { writeFileDurably } from '../../core/store/atomic-write.node.ts';
import { requireString } from '../usage';
import { openCliCore, unwrap } from './open';
import { readBackIdentical } from './verify-export';
import { readPassphrase } from './verify-bundle';

/** `ccat bundle <id>... --out FILE.ccat`: the core signs, encrypts and verifies; this shell writes durably and checks the disk. */
export async function runBundle(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const out = resolve(requireString(values, 'out'));
  const recipientFiles = Array.isArray(values['encrypt-to']) ? (values['encrypt-to'] as string[]) : [];
  const recipients: string[] = [];
  for (const file of recipientFiles) recipients.push(...parseRecipientsFile(await readFile(resolve(file), 'utf8')));
  const passphrase = typeof values['passphrase-file'] === 'string' ? await readPassphrase(values['passphrase-file']) : undefined;
  const core = await openCliCore(values);
  try {
    const file = unwrap<ExportedFile>(
      await core.dispatch('exportBundle', { ids: positionals, recipients, redact: values.redact === true, ...(passphrase === undefined ? {} : { passphrase }) }),
    );
    const bytes = fromBase64(file.content);
    await writeFileDurably(out, bytes);
    const written = await readBackIdentical(out, bytes);
    // Recipient-encrypted files cannot be opened here (only HQ holds the identity): the core
    // checked them with a throw-away recipient, and the disk holds exactly those bytes.
    const onDisk = recipients.length > 0 ? 'identical to the checked file' : describeVerified(await openBundle(written, passphrase === undefined ? {} : { passphrase }));
    console.log(`Wrote ${out}`);
    console.log(`  core check: ${file.verified}`);
    console.log(`  on disk:    ${onDisk} (${written.length} bytes)`);
    if (recipients.length > 0) console.log(`  encrypted to ${recipients.length} recipient${recipients.length === 1 ? '' : 's'}`);
    if (passphrase !== undefined) console.log('  encrypted with the passphrase');
    return 0;
  } finally {
    await core.close();
  }
}
