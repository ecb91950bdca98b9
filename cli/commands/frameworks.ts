import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssues } from '../../core/api/dispatch';
import { checkFramework } from '../../core/framework/check';
import { loadContentTranslations } from '../../core/framework/load-library.node';
import { terminologySchema, type Terminology } from '../../core/framework/terminology';
import { parseUntrustedJson } from '../../core/json/safe-parse';
import { catalogueJsonSchema, frameworkJsonSchema } from '../../core/framework/json-schemas';
import { assessmentsDir } from '../paths';

const shippedTerminology = join(assessmentsDir, 'terminology', 'terminology.json');

/** --terminology FILE, else the shipped terminology when it exists, else none. */
async function loadTerminology(option: unknown): Promise<Terminology | undefined> {
  const file = typeof option === 'string' ? option : await access(shippedTerminology).then(() => shippedTerminology, () => undefined);
  if (file === undefined) return undefined;
  const parsed = terminologySchema.safeParse(parseUntrustedJson(await readFile(file, 'utf8'), file));
  if (!parsed.success) throw new Error(`${file} is not a valid terminology file: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

export async function runFrameworksCheck(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const file = positionals[0]!;
  const framework = parseUntrustedJson(await readFile(file, 'utf8'), file);
  const catalogueFile = typeof values.catalogue === 'string' ? values.catalogue : undefined;
  const catalogue = catalogueFile ? parseUntrustedJson(await readFile(catalogueFile, 'utf8'), catalogueFile) : undefined;
  // The shipped translations of this framework version are part of what is checked.
  const translations = loadContentTranslations(assessmentsDir).map((found) => found.translation);
  const report = checkFramework(framework, catalogue, 'both-ways', await loadTerminology(values.terminology), translations);
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else if (report.schemaErrors.length > 0) {
    console.log(`${file}: not a valid framework`);
    for (const error of report.schemaErrors) console.log(`  ${error}`);
  } else {
    const s = report.stats!;
    console.log(`${file}: ${report.id} ${report.version}`);
    console.log(`  ${s.domains} domains, ${s.capabilities} capabilities, ${s.indicators} indicators`);
    console.log(`  languages: ${Object.entries(report.localeCompleteness).map(([l, p]) => `${l} ${p}%`).join(', ')}`);
    console.log(`  indicators per domain: ${Object.entries(report.indicatorsPerDomain).map(([d, n]) => `${d} ${n}`).join(', ')}`);
    console.log(`  double-barrel suspects (review, not a failure): ${[...new Set(report.doubleBarrelSuspects.map((s) => s.indicatorId))].join(', ') || 'none'}`);
    console.log(`  unconfirmed references: ${report.unconfirmedRefs.length}`);
    if (!report.terminologyChecked) console.log('  terminology: not checked (no terminology file)');
    for (const hit of report.forbiddenTerms) console.log(`  forbidden term "${hit.forbidden}" at ${hit.path}: use "${hit.use}" (${hit.rule})`);
    const problems: Array<[string, unknown[]]> = [
      ['indicators without refs', report.indicatorsWithoutRefs],
      ['capabilities without programmes', report.capabilitiesWithoutProgrammes],
      ['unknown programmes', report.unknownProgrammes],
      ['duplicate ids', report.duplicateIds],
      ['identical descriptors', report.identicalDescriptors],
      ['catalogue problems', report.catalogueProblems],
    ];
    for (const [label, list] of problems) if (list.length > 0) console.log(`  ${label}: ${JSON.stringify(list)}`);
    console.log(report.valid ? '  ok' : '  FAILED');
  }
  return report.valid ? 0 : 1;
}

export async function runFrameworksSchema(values: Record<string, unknown>): Promise<number> {
  console.log(JSON.stringify(values.catalogue ? catalogueJsonSchema() : frameworkJsonSchema(), null, 2));
  return 0;
}
