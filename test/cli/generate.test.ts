/**
 * `oasgen generate` end to end with the real bin: the config file, the summary line, owned and
 * atomic writes (mtimes kept, user files surviving, stale files deleted and their folders
 * pruned, a failed run leaving the previous output intact), --check on clean and stale trees,
 * --quiet and --timings. Independent scenarios run concurrently, each in its own temp dir.
 */
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { petSpec, runCli, snapshotTree, tempDir, writeFiles } from '../helpers/run-cli.js';

/** Sets every file's mtime into the past, so a rewrite (which sets "now") cannot go unnoticed. */
async function ageTree(dir: string): Promise<void> {
  const past = new Date('2020-01-01T00:00:00Z');
  for (const file of (await snapshotTree(dir)).keys()) await utimes(path.join(dir, file), past, past);
}

const GENERATED = [
  '.oasgen/manifest.json',
  'README.md',
  'apis/PetsApi.ts',
  'apis/StoresApi.ts',
  'docs/Pet.md',
  'docs/PetsApi.md',
  'docs/Store.md',
  'docs/StoresApi.md',
  'index.ts',
  'models/index.ts',
  'runtime.ts',
];

test.concurrent('config → generate → no-op regeneration → --check clean/stale → spec change deletes → failed run changes nothing', async () => {
  const dir = await tempDir();
  // The config lives in project/; it is run from elsewhere with --config: paths resolve against its folder.
  await writeFiles(dir, {
    'project/oasgen.config.json': JSON.stringify({ clients: [{ input: 'specs/pets.yaml', output: 'gen/pets' }] }),
    'project/specs/pets.yaml': petSpec(),
  });
  const out = path.join(dir, 'project/gen/pets');
  const config = ['--config', 'project/oasgen.config.json'];

  // 1. First run: every file written, one summary line in the format.
  const first = await runCli(['generate', ...config], dir);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/^pets: 2 APIs, 2 operations, 2 models → project\/gen\/pets \(11 files, 11 changed\) in \d+ ms\n$/);
  expect([...(await snapshotTree(out)).keys()]).toEqual(GENERATED);
  const manifest = JSON.parse(await readFile(path.join(out, '.oasgen/manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(Object.keys(manifest)).toEqual(['generator', 'specHash', 'files', 'operations', 'models']);
  expect(manifest.specHash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(manifest)).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:|\/tmp\//); // no time, no absolute path

  // 2. A user's files beside the generated ones; everything aged so a rewrite would show.
  await writeFiles(out, { 'NOTES.md': 'mine\n', 'apis/custom.ts': 'export const mine = 1;\n' });
  await ageTree(out);
  const before = await snapshotTree(out);
  const again = await runCli(['generate', ...config], dir);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/\(11 files, 0 changed\)/);
  expect(await snapshotTree(out)).toEqual(before); // same bytes, same mtimes, user files intact

  // 3. --check on the clean tree: exit 0, says so, writes nothing.
  const clean = await runCli(['generate', '--check', ...config], dir);
  expect(clean.code).toBe(0);
  expect(clean.stdout).toBe('pets: 2 APIs, 2 operations, 2 models → project/gen/pets is up to date\n');
  expect(await snapshotTree(out)).toEqual(before);

  // 4. --check on a stale tree: one file edited, one deleted, one that would go: exit 2, listed, nothing written.
  await writeFile(path.join(out, 'docs/Pet.md'), 'edited\n');
  await rm(path.join(out, 'models/index.ts'));
  await writeFile(path.join(dir, 'project/specs/pets.yaml'), petSpec({ withStores: false }));
  const staleBefore = await snapshotTree(out);
  const stale = await runCli(['generate', '--check', ...config], dir);
  expect(stale.code).toBe(2);
  expect(stale.stdout).toBe('');
  expect(stale.stderr).toContain('oasgen: pets: project/gen/pets is stale');
  for (const line of [
    '  changed: .oasgen/manifest.json',
    '  changed: docs/Pet.md',
    '  missing: models/index.ts',
    '  would be deleted: apis/StoresApi.ts',
    '  would be deleted: docs/Store.md',
    '  would be deleted: docs/StoresApi.md',
  ]) {
    expect(stale.stderr).toContain(`${line}\n`);
  }
  expect(stale.stderr).toContain('Fix: run `oasgen generate --config project/oasgen.config.json`');
  expect(await snapshotTree(out)).toEqual(staleBefore);

  // 5. Regenerate: the three stores files go (only those the manifest lists), user files stay,
  //    untouched generated files keep their mtime.
  const regen = await runCli(['generate', ...config], dir);
  expect(regen.code).toBe(0);
  expect(regen.stdout).toMatch(/^pets: 1 API, 1 operation, 1 model → project\/gen\/pets \(8 files, 5 changed, 3 deleted\) in \d+ ms\n$/);
  const after = await snapshotTree(out);
  expect([...after.keys()]).toEqual([
    '.oasgen/manifest.json', 'NOTES.md', 'README.md', 'apis/PetsApi.ts', 'apis/custom.ts', 'docs/Pet.md', 'docs/PetsApi.md', 'index.ts', 'models/index.ts', 'runtime.ts',
  ]);
  expect(after.get('apis/custom.ts')).toEqual(before.get('apis/custom.ts'));
  expect(after.get('apis/PetsApi.ts')).toEqual(before.get('apis/PetsApi.ts'));
  // models/ holds only index.ts; without any model it goes, and its folder must be pruned.
  await writeFile(
    path.join(dir, 'project/specs/pets.yaml'),
    petSpec({ withStores: false }).replace("schema: { $ref: '#/components/schemas/Pet' }", 'schema: { type: string }').replace(/components:[\s\S]*$/, ''),
  );
  const pruned = await runCli(['generate', ...config], dir);
  expect(pruned.code).toBe(0);
  await expect(stat(path.join(out, 'models'))).rejects.toThrow(/ENOENT/);
  expect((await snapshotTree(out)).has('NOTES.md')).toBe(true);

  // 6. A run that fails after loading (a template error) leaves every byte and mtime as it was.
  await writeFile(path.join(dir, 'project/specs/pets.yaml'), petSpec());
  await writeFiles(dir, { 'broken-templates/api.md.hbs': '# {{api.className}}\n\n{{api.noSuchField}}\n' });
  await ageTree(out);
  const intact = await snapshotTree(out);
  const failed = await runCli(['generate', ...config, '--templates', 'broken-templates'], dir);
  expect(failed.code).toBe(1);
  expect(failed.stdout).toBe('');
  expect(failed.stderr).toMatch(/^oasgen: error: broken-templates\/api\.md\.hbs:3: template api\.md\.hbs failed: "noSuchField" not defined in/);
  expect(await snapshotTree(out)).toEqual(intact);
});

test.concurrent('a file the user owns at a generated path is never overwritten: warned, left out of the manifest', async () => {
  const dir = await tempDir();
  await writeFiles(dir, { 'pets.yaml': petSpec(), 'out/README.md': '# my own readme\n' });
  const run = await runCli(['generate', '-i', 'pets.yaml', '-o', 'out'], dir);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('oasgen: warning: out/README.md exists and was not written by oasgen; left unchanged (move it away to let oasgen generate it)\n');
  expect(run.stdout).toMatch(/\(10 files, 10 changed\)/);
  expect(await readFile(path.join(dir, 'out/README.md'), 'utf8')).toBe('# my own readme\n');
  const manifest = JSON.parse(await readFile(path.join(dir, 'out/.oasgen/manifest.json'), 'utf8')) as { files: string[] };
  expect(manifest.files).not.toContain('README.md');
  expect(manifest.files).toContain('docs/PetsApi.md');
  // --check reports it; a second run still leaves it alone and rewrites nothing.
  const [check, second] = [await runCli(['generate', '-i', 'pets.yaml', '-o', 'out', '--check'], dir), await runCli(['generate', '-i', 'pets.yaml', '-o', 'out'], dir)];
  expect(check.code).toBe(2);
  expect(check.stderr).toContain('  changed (not written by oasgen): README.md\n');
  expect(check.stderr).toContain('Fix: run `oasgen generate --input pets.yaml --output out`');
  expect(second.stdout).toMatch(/\(10 files, 0 changed\)/);
  expect(await readFile(path.join(dir, 'out/README.md'), 'utf8')).toBe('# my own readme\n');
});

test.concurrent('a config with two clients: when the second fails, the first is not written either', async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    'oasgen.config.json': JSON.stringify({ clients: [{ input: 'a.yaml', output: 'out/a' }, { input: 'b.yaml', output: 'out/b' }] }),
    'a.yaml': petSpec({ title: 'A' }),
    'b.yaml': 'openapi: 3.0.3\ninfo: {title: B, version: "1"\npaths: {}\n',
  });
  const failed = await runCli(['generate'], dir);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toMatch(/^oasgen: error: b\.yaml:\d+:\d+: syntax error/);
  await expect(stat(path.join(dir, 'out'))).rejects.toThrow(/ENOENT/);
  await writeFile(path.join(dir, 'b.yaml'), petSpec({ title: 'B', withStores: false }));
  const ok = await runCli(['generate'], dir);
  expect(ok.code).toBe(0);
  expect(ok.stdout.split('\n')).toEqual([
    expect.stringMatching(/^a: 2 APIs, 2 operations, 2 models → out\/a \(11 files, 11 changed\) in \d+ ms$/),
    expect.stringMatching(/^b: 1 API, 1 operation, 1 model → out\/b \(8 files, 8 changed\) in \d+ ms$/),
    '',
  ]);
});

test.concurrent('--quiet prints nothing on success; --timings prints each stage; warnings go to stderr with JSON pointers', async () => {
  const dir = await tempDir();
  // An operation without operationId and a response without description: validation warnings.
  const spec = petSpec().replace("'200':\n          description: The pet\n", "'200':\n");
  await writeFiles(dir, { 'pets.yaml': spec });
  const [quiet, timed] = await Promise.all([
    runCli(['generate', '-i', 'pets.yaml', '-o', 'quiet', '--quiet'], dir),
    runCli(['generate', '-i', 'pets.yaml', '-o', 'timed', '--timings'], dir),
  ]);
  expect(quiet.code).toBe(0);
  expect(quiet.stdout).toBe('');
  expect(quiet.stderr).toMatch(/^oasgen: warning: pets\.yaml at \/paths\/~1pets~1\{petId\}\/get\/responses\/200\S*: /m);
  expect(timed.code).toBe(0);
  const lines = timed.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^timed timings: load \d+\.\d ms, model \d+\.\d ms, names \d+\.\d ms, render-docs \d+\.\d ms, render-ts \d+\.\d ms, write \d+\.\d ms$/);
  expect(timed.stderr).toBe(quiet.stderr);
});
