/**
 * Template customisation with the real bin: eject copies every default plus the README; the
 * README's worked example (eject → delete → edit → regenerate) gives the page it promises while
 * everything else falls back to the defaults; a typo'd file is warned about by name; partial and
 * banner overrides take effect.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fencedBlocks } from '../helpers/markdown.js';
import { repoRoot, runCli, snapshotTree, tempDir, writeFiles } from '../helpers/run-cli.js';

const identitySpec = path.join(repoRoot, 'specs/identity.yaml');
const committed = path.join(repoRoot, 'generated/identity');

test.concurrent('eject → the README worked example → regenerate: the override applies, the rest falls back, a typo is named', async () => {
  const dir = await tempDir();
  const eject = await runCli(['templates', '--eject', 'my-templates'], dir);
  expect(eject.code).toBe(0);
  const shipped = await snapshotTree(path.join(repoRoot, 'templates'));
  const ejected = await snapshotTree(path.join(dir, 'my-templates'));
  expect([...ejected.keys()]).toEqual([...shipped.keys()]);
  expect([...ejected.keys()]).toContain('README.md');
  for (const [file, { text }] of shipped) expect(ejected.get(file)!.text).toBe(text);
  expect(eject.stdout).toBe(`Copied ${shipped.size} files to my-templates. Edit any of them, delete the rest, and pass --templates my-templates.\n`);

  // Ejecting again would overwrite: refused, nothing changed.
  const again = await runCli(['templates', '--eject', 'my-templates'], dir);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/^oasgen: error: my-templates: \S+ already exists there; eject into a new or empty folder\n$/);

  // The README's worked example, step by step: delete the others, replace api.md.hbs.
  const readme = shipped.get('README.md')!.text;
  const [template] = fencedBlocks(readme, 'handlebars');
  const [expectedPage] = fencedBlocks(readme, 'markdown');
  for (const file of ['model.md.hbs', 'readme.md.hbs', 'banner.hbs', 'partials']) await rm(path.join(dir, 'my-templates', file), { recursive: true });
  await writeFile(path.join(dir, 'my-templates/api.md.hbs'), template!);
  await writeFile(path.join(dir, 'my-templates/modle.md.hbs'), '# typo\n');
  const run = await runCli(['generate', '--input', identitySpec, '--output', 'client', '--templates', 'my-templates'], dir);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('oasgen: warning: my-templates/modle.md.hbs: template override modle.md.hbs matches no default template and is ignored\n');
  expect(await readFile(path.join(dir, 'client/docs/SessionsApi.md'), 'utf8')).toBe(expectedPage);
  // Everything not overridden is byte for byte what the defaults give (the committed client).
  const client = await snapshotTree(path.join(dir, 'client'));
  const defaults = await snapshotTree(committed);
  for (const file of defaults.keys()) {
    if (file === 'docs/SessionsApi.md') continue;
    expect([file, client.get(file)?.text]).toEqual([file, defaults.get(file)!.text]);
  }
});

test.concurrent('a partial and the banner overridden by relative path; a template error names the template and line and writes nothing', async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    'tpl/partials/parameters.md.hbs': '{{#each operation.parameters}}* param `{{identifier}}` ({{in}}){{/each}}\nCUSTOM-PARAMETERS\n',
    'tpl/banner.hbs': 'Custom banner for {{model.title}}\nLicensed to you',
  });
  const run = await runCli(['generate', '-i', identitySpec, '-o', 'client', '-t', 'tpl'], dir);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  const page = await readFile(path.join(dir, 'client/docs/SessionsApi.md'), 'utf8');
  expect(page.match(/CUSTOM-PARAMETERS/g)).toHaveLength(3); // one per operation
  expect(page).toContain('* param `sessionId` (path)');
  expect(page).toContain('### Return type'); // the rest of the default operation partial
  const tsFiles = [...(await snapshotTree(path.join(dir, 'client'))).entries()].filter(([file]) => file.endsWith('.ts'));
  expect(tsFiles.map(([file]) => file)).toEqual(['apis/SessionsApi.ts', 'index.ts', 'models/index.ts', 'runtime.ts']);
  for (const [file, { text }] of tsFiles) expect([file, text.startsWith('// Custom banner for Identity Service\n// Licensed to you\n\n')]).toEqual([file, true]);

  // A broken override: the error names the file and line; the previous output stays as it was.
  await writeFiles(dir, { 'tpl/partials/parameters.md.hbs': 'line one\n{{#each operation.parameters}}{{identifer}}{{/each}}\n' });
  const before = await snapshotTree(path.join(dir, 'client'));
  const failed = await runCli(['generate', '-i', identitySpec, '-o', 'client', '-t', 'tpl'], dir);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toMatch(/^oasgen: error: tpl\/partials\/parameters\.md\.hbs:2: template partials\/parameters\.md\.hbs failed: "identifer" not defined in /);
  expect(await snapshotTree(path.join(dir, 'client'))).toEqual(before);
  expect((await readdir(path.join(dir, 'client/.oasgen'))).sort()).toEqual(['manifest.json']);
});
