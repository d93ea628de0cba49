import fc from 'fast-check';
import type { GenerateArgs } from '../../src/cli/commands/generate.js';
import { parseWithYargs, type CommandRunners } from '../../src/cli/yargs-cli.js';
import { plainGenerateArgs } from '../../src/cli/plain-args.js';

/** What yargs hands the generate command for `argv` (undefined: it ran something else or failed). */
async function yargsGenerateArgs(argv: string[]): Promise<GenerateArgs | undefined> {
  let received: GenerateArgs | undefined;
  const runners: CommandRunners = {
    generate: async (args) => {
      received = args;
      return 0;
    },
    inspect: async () => 0,
    templates: async () => 0,
  };
  try {
    await parseWithYargs(argv, runners);
  } catch {
    return undefined;
  }
  return received;
}

const stringFlags = [
  ['--input', '-i'],
  ['--output', '-o'],
  ['--templates', '-t'],
  ['--hooks'],
  ['--config', '-c'],
  ['--int64'],
] as const;
const booleanFlags = [['--check'], ['--strict'], ['--allow-remote'], ['--quiet', '-q'], ['--timings']] as const;
// Values yargs might be tempted to read as something else: numbers, booleans, spaces, '=', URLs.
const values = ['api.yaml', 'out', '123', '0x1F', '1e3', 'true', 'false', 'null', 'a b', 'k=v', 'https://x.test/a.json?b=1', './dir/', 'ünïcode', '.'];

test('every plain generate command line is read exactly as yargs reads it', async () => {
  const flagChoice = fc.record({
    strings: fc.subarray([...stringFlags.keys()]).chain((indexes) =>
      fc.tuple(...indexes.map((index) => fc.tuple(fc.constantFrom(...stringFlags[index]!), stringFlags[index]![0] === '--int64' ? fc.constantFrom('number', 'string') : fc.constantFrom(...values)))),
    ),
    switches: fc.subarray([...booleanFlags.keys()]).chain((indexes) => fc.tuple(...indexes.map((index) => fc.constantFrom(...booleanFlags[index]!)))),
    seed: fc.integer(),
    spec: fc.option(fc.constantFrom(...values), { nil: undefined }),
  });
  await fc.assert(
    fc.asyncProperty(flagChoice, async ({ strings, switches, seed, spec }) => {
      const words: string[][] = [...strings.map(([flag, value]) => [flag, value]), ...switches.map((flag) => [flag])];
      // The spec as the command's argument, when --input does not give it too (that is an error on both paths).
      const positional = spec !== undefined && !strings.some(([flag]) => flag === '--input' || flag === '-i');
      if (positional) words.push([spec]);
      // A seeded shuffle: flags in any order.
      let state = seed;
      for (let i = words.length - 1; i > 0; i--) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        const j = state % (i + 1);
        [words[i], words[j]] = [words[j]!, words[i]!];
      }
      const argv = ['generate', ...words.flat()];
      const plain = plainGenerateArgs(argv);
      if (positional && (spec === 'true' || spec === 'false')) expect(plain).toBeUndefined(); // left to yargs
      else expect(plain).toBeDefined();
      if (plain !== undefined) expect(plain).toEqual(await yargsGenerateArgs(argv));
    }),
    { numRuns: 150 },
  );
});

test('anything but the plain form is left to yargs', () => {
  for (const argv of [
    [],
    ['--help'],
    ['generate', '--help'],
    ['-v'],
    ['inspect', '-i', 'a.yaml'],
    ['generate', '-i', 'a.yaml', '-i', 'b.yaml'], // twice: yargs makes an array
    ['generate', '--input', 'a.yaml', '-i', 'b.yaml'],
    ['generate', '-q', '--quiet'],
    ['generate', '--input=a.yaml'],
    ['generate', '--allowRemote'],
    ['generate', '--no-quiet'],
    ['generate', '-qi', 'a.yaml'],
    ['generate', '-i'],
    ['generate', '-i', ''],
    ['generate', '-i', '-o'],
    ['generate', '-i', '-dash.yaml'],
    ['generate', '--check', 'true'],
    ['generate', 'a.yaml', 'b.yaml'], // one spec only: yargs names the extra argument
    ['generate', '--', '-i'],
    ['generate', '--unknown'],
    ['generate', '--int64', 'bigint'],
    ['generate', '--int64'],
    ['generate', '--int64', 'string', '--int64', 'number'],
    ['generate', '--constructor'],
  ]) {
    expect(plainGenerateArgs(argv)).toBeUndefined();
  }
});

test('the spec as the argument is --input; both at once is a usage error on either path', async () => {
  for (const argv of [['generate', 'api.yaml', '-o', 'out'], ['generate', '-q', 'api.yaml'], ['generate', '__proto__']]) {
    expect(plainGenerateArgs(argv)).toEqual(await yargsGenerateArgs(argv));
  }
  expect(plainGenerateArgs(['generate', 'api.yaml', '-o', 'out'])).toMatchObject({ input: 'api.yaml', output: 'out' });
  const twice = ['generate', 'a.yaml', '--input', 'b.yaml'];
  expect(() => plainGenerateArgs(twice)).toThrow('the spec was given twice: "a.yaml" and --input "b.yaml"; give it once');
  expect(await yargsGenerateArgs(twice)).toBeUndefined();
});

test('a plain command line without flags reads the config file, as with yargs', async () => {
  expect(plainGenerateArgs(['generate'])).toEqual(await yargsGenerateArgs(['generate']));
});
