/**
 * The package as npm would publish it: `npm pack` (scripts off; `npm test` built dist/ first),
 * unpacked into a temp project's node_modules with its dependencies linked from this repo's, then
 * the installed bin generates a client and `import { generate } from 'oasgen'` resolves there.
 * Catches files the code reads at run time (templates, the runtime source) missing from "files".
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot, snapshotTree, tempDir } from '../helpers/run-cli.js';

function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => (error ? reject(new Error(`${stdout}${stderr}${String(error)}`)) : resolve(stdout)));
  });
}

test('the packed package installs and generates the same client as the repo', async () => {
  const dir = await tempDir('oasgen-pack-');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], repoRoot)) as { filename: string; files: { path: string }[] }[];
  const files = packed!.files.map((file) => file.path);
  for (const required of ['dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'src/runtime/runtime.ts', 'templates/README.md', 'templates/api.md.hbs']) {
    expect(files).toContain(required);
  }
  expect(files.filter((file) => file.startsWith('test/') || file.startsWith('generated/'))).toEqual([]);

  const installed = path.join(dir, 'project/node_modules/oasgen');
  await mkdir(installed, { recursive: true });
  await run('tar', ['-xzf', path.join(dir, packed!.filename), '-C', installed, '--strip-components=1'], dir);
  const { dependencies } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dependency of Object.keys(dependencies)) {
    await mkdir(path.dirname(path.join(dir, 'project/node_modules', dependency)), { recursive: true });
    await symlink(path.join(repoRoot, 'node_modules', dependency), path.join(dir, 'project/node_modules', dependency), 'dir');
  }
  const project = path.join(dir, 'project');
  await run(process.execPath, [path.join(installed, 'dist/cli/main.js'), 'generate', '-q', '-i', path.join(repoRoot, 'specs/identity.yaml'), '-o', 'client'], project);
  const client = await snapshotTree(path.join(project, 'client'));
  const committed = await snapshotTree(path.join(repoRoot, 'generated/identity'));
  expect([...client.keys()]).toEqual([...committed.keys()]);
  for (const [file, { text }] of committed) expect([file, client.get(file)!.text]).toEqual([file, text]);
  const api = await run(process.execPath, ['--input-type=module', '-e', "import('oasgen').then((m) => console.log(Object.keys(m).sort().join(',')))"], project);
  expect(api.trim()).toBe('UserError,diffOutput,generate,writeOutput');
});
