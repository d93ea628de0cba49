import type { GenerateArgs } from './commands/generate.js';
import { GENERATE_OPTIONS, specInput } from './generate-options.js';

/** How one of `generate`'s flags is read on the fast path: its GenerateArgs key and what follows it. */
interface PlainFlag {
  readonly key: keyof GenerateArgs;
  readonly type: 'string' | 'boolean';
  /** Values yargs accepts (any other is left to it, so is its message); undefined: any. */
  readonly choices: readonly string[] | undefined;
}

/** `generate`'s flags by every spelling the fast path accepts (`--name`, `-alias`), from GENERATE_OPTIONS. */
const PLAIN_FLAGS: ReadonlyMap<string, PlainFlag> = new Map(
  Object.entries(GENERATE_OPTIONS).flatMap(([name, option]) => {
    const flag: PlainFlag = {
      // yargs' camelCase copy of a kebab-case name, the one GenerateArgs uses
      key: name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof GenerateArgs,
      type: 'type' in option ? option.type : 'string',
      choices: 'choices' in option ? option.choices : undefined,
    };
    const spellings = 'alias' in option ? [`--${name}`, `-${option.alias}`] : [`--${name}`];
    return spellings.map((spelling) => [spelling, flag] as const);
  }),
);

/**
 * The flags of `oasgen generate` when the command line is in its plain form: `generate`, then
 * flags of that command (each at most once, spelt as in `--help`), every value a separate word
 * that does not start with `-`, and at most one argument, the spec (`generate api.yaml -o out`). Undefined for anything else, which yargs then reads (so help,
 * errors and every other spelling behave exactly as yargs makes them); for what this accepts,
 * the result equals yargs' (test/cli/plain-args.test.ts checks that).
 */
export function plainGenerateArgs(argv: readonly string[]): GenerateArgs | undefined {
  if (argv[0] !== 'generate') return undefined;
  const args: Record<string, string | boolean | undefined> = {};
  for (const flag of new Set(PLAIN_FLAGS.values())) args[flag.key] = flag.type === 'boolean' ? false : undefined;
  const seen = new Set<string>();
  let spec: string | undefined;
  for (let index = 1; index < argv.length; index++) {
    const word = argv[index]!;
    if (spec === undefined && word !== '' && !word.startsWith('-')) {
      // After a boolean flag yargs reads `true`/`false` as its value: such a line is left to yargs.
      if (word === 'true' || word === 'false') return undefined;
      spec = word;
      continue;
    }
    const flag = PLAIN_FLAGS.get(word);
    if (flag === undefined || seen.has(flag.key)) return undefined;
    seen.add(flag.key);
    if (flag.type === 'boolean') {
      args[flag.key] = true;
      continue;
    }
    const value = argv[++index];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    if (flag.choices !== undefined && !flag.choices.includes(value)) return undefined;
    args[flag.key] = value;
  }
  args['input'] = specInput(spec, args['input'] as string | undefined);
  return args as unknown as GenerateArgs;
}
