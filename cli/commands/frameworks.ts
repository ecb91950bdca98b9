import { readFile } from 'node:fs/promises';
import { checkFramework } from '../../core/framework/check';
import { parseUntrustedJson } from '../../core/json/safe-parse';
import { catalogueJsonSchema, frameworkJsonSchema } from '../../core/framework/json-schemas';

export async function runFrameworksCheck(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const file = positionals[0]!;
  const framework = parseUntrustedJson(await readFile(file, 'utf8'), file);
  const catalogueFile = typeof values.catalogue === 'string' ? values.catalogue : undefined;
  const catalogue = catalogueFile ? parseUntrustedJson(await readFile(catalogueFile, 'utf8'), catalogueFile) : undefined;
  const report = checkFramework(framework, catalogue);
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
