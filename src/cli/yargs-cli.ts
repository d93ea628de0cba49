/**
 * The command line as yargs reads it (every form, help and usage errors included); main.ts
 * reads the everyday `generate` form itself and hands everything else here.
 */
import { UserError } from '../shared/errors.js';
import { GENERATOR_VERSION } from '../shared/version.js';
import type { GenerateArgs } from './commands/generate.js';
import type { InspectArgs } from './commands/inspect.js';
import { ExitCode } from './exit-codes.js';
import { GENERATE_OPTIONS, INT64_OPTION, SPEC_POSITIONAL, specInput } from './generate-options.js';
import { unknownCommandError } from './unknown-command.js';

const EPILOG = `Exit codes: 0 done; 1 bad input or usage; 2 --check found stale output.
Docs: README.md of the oasgen package.`;

/** What each command does with its parsed flags (resolves to the exit code). */
export interface CommandRunners {
  generate(args: GenerateArgs): Promise<number>;
  inspect(args: InspectArgs): Promise<number>;
  templates(args: { readonly eject: string }): Promise<number>;
}

/** The command line as yargs reads it: every form, help and usage errors included. */
export async function parseWithYargs(argv: string[], commands: CommandRunners): Promise<number> {
  // The commands are the runners' names, as the `.command(…)`s below declare them.
  const unknown = unknownCommandError(argv, Object.keys(commands));
  if (unknown !== undefined) throw unknown;
  const { default: yargs } = await import('yargs');
  let exitCode: number = ExitCode.Ok;
  const parser = yargs(argv)
    .scriptName('oasgen')
    .usage('$0 <command> [options]\n\nGenerate typed TypeScript clients and markdown docs from OpenAPI 2.0, 3.0 and 3.1 specs.')
    .command(
      'generate [spec]',
      'Generate a client and its docs (no spec: every client in oasgen.config.json)',
      (y) =>
        y
          .positional('spec', SPEC_POSITIONAL)
          .options(GENERATE_OPTIONS)
          .example('$0 generate', 'regenerate every client of oasgen.config.json')
          .example('$0 generate api.yaml -o src/client', 'one client (the spec: an argument or --input)')
          .example('$0 generate --check', 'in CI: fail when a checked-in client is stale')
          .example('$0 generate -i api.yaml -o out --hooks hooks.mjs', 'change the TypeScript with ts-morph'),
      async (args) => {
        exitCode = await commands.generate({
          input: specInput(args.spec, args.input),
          output: args.output,
          templates: args.templates,
          hooks: args.hooks,
          config: args.config,
          check: args.check,
          strict: args.strict,
          allowRemote: args.allowRemote,
          quiet: args.quiet,
          timings: args.timings,
          int64: args.int64,
        });
      },
    )
    .command(
      'inspect',
      'Print the intermediate model (the context templates receive) as JSON',
      (y) =>
        y
          .option('input', { alias: 'i', type: 'string', demandOption: true, describe: 'Spec file (YAML or JSON)' })
          .option('hooks', { type: 'string', describe: 'Print the model after this hooks module\'s transformModel' })
          .option('allow-remote', GENERATE_OPTIONS['allow-remote'])
          .option('int64', INT64_OPTION)
          .example('$0 inspect -i api.yaml > model.json', 'dump the model'),
      async (args) => {
        exitCode = await commands.inspect({ input: args.input, hooks: args.hooks, allowRemote: args.allowRemote, int64: args.int64 });
      },
    )
    .command(
      'templates',
      'Copy the default templates into a folder, ready to edit and pass to --templates',
      (y) =>
        y
          .option('eject', { type: 'string', demandOption: true, describe: 'Folder to copy the templates into (must not contain them yet)' })
          .example('$0 templates --eject my-templates', 'then: oasgen generate -i api.yaml -o out -t my-templates'),
      async (args) => {
        exitCode = await commands.templates({ eject: args.eject });
      },
    )
    .demandCommand(1, 'Give a command: generate, inspect or templates.')
    .strict()
    .epilog(EPILOG)
    .version(GENERATOR_VERSION)
    .help()
    .alias('h', 'help')
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      // Throwing stops yargs here: the command must not run after a usage error.
      throw new UserError(`${message}\nRun "oasgen --help" for usage.`);
    });
  await parser.parseAsync();
  return exitCode;
}
