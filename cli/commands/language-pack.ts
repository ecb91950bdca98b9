import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { uiLanguages } from '../../locales/languages';
import type { ExportedFile } from '../../core/api/commands';
import { readPackFile } from '../../core/i18n/language-pack/language-packs';
import { packFormats, type LanguagePackImport, type PackRefusal } from '../../core/i18n/language-pack/types';
import { oneOf, requireString } from '../usage';
import { checkOut } from './export';
import { dataDirFrom, openCliCore, openCliSnapshot, unwrap } from './open';
import { verifiedOnDisk, writeVerified } from './verify-export';

/** Warnings printed before "and N more": the rest are in --json. */
const LISTED_WARNINGS = 20;

/**
 * `ccat language-pack export --language L --format xliff|xlsx --out FILE`: everything translatable
 * for L with its current text (installed pack, else shipped), written durably and re-read from disk.
 * A read-only snapshot, so it works while the app is open.
 */
export async function runLanguagePackExport(values: Record<string, unknown>): Promise<number> {
  const language = oneOf(requireString(values, 'language'), uiLanguages, 'language');
  const format = oneOf(requireString(values, 'format'), packFormats, 'format');
  const out = resolve(requireString(values, 'out'));
  checkOut({ out, force: values.force === true }, dataDirFrom(values));
  const core = await openCliSnapshot(values);
  let file: ExportedFile;
  try {
    file = unwrap<ExportedFile>(await core.dispatch('exportLanguagePack', { language, format }));
  } finally {
    await core.close();
  }
  await writeVerified(out, file, (path, bytes) =>
    verifiedOnDisk(path, bytes, async (written) => {
      const { parsed } = await readPackFile(written);
      return `${format === 'xliff' ? 'XLIFF' : 'XLSX'} re-read: ${parsed.units.length} units for ${parsed.language}`;
    }),
  );
  return 0;
}

/** `ccat language-pack import FILE`: installs a pack into the data folder, or lists every problem and changes nothing (exit 1). */
export async function runLanguagePackImport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const file = resolve(positionals[0]!);
  const bytes = await readFile(file);
  const core = await openCliCore(values);
  let result;
  try {
    result = await core.dispatch('importLanguagePack', { fileName: file.split(/[\\/]/).pop()!, contentBase64: bytes.toString('base64') });
  } finally {
    await core.close();
  }
  if (values.json) {
    console.log(JSON.stringify(result.ok ? { file, status: 'installed', result: result.data } : { file, status: 'refused', error: result.error }, null, 2));
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    if (result.error.code !== 'INVALID_INPUT') unwrap(result);
    const { problems, more } = result.error.details as PackRefusal;
    console.log(`${file}: refused; nothing was installed or changed.`);
    for (const problem of problems) console.log(`  ${problem.message}`);
    if (more > 0) console.log(`  … and ${more} more problems`);
    return 1;
  }
  const installed = result.data as LanguagePackImport;
  const status = installed.status.kind === 'reviewed' ? `reviewed by ${installed.status.reviewer} on ${installed.status.reviewedOn}` : 'draft';
  console.log(`Installed the ${installed.language} language pack (${status}) from ${file}`);
  console.log(`  ${installed.translated} translated texts, ${installed.units} differ from CCAT's own and now replace them`);
  if (installed.warnings.length > 0) console.log(`  ${installed.warnings.length} warning${installed.warnings.length === 1 ? '' : 's'} (installed anyway; check these on screen):`);
  for (const warning of installed.warnings.slice(0, LISTED_WARNINGS)) console.log(`    ${warning.message}`);
  if (installed.warnings.length > LISTED_WARNINGS) console.log(`    … and ${installed.warnings.length - LISTED_WARNINGS} more (--json lists all)`);
  return 0;
}
