import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ExportedFile } from '../../core/api/commands';
import { selectionWeightsInput } from '../../core/api/commands';
import { describeIssues } from '../../core/api/dispatch';
import { portfolioExportFormats, type PortfolioExportFormat } from '../../core/api/exports-vocabulary';
import { openCore } from '../../core/api/open-core.node.ts';
import { parseUntrustedJson } from '../../core/json/safe-parse';
import { fromUtf8 } from '../../core/report/bytes';
import { verifyExport } from '../../core/report/verify';
import { appVersion, assessmentsDir } from '../paths';
import { createChromiumServices, type ChromiumServices } from '../pdf';
import { oneOf, requireString, UsageError } from '../usage';
import { checkOut } from './export';
import { dataDirFrom, unwrap } from './open';
import { verifiedOnDisk, writeVerified } from './verify-export';
import { uiLanguages } from '../../locales/languages';

const languages = uiLanguages;

interface HqOptions {
  format: PortfolioExportFormat;
  language: (typeof languages)[number];
  out: string;
  force: boolean;
  chromium?: string;
}

function hqOptions(values: Record<string, unknown>): HqOptions {
  const lang = typeof values.lang === 'string' ? values.lang : 'en';
  const chromium = typeof values.chromium === 'string' ? values.chromium : undefined;
  if (chromium !== undefined && chromium.trim() === '') throw new UsageError('--chromium needs the path to a Chromium executable');
  return {
    format: oneOf(requireString(values, 'format'), portfolioExportFormats, 'format'),
    language: oneOf(lang, languages, 'lang'),
    out: resolve(requireString(values, 'out')),
    force: values.force === true,
    ...(chromium ? { chromium } : {}),
  };
}

/** --weights FILE: a JSON object of factor weights; a bad file is a usage error naming the field. */
async function weightsFrom(values: Record<string, unknown>): Promise<Record<string, number | undefined> | undefined> {
  const path = values.weights;
  if (path === undefined) return undefined;
  if (typeof path !== 'string' || path.trim() === '') throw new UsageError('--weights needs the path to a JSON file');
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch (error) {
    throw new UsageError(`--weights: cannot read ${path} (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = parseUntrustedJson(text, `--weights file ${path}`);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const weights = selectionWeightsInput.safeParse(parsed);
  if (!weights.success) throw new UsageError(`--weights: ${path}: ${describeIssues(weights.error.issues)}`);
  return weights.data;
}

/** The file as written must be byte-identical to what the core verified, and open again as its format. */
function verifyOnDisk(path: string, bytes: Uint8Array, format: PortfolioExportFormat): Promise<string> {
  return verifiedOnDisk(path, bytes, async (written) =>
    format === 'json' ? `JSON re-read: ${(parseUntrustedJson(fromUtf8(written), path) as { kind?: string }).kind ?? 'unknown kind'}` : verifyExport(written, format),
  );
}

/**
 * Shared by `ccat portfolio` and `ccat compare`: a read-only snapshot renders and verifies, the
 * shell checks the target (the same rules as `export`), writes durably and verifies the file on disk.
 */
async function runHqExport(values: Record<string, unknown>, command: 'exportPortfolio' | 'exportComparison', input: Record<string, unknown>): Promise<number> {
  const options = hqOptions(values);
  const dataDir = dataDirFrom(values);
  checkOut(options, dataDir);
  const chromium: ChromiumServices | undefined = options.format === 'pdf' ? createChromiumServices(options.chromium) : undefined;
  const core = await openCore({ dataDir, assessmentsDir, appVersion, readOnly: true, exports: chromium ? { printPdf: chromium.printPdf } : {} });
  try {
    const file = unwrap<ExportedFile>(await core.dispatch(command, { format: options.format, language: options.language, ...input }));
    checkOut(options, dataDir);
    await writeVerified(options.out, file, (path, bytes) => verifyOnDisk(path, bytes, options.format));
    return 0;
  } finally {
    await core.close();
    await chromium?.close();
  }
}

/** `ccat portfolio`: every active assessment and the country ranking (with --weights, HQ's weights). */
export async function runPortfolio(values: Record<string, unknown>): Promise<number> {
  const weights = await weightsFrom(values);
  return runHqExport(values, 'exportPortfolio', weights === undefined ? {} : { weights });
}

/** `ccat compare <id> <id>...`: 2 to 8 assessments side by side. */
export async function runCompare(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length < 2 || positionals.length > 8) throw new UsageError(`"compare" takes 2 to 8 assessment ids, got ${positionals.length}`);
  return runHqExport(values, 'exportComparison', { ids: positionals });
}
