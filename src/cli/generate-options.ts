/**
 * The flags of `generate` (and `--int64`, shared with `inspect`), declared once: yargs-cli.ts
 * hands them to yargs, plain-args.ts reads the plain command line by the same list. Kept free
 * of yargs and model code so the plain path loads neither.
 */
// model/context.ts, not model/index.ts: `--help` must not load the model stage's code.
import { INT64_MAPPINGS } from '../model/context.js';
import { UserError } from '../shared/errors.js';

/** `--int64` (generate and inspect). */
export const INT64_OPTION = {
  choices: INT64_MAPPINGS,
  describe: 'Type of format: int64 integers: number (default; exact up to 2^53) or string (for APIs that send int64 as JSON strings)',
} as const;

/** `generate [spec]`: the spec may also be given as the command's one argument, instead of --input. */
export const SPEC_POSITIONAL = { type: 'string', describe: 'Spec file (YAML or JSON); the same as --input' } as const;

/**
 * The spec from `oasgen generate <spec>` or `--input <spec>`, whichever was given; both is a usage
 * error (which one would win is a guess).
 */
export function specInput(positional: string | undefined, input: string | undefined): string | undefined {
  if (positional !== undefined && input !== undefined) throw new UserError(`the spec was given twice: "${positional}" and --input "${input}"; give it once`);
  return positional ?? input;
}

/** `generate`'s options, as yargs declares them (kebab-case names; yargs also hands them camelCased). */
export const GENERATE_OPTIONS = {
  input: { alias: 'i', type: 'string', describe: 'Spec file (YAML or JSON)' },
  output: { alias: 'o', type: 'string', describe: 'Output folder (owned by oasgen: see the manifest)' },
  templates: { alias: 't', type: 'string', describe: 'Folder of template overrides (any file of `oasgen templates --eject`)' },
  hooks: { type: 'string', describe: 'ES module exporting transformModel and/or transformSourceFile' },
  config: { alias: 'c', type: 'string', describe: 'Config file listing clients (default: oasgen.config.json)' },
  check: { type: 'boolean', default: false, describe: 'Write nothing; exit 2 when the output is stale' },
  strict: { type: 'boolean', default: false, describe: 'Spec validation problems and duplicate operationIds are errors, not warnings' },
  'allow-remote': { type: 'boolean', default: false, describe: 'Let the spec and its $refs be fetched over http(s) (never otherwise)' },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print only warnings and errors' },
  timings: { type: 'boolean', default: false, describe: 'Print the time of each pipeline stage' },
  int64: INT64_OPTION,
} as const;
