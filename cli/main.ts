import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage';

const usage = `Usage: ccat <command> [options]   (in a checkout: npm run ccat -- <command> [options])

Commands:
  frameworks check <file> [--catalogue FILE] [--json]   validate a framework file and print counts
  frameworks schema [--catalogue]                       print the framework (or catalogue) JSON Schema
  assessments list [--data-dir DIR] [--json]            list stored assessments
  export <id> --format html|pdf|docx|xlsx|csv|json --out FILE [--report summary|full|plan]
         [--lang en|ja] [--second-lang en|ja] [--redact] [--chromium PATH] [--data-dir DIR]
                                                        export a report or data file, then re-read and verify it
  serve [--data-dir DIR] [--port N] [--chromium PATH]   run the app in a browser on 127.0.0.1

--data-dir defaults to the desktop app's data folder. PDF and DOCX export start Chromium
(--chromium PATH, else $CCAT_CHROMIUM, else /usr/bin/chromium).`;

type Run = (values: Record<string, unknown>, positionals: string[]) => Promise<number>;
/** `load` imports the command's module on use, so `--help` or `assessments list` never load what export or serve need. */
type Runner = { options: ParseArgsConfig['options']; positionals: number; load: () => Promise<Run> };

const dataDir = { type: 'string' } as const;
const runners: Record<string, Runner> = {
  'frameworks check': { options: { json: { type: 'boolean' }, catalogue: { type: 'string' } }, positionals: 1, load: async () => (await import('./commands/frameworks')).runFrameworksCheck },
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
      chromium: { type: 'string' },
    },
    positionals: 1,
    load: async () => (await import('./commands/export')).runExport,
  },
  serve: { options: { 'data-dir': dataDir, port: { type: 'string' }, chromium: { type: 'string' } }, positionals: 0, load: async () => (await import('./commands/serve')).runServe },
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
  if (parsed.positionals.length !== runner.positionals) {
    throw new UsageError(`"${name}" takes ${runner.positionals} argument${runner.positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}`);
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
      console.error(`ccat: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  },
);
