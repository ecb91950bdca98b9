import { parseArgs, type ParseArgsConfig } from 'node:util';
import { commandFailure } from './messages';
import { UsageError } from './usage';

const usage = `Usage: ccat <command> [options]   (in a checkout: npm run ccat -- <command> [options])

Commands:
  frameworks check <file> [--catalogue FILE] [--terminology FILE] [--json]
                                                       validate a framework file and print counts, double-barrel
                                                       suspects, forbidden terms (default terminology: the shipped one),
                                                       unconfirmed references and programme links
  frameworks schema [--catalogue]                       print the framework (or catalogue) JSON Schema
  assessments list [--data-dir DIR] [--json]            list stored assessments (read-only snapshot, works while the app is open)
  export <id> --format html|pdf|docx|xlsx|csv|json --out FILE [--report summary|full|plan]
         [--lang en|ja|vi|id|th|km|fr|ar] [--second-lang LANG] [--redact] [--classification internal|official-use|confidential|TEXT]
         [--time-zone IANA] [--force] [--chromium PATH] [--data-dir DIR]
                                                        export a report or data file, then re-read and verify it
                                                        (read-only snapshot, works while the app is open); FILE must
                                                        be a new name or, with --force, a regular file outside the data folder;
                                                        --report is for html, pdf, docx and xlsx (CSV and JSON always hold
                                                        every indicator with its scores); --time-zone defaults to the country's
                                                        zone (the computer's where a country has several)
  portfolio --format xlsx|html|pdf|json --out FILE [--weights FILE] [--lang en|ja|vi|id|th|km|fr|ar] [--force] [--chromium PATH] [--data-dir DIR]
                                                        export HQ's portfolio of active assessments and the country
                                                        ranking (weights: a JSON object such as {"resultPerEffort": 3};
                                                        factors left out keep their defaults), then re-read and verify it
  compare <id> <id>... --format xlsx|html|pdf|json --out FILE [--lang en|ja|vi|id|th|km|fr|ar] [--force] [--chromium PATH] [--data-dir DIR]
                                                        export 2 to 8 assessments side by side (versions joined by the
                                                        framework mapping), then re-read and verify it
                                                        (both: read-only snapshot, same --out rules as export)
  serve [--data-dir DIR] [--port N] [--chromium PATH]   run the app in a browser on 127.0.0.1
  bundle <id>... --out FILE.ccat [--encrypt-to RECIPIENTFILE]... [--passphrase-file F] [--redact] [--data-dir DIR]
                                                        write a signed (optionally encrypted) .ccat exchange file, then re-read and verify it
  verify FILE.ccat [--identity KEYFILE | --passphrase-file F] [--json]
                                                        check a .ccat file's digests and signature (exit 0 valid, 1 invalid)
  import FILE.ccat... [--identity KEYFILE | --passphrase-file F] [--trust-new-signers] [--keep-as-copy] [--data-dir DIR] [--json]
                                                        import .ccat files (exit 1 when any file was refused)
  keys show [--data-dir DIR] [--json]                   this installation's key fingerprint and the known signers
  keys export-public --out FILE [--data-dir DIR]        write this installation's public key file
  keys trust FILE [--data-dir DIR]                      trust another installation's public key file
  keys new-hq-identity --out FILE                       make an HQ age identity (FILE) and its recipient (FILE.recipient)
  language-pack export --language en|ja|vi|id|th|km|fr|ar --format xliff|xlsx --out FILE [--force] [--data-dir DIR]
                                                        write everything translatable for one language (UI, framework,
                                                        catalogue, guide) with its current text, then re-read it
                                                        (read-only snapshot, same --out rules as export)
  language-pack import FILE [--data-dir DIR] [--json]   check an XLIFF 2.0 or XLSX language pack and install it into the
                                                        data folder (exit 1 and nothing changed when any text is refused)

--data-dir defaults to the desktop app's data folder. PDF and DOCX export start Chromium
(--chromium PATH, else $CCAT_CHROMIUM, else /usr/bin/chromium).`;

type Run = (values: Record<string, unknown>, positionals: string[]) => Promise<number>;
/** `load` imports the command's module on use, so `--help` or `assessments list` never load what export or serve need. */
type Runner = { options: ParseArgsConfig['options']; positionals: number; variadic?: true; load: () => Promise<Run> };

