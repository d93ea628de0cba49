/**
 * The real bin's usage surface: --help and --version, and exit code 1 with one clear message
 * (file, line:column or JSON pointer; no stack trace) for each kind of bad input or usage, and a
 * hint at what was meant when the first argument is not a command.
 * Each case runs its own process; they run concurrently.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { petSpec, repoRoot, runCli, tempDir, writeFiles, type CliRun } from '../helpers/run-cli.js';

let dir = '';
beforeAll(async () => {
  dir = await tempDir();
  await writeFiles(dir, {
    'pets.yaml': petSpec(),
    'broken.yaml': 'openapi: 3.0.3\ninfo:\n  title: Broken\n  version: [1.0\npaths: {}\n',
    'folder/.keep': '',
    'malformed/oasgen.config.json': '{\n  "clients": [\n    { "input": "pets.yaml", }\n  ]\n}\n',
    'badkey/oasgen.config.json': JSON.stringify({ clients: [{ input: 'pets.yaml', output: 'out', templtes: 'x' }] }),
    'badvalue/oasgen.config.json': JSON.stringify({ clients: [{ input: 'pets.yaml', output: 42 }] }),
    'empty/.keep': '',
  });
});

/** One message on stderr, no stack trace, nothing on stdout. */
function expectOneCleanError(run: CliRun, code = 1): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/internal error/);
}

test.concurrent('--help lists the commands, the flags of generate and the exit codes', async () => {
  const top = await runCli(['--help'], dir);
  expect(top.code).toBe(0);
  for (const command of ['generate', 'inspect', 'templates']) expect(top.stdout).toContain(command);
  expect(top.stdout).toContain('Exit codes: 0 done; 1 bad input or usage; 2 --check found stale output.');
  const generate = await runCli(['generate', '--help'], dir);
  expect(generate.code).toBe(0);
  for (const flag of ['--input', '--output', '--templates', '--hooks', '--config', '--check', '--strict', '--quiet', '--timings', '--int64']) {
    expect(generate.stdout).toContain(flag);
  }
});

test.concurrent('--version prints the package version', async () => {
  const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const run = await runCli(['--version'], dir);
  expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
});

test.concurrent('a missing spec file: exit 1 naming the file', async () => {
  const run = await runCli(['generate', '--input', 'nope.yaml', '--output', 'out'], dir);
  expectOneCleanError(run);
  expect(run.stderr).toBe('oasgen: error: nope.yaml: file not found\n');
});

test.concurrent('a directory as input: exit 1 saying a file is expected', async () => {
  const run = await runCli(['generate', '--input', 'folder', '--output', 'out'], dir);
  expectOneCleanError(run);
  expect(run.stderr).toMatch(/^oasgen: error: folder: is a directory, expected a spec file/);
});

test.concurrent('a YAML syntax error: exit 1 with file:line:column', async () => {
  const run = await runCli(['generate', '--input', 'broken.yaml', '--output', 'out'], dir);
  expectOneCleanError(run);
  expect(run.stderr).toMatch(/^oasgen: error: broken\.yaml:\d+:\d+: syntax error: /);
});

test.concurrent('inspect on a syntax error: the same message and exit 1', async () => {
  const run = await runCli(['inspect', '--input', 'broken.yaml'], dir);
  expectOneCleanError(run);
  expect(run.stderr).toMatch(/^oasgen: error: broken\.yaml:\d+:\d+: syntax error: /);
});

test.concurrent('no flags and no oasgen.config.json: exit 1 explaining both ways out', async () => {
  const run = await runCli(['generate'], path.join(dir, 'empty'));
  expectOneCleanError(run);
  expect(run.stderr).toMatch(/^oasgen: error: oasgen\.config\.json: config file not found; create one with .* or pass --input and --output\n$/);
});

test.concurrent('--config naming a missing file: exit 1 naming it', async () => {
  const run = await runCli(['generate', '--config', 'other.json'], dir);
  expectOneCleanError(run);
  expect(run.stderr).toMatch(/^oasgen: error: other\.json: config file not found/);
});

test.concurrent('a config that is not JSON: exit 1 with line:column', async () => {
  const run = await runCli(['generate'], path.join(dir, 'malformed'));
  expectOneCleanError(run);
  expect(run.stderr).toBe('oasgen: error: oasgen.config.json:3:29: config is not valid JSON: Expected double-quoted property name\n');
});

test.concurrent('a config with a misspelt key: exit 1 naming the key and its JSON pointer', async () => {
  const run = await runCli(['generate'], path.join(dir, 'badkey'));
  expectOneCleanError(run);
  expect(run.stderr).toBe('oasgen: error: oasgen.config.json at /clients/0/templtes: unknown key "templtes" (expected input, output, templates, hooks, int64)\n');
});

test.concurrent('a config value of the wrong type: exit 1 naming the key', async () => {
  const run = await runCli(['generate', '--config', 'badvalue/oasgen.config.json'], dir);
  expectOneCleanError(run);
  expect(run.stderr).toContain('badvalue/oasgen.config.json at /clients/0/output: "output" must be a non-empty string');
});

test.concurrent('an unknown flag: exit 1 naming it and pointing at --help', async () => {
  const run = await runCli(['generate', '--inptu', 'pets.yaml'], dir);
  expectOneCleanError(run);
  expect(run.stderr).toBe('oasgen: error: Unknown argument: inptu\nRun "oasgen --help" for usage.\n');
});

test.concurrent('--input without --output, and no command at all: exit 1 with usage', async () => {
  const [half, none] = await Promise.all([runCli(['generate', '--input', 'pets.yaml'], dir), runCli([], dir)]);
  expectOneCleanError(half);
  expect(half.stderr).toBe('oasgen: error: --input needs --output (the folder to write the client to)\n');
  expect(none.code).toBe(1);
  expect(none.stderr).toContain('Give a command: generate, inspect or templates.');
});

test.concurrent('inspect prints the named model as JSON', async () => {
  const run = await runCli(['inspect', '--input', 'pets.yaml'], dir);
  expect(run.code).toBe(0);
  const model = JSON.parse(run.stdout) as { title: string; apis: { className: string; operations: { methodName: string }[] }[] };
  expect(model.title).toBe('Pets');
  expect(model.apis.map((api) => [api.className, api.operations.map((op) => op.methodName)])).toEqual([
    ['PetsApi', ['getPet']],
    ['StoresApi', ['getStore']],
  ]);
});

test.concurrent.each([
  [['pets.yaml', '-o', 'out'], 'unknown command "pets.yaml"; to generate from a spec: oasgen generate pets.yaml -o <folder>'],
  [['gen'], 'unknown command "gen"; did you mean "generate"?'],
  [['genrate', '-i', 'pets.yaml'], 'unknown command "genrate"; did you mean "generate"?'],
  [['inspct'], 'unknown command "inspct"; did you mean "inspect"?'],
  [['version'], 'unknown command "version"; the version: oasgen --version'],
  [['build'], 'unknown command "build"; the commands are generate, inspect, templates'],
])('not a command (%j): exit 1 saying what was likely meant', async (args, message) => {
  const run = await runCli(args, dir);
  expectOneCleanError(run);
  expect(run.stderr).toBe(`oasgen: error: ${message}\nRun "oasgen --help" for usage.\n`);
});

test.concurrent('`help` is still a command', async () => {
  const run = await runCli(['help'], dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('oasgen <command> [options]');
});
