#!/usr/bin/env node
import { UserError } from '../shared/errors.js';
import { GENERATOR_VERSION } from '../shared/version.js';
import { enableCompileCache } from './compile-cache.js';
import { displayPath } from './display.js';
import { ExitCode } from './exit-codes.js';
import { plainGenerateArgs } from './plain-args.js';
import { parseWithYargs, type CommandRunners } from './yargs-cli.js';

/**
 * The commands' modules (and with them handlebars and swagger-parser) load only when the
 * command runs, so `--help` and `--version` answer without loading them.
 */
const COMMANDS: CommandRunners = {
  generate: async (args) => (await import('./commands/generate.js')).runGenerate(args),
  inspect: async (args) => (await import('./commands/inspect.js')).runInspect(args),
  templates: async (args) => (await import('./commands/templates.js')).runTemplates(args),
};

/**
 * Parses the command line and runs one command; resolves to the exit code. The everyday form
 * (`generate` with plain flags) is read directly: yargs costs ~60 ms a run to load and to
 * prepare its help text, a fifth of a small spec's whole run. Anything else (help, version,
 * other commands, unknown or unusual flags, errors) goes through yargs.
 */
export async function main(argv: string[]): Promise<number> {
  const plain = plainGenerateArgs(argv);
  if (plain !== undefined) return COMMANDS.generate(plain);
  return parseWithYargs(argv, COMMANDS);
}

/** Bin entry: user errors are one line and exit 1; anything else is a bug and says so. */
async function run(): Promise<void> {
  enableCompileCache();
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UserError) {
      const shown = error.location.file !== undefined
        ? new UserError(error.message, { ...error.location, file: displayPath(error.location.file) })
        : error;
      process.stderr.write(`oasgen: error: ${shown.format()}\n`);
      process.exitCode = ExitCode.BadInput;
    } else {
      process.stderr.write(
        `oasgen: internal error (a bug in oasgen ${GENERATOR_VERSION}). Please report it with the spec that triggers it and this trace:\n${
          error instanceof Error ? (error.stack ?? error.message) : String(error)
        }\n`,
      );
      process.exitCode = ExitCode.InternalError;
    }
  }
}

await run();