const dataDir = { type: 'string' } as const;
const runners: Record<string, Runner> = {
  'frameworks check': {
    options: { json: { type: 'boolean' }, catalogue: { type: 'string' }, terminology: { type: 'string' } },
    positionals: 1,
    load: async () => (await import('./commands/frameworks')).runFrameworksCheck,
  },
  'frameworks schema': { options: { catalogue: { type: 'boolean' } }, positionals: 0, load: async () => (await import('./commands/frameworks')).runFrameworksSchema },
  'assessments list': { options: { 'data-dir': dataDir, json: { type: 'boolean' } }, positionals: 0, load: async () => (await import('./commands/assessments-list')).runAssessmentsList },
  export: {
    options: {
      'data-dir': dataDir,
      format: { type: 'string' },
      report: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      'second-lang': { type: 'string' },
      redact: { type: 'boolean' },
      classification: { type: 'string' },
      'time-zone': { type: 'string' },
      force: { type: 'boolean' },
      chromium: { type: 'string' },
    },
    positionals: 1,
    load: async () => (await import('./commands/export')).runExport,
  },
  portfolio: {
    options: { 'data-dir': dataDir, format: { type: 'string' }, out: { type: 'string' }, weights: { type: 'string' }, lang: { type: 'string' }, force: { type: 'boolean' }, chromium: { type: 'string' } },
    positionals: 0,
    load: async () => (await import('./commands/portfolio')).runPortfolio,
  },
  compare: {
    options: { 'data-dir': dataDir, format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, force: { type: 'boolean' }, chromium: { type: 'string' } },
    positionals: 2,
    variadic: true,
    load: async () => (await import('./commands/portfolio')).runCompare,
  },
  serve: { options: { 'data-dir': dataDir, port: { type: 'string' }, chromium: { type: 'string' } }, positionals: 0, load: async () => (await import('./commands/serve')).runServe },
  bundle: {
    options: { 'data-dir': dataDir, out: { type: 'string' }, 'encrypt-to': { type: 'string', multiple: true }, 'passphrase-file': { type: 'string' }, redact: { type: 'boolean' } },
    positionals: 1,
    variadic: true,
    load: async () => (await import('./commands/bundle')).runBundle,
  },
  verify: { options: { identity: { type: 'string' }, 'passphrase-file': { type: 'string' }, json: { type: 'boolean' } }, positionals: 1, load: async () => (await import('./commands/verify-bundle')).runVerifyBundle },
  import: {
    options: {
      'data-dir': dataDir,
      identity: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'trust-new-signers': { type: 'boolean' },
      'keep-as-copy': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    positionals: 1,
    variadic: true,
    load: async () => (await import('./commands/import')).runImport,
  },
  'keys show': { options: { 'data-dir': dataDir, json: { type: 'boolean' } }, positionals: 0, load: async () => (await import('./commands/keys')).runKeysShow },
  'keys export-public': { options: { 'data-dir': dataDir, out: { type: 'string' } }, positionals: 0, load: async () => (await import('./commands/keys')).runKeysExportPublic },
  'keys trust': { options: { 'data-dir': dataDir }, positionals: 1, load: async () => (await import('./commands/keys')).runKeysTrust },
  'keys new-hq-identity': { options: { out: { type: 'string' } }, positionals: 0, load: async () => (await import('./commands/keys')).runKeysNewHqIdentity },
  'language-pack export': {
    options: { 'data-dir': dataDir, language: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    positionals: 0,
    load: async () => (await import('./commands/language-pack')).runLanguagePackExport,
  },
  'language-pack import': {
    options: { 'data-dir': dataDir, json: { type: 'boolean' } },
    positionals: 1,
    load: async () => (await import('./commands/language-pack')).runLanguagePackImport,
  },
};

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(usage);
    return argv.length === 0 ? 2 : 0;
  }
  const twoWord = `${argv[0]} ${argv[1] ?? ''}`;
  const name = runners[twoWord] ? twoWord : argv[0]!;
  const runner = runners[name];
  if (!runner) throw new UsageError(`unknown command "${argv[0]}"`);
  const rest = argv.slice(name.split(' ').length);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: runner.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (runner.variadic ? parsed.positionals.length < runner.positionals : parsed.positionals.length !== runner.positionals) {
    const count = `${runner.variadic ? 'at least ' : ''}${runner.positionals} argument${runner.positionals === 1 ? '' : 's'}`;
    throw new UsageError(`"${name}" takes ${count}, got ${parsed.positionals.length}`);
  }
  const run = await runner.load();
  return run(parsed.values, parsed.positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`ccat: ${error.message}\n\n${usage}`);
      process.exitCode = 2;
    } else {
      console.error(`ccat: ${commandFailure(error)}`);
      process.exitCode = 1;
    }
  },
);
