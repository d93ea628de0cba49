import type { GenerateArgs } from './commands/generate.js';

/** `generate`'s options that take a value, by every spelling the fast path accepts. */
const STRING_FLAGS: Readonly<Record<string, 'input' | 'output' | 'templates' | 'hooks' | 'config'>> = {
  '--input': 'input',
  '-i': 'input',
  '--output': 'output',
  '-o': 'output',
  '--templates': 'templates',
  '-t': 'templates',
  '--hooks': 'hooks',
  '--config': 'config',
  '-c': 'config',
};

/** `--int64`'s choices (yargs refuses any other value: left to it, so is its message). */
const INT64_CHOICES: readonly string[] = ['number', 'string'];

/** `generate`'s switches (no value). */
const BOOLEAN_FLAGS: Readonly<Record<string, 'check' | 'strict' | 'allowRemote' | 'quiet' | 'timings'>> = {
  '--check': 'check',
  '--strict': 'strict',
  '--allow-remote': 'allowRemote',
  '--quiet': 'quiet',
  '-q': 'quiet',
  '--timings': 'timings',
};

/**
 * The flags of `oasgen generate` when the command line is in its plain form: `generate`, then
 * flags of that command (each at most once, spelt as in `--help`), every value a separate word
 * that does not start with `-`. Undefined for anything else, which yargs then reads (so help,
 * errors and every other spelling behave exactly as yargs makes them); for what this accepts,
 * the result equals yargs' (test/cli/plain-args.test.ts checks that).
 */
export function plainGenerateArgs(argv: readonly string[]): GenerateArgs | undefined {
  if (argv[0] !== 'generate') return undefined;
  const strings: Partial<Record<'input' | 'output' | 'templates' | 'hooks' | 'config', string>> = {};
  const switches = { check: false, strict: false, allowRemote: false, quiet: false, timings: false };
  let int64: 'number' | 'string' | undefined;
  const seen = new Set<string>();
  for (let index = 1; index < argv.length; index++) {
    const word = argv[index]!;
    if (word === '--int64') {
      const value = argv[++index];
      if (int64 !== undefined || value === undefined || !INT64_CHOICES.includes(value)) return undefined;
      int64 = value as 'number' | 'string';
      continue;
    }
    const stringFlag = Object.hasOwn(STRING_FLAGS, word) ? STRING_FLAGS[word] : undefined;
    const booleanFlag = Object.hasOwn(BOOLEAN_FLAGS, word) ? BOOLEAN_FLAGS[word] : undefined;
    const key = stringFlag ?? booleanFlag;
    if (key === undefined || seen.has(key)) return undefined;
    seen.add(key);
    if (booleanFlag !== undefined) {
      switches[booleanFlag] = true;
      continue;
    }
    const value = argv[++index];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    strings[stringFlag!] = value;
  }
  return {
    input: strings.input,
    output: strings.output,
    templates: strings.templates,
    hooks: strings.hooks,
    config: strings.config,
    ...switches,
    int64,
  };
}
