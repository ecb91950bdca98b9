import { resolve } from 'node:path';
import type { ExportedFile } from '../../core/api/commands';
import { classificationPresets, dataFormats, exportFormats, reportKinds } from '../../core/api/exports-vocabulary';
import { openCore } from '../../core/api/open-core.node.ts';
import type { Assessment } from '../../core/model/assessment';
import { CoreError } from '../../core/api/result';
import { isTimeZone } from '../../core/report/format';
import type { ExportTargetRefusal } from '../../core/report/export-target';
import { checkExportTarget } from '../../core/report/export-target.node.ts';
import { appVersion, assessmentsDir } from '../paths';
import { createChromiumServices, type ChromiumServices } from '../pdf';
import { oneOf, requireString, UsageError } from '../usage';
import { dataDirFrom, unwrap } from './open';
import { verifyWrittenExport, writeVerified } from './verify-export';
import { uiLanguages } from '../../locales/languages';

// A report can be in any UI language, whatever language the person making it reads.
const languages = uiLanguages;

export interface ExportOptions {
  id: string;
  format: (typeof exportFormats)[number];
  report: (typeof reportKinds)[number];
  language: (typeof languages)[number];
  secondLanguage?: (typeof languages)[number];
  redact: boolean;
  classification?: string;
  timeZone?: string;
  chromium?: string;
  out: string;
  force: boolean;
}

/** Flags to options; anything wrong is a usage error (exit 2) before any file or browser is touched. */
export function exportOptions(values: Record<string, unknown>, positionals: string[]): ExportOptions {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const format = oneOf(requireString(values, 'format'), exportFormats, 'format');
  if (text('report') !== undefined && (dataFormats as readonly string[]).includes(format)) {
    throw new UsageError(`--report applies to html, pdf, docx and xlsx; a ${format.toUpperCase()} export always holds every indicator with its rating and the capability, domain and overall scores. Leave --report out.`);
  }
  const report = oneOf(text('report') ?? 'full', reportKinds, 'report');
  const language = oneOf(text('lang') ?? 'en', languages, 'lang');
  const second = text('second-lang');
  const secondLanguage = second === undefined ? undefined : oneOf(second, languages, 'second-lang');
  if (secondLanguage === language) throw new UsageError(`--second-lang must differ from --lang (both are "${language}")`);
  const classification = text('classification')?.trim();
  if (classification !== undefined && (classification === '' || classification.length > 120)) {
    throw new UsageError(`--classification needs a preset (${classificationPresets.join(', ')}) or a text of up to 120 characters`);
  }
  const timeZone = text('time-zone');
  if (timeZone !== undefined && !isTimeZone(timeZone)) throw new UsageError(`--time-zone must be an IANA time zone such as Asia/Ho_Chi_Minh (got "${timeZone}")`);
  const chromium = text('chromium');
  if (chromium !== undefined && chromium.trim() === '') throw new UsageError('--chromium needs the path to a Chromium executable');
  return {
    id: positionals[0]!,
    format,
    report,
    language,
    ...(secondLanguage ? { secondLanguage } : {}),
    redact: values.redact === true,
    ...(classification ? { classification } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(chromium ? { chromium } : {}),
    out: resolve(requireString(values, 'out')),
    force: values.force === true,
  };
}

/** The core's target rules (export-target.node.ts), as a usage error that names the rule and the flag that would help. */
export function checkOut(options: Pick<ExportOptions, 'out' | 'force'>, dataDir: string): void {
  try {
    checkExportTarget(options.out, { dataDir, replace: options.force });
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    const { rule } = error.details as ExportTargetRefusal;
    throw new UsageError(`--out refused (${rule}): ${error.message}${rule === 'exists' ? ' Add --force to replace it, or choose another name.' : ''}`);
  }
}

/** `ccat export`: the core renders and verifies; this shell writes durably, re-reads from disk and verifies again. */
export async function runExport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const options = exportOptions(values, positionals);
  const dataDir = dataDirFrom(values);
  checkOut(options, dataDir);
  // Only PDF (printing) and DOCX (the chart picture) need a browser engine; the others never start one.
  const chromium: ChromiumServices | undefined = options.format === 'pdf' || options.format === 'docx' ? createChromiumServices(options.chromium) : undefined;
  // A read-only snapshot, so that exporting works while the app or `serve` has the folder open.
  const core = await openCore({
    dataDir,
    assessmentsDir,
    appVersion,
    readOnly: true,
    exports: chromium ? { printPdf: chromium.printPdf, rasterize: chromium.rasterize } : {},
  });
  try {
    const { id, format, report, language, secondLanguage, redact, classification, timeZone } = options;
    const file = unwrap<ExportedFile>(
      await core.dispatch('exportAssessment', {
        id,
        format,
        report,
        language,
        ...(secondLanguage ? { secondLanguage } : {}),
        redact,
        ...(classification ? { classification } : {}),
        ...(timeZone ? { timeZone } : {}),
      }),
    );
    const assessment = unwrap<Assessment>(await core.dispatch('getAssessment', { id }));
    // Again just before writing: rendering a PDF takes long enough for the target to change.
    checkOut(options, dataDir);
    await writeVerified(options.out, file, (path, bytes) => verifyWrittenExport(path, bytes, format, assessment.title));
    return 0;
  } finally {
    await core.close();
    await chromium?.close();
  }
}
