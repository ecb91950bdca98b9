import { resolve } from 'node:path';
import { CoreError, toApiError, type ApiError } from '../../core/api/result';
import type { BundleImportResult } from '../../core/bundle/types';
import { openCliCore } from './open';
import { readBundleFile, unlockFrom } from './verify-bundle';

interface FileReport {
  file: string;
  status: 'imported' | 'refused';
  result?: BundleImportResult;
  error?: { code: string; reason?: string; message: string; details?: unknown };
}

/** `ccat import FILE.ccat...`: each file on its own; exit 1 when any was refused. */
export async function runImport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const unlock = await unlockFrom(values);
  const core = await openCliCore(values);
  const reports: FileReport[] = [];
  try {
    for (const name of positionals) {
      const file = resolve(name);
      let bytes: Uint8Array;
      try {
        bytes = await readBundleFile(file);
      } catch (error) {
        if (!(error instanceof CoreError)) throw error;
        reports.push({ file, status: 'refused', error: refusalOf(toApiError(error)) });
        continue;
      }
      const result = await core.dispatch('importBundle', {
        contentBase64: Buffer.from(bytes).toString('base64'),
        ...unlock,
        trustNewSigner: values['trust-new-signers'] === true,
        keepDivergedAsCopy: values['keep-as-copy'] === true,
      });
      reports.push(result.ok ? { file, status: 'imported', result: result.data as BundleImportResult } : { file, status: 'refused', error: refusalOf(result.error) });
    }
  } finally {
    await core.close();
  }
  if (values.json) {
    console.log(JSON.stringify(reports, null, 2));
  } else {
    for (const report of reports) print(report);
  }
  return reports.some((r) => r.status === 'refused') ? 1 : 0;
}

function refusalOf(error: ApiError): NonNullable<FileReport['error']> {
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  return { ...error, ...(reason ? { reason } : {}) };
}

function print(report: FileReport): void {
  if (report.status === 'refused') {
    const { code, message } = report.error!;
    console.log(`${report.file}: refused (${code})\n  ${message}`);
    if (code === 'UNTRUSTED_SIGNER') console.log('  After comparing the fingerprint with the sender, run again with --trust-new-signers.');
    if (code === 'DIVERGED') console.log('  Run again with --keep-as-copy to keep it as a separate assessment.');
    return;
  }
  const { signer, signerAdded, assessments } = report.result!;
  console.log(`${report.file}: signed by ${signer.knownAs ?? signer.installationName} (${signer.fingerprint})${signerAdded ? ', now a known signer' : ''}`);
  for (const a of assessments) {
    const where = a.storedAs === a.id ? a.id : `${a.storedAs} (a copy of ${a.id})`;
    console.log(`  ${a.outcome.padEnd(9)} ${where}  ${a.title}`);
  }
}
