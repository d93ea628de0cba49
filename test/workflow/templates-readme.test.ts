/**
 * templates/README.md is the reference for template authors: it must name every registered
 * helper and every field of the context (the IR types, and every key `oasgen inspect` really
 * prints for the repo's specs). And no shipped template uses triple-stash (unescaped) output.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Project, SyntaxKind } from 'ts-morph';
import { loadSpec } from '../../src/load/index.js';
import { buildModel } from '../../src/model/index.js';
import { assignNames } from '../../src/names/index.js';
import { ExampleWriter } from '../../src/render/docs/example.js';
import { docsHelpers } from '../../src/render/docs/helpers.js';
import { TypeWriter } from '../../src/render/type-text.js';
import { repoRoot } from '../helpers/run-cli.js';

const templatesDir = path.join(repoRoot, 'templates');
let readme = '';
beforeAll(async () => {
  readme = await readFile(path.join(templatesDir, 'README.md'), 'utf8');
});

async function namedModel(spec: string) {
  const loaded = await loadSpec(spec, { validate: false });
  return assignNames(buildModel(loaded).model);
}

/** Whether the README's context or helper tables mention `name` as code (`name`, `name?`, `name: …`). */
function documents(name: string): boolean {
  return new RegExp('`' + name.replace(/[$]/g, '\\$') + '[`?:]|[{,] ' + name + '[?:,} ]').test(readme);
}

test('every registered helper has a row in the Helpers table', async () => {
  const model = await namedModel(path.join(repoRoot, 'specs/identity.yaml'));
  const types = new TypeWriter(model);
  const helpers = Object.keys(docsHelpers(model, types, new ExampleWriter(model, types)));
  expect(helpers.length).toBeGreaterThan(10);
  const rows = [...readme.matchAll(/^\| `(\w+)[^`]*` \|/gm)].map((match) => match[1]);
  expect(helpers.filter((helper) => !rows.includes(helper))).toEqual([]);
  // …and no row documents a helper that does not exist.
  const helperSection = readme.slice(readme.indexOf('## Helpers'), readme.indexOf('## The context'));
  const documented = [...helperSection.matchAll(/^\| `(\w+)[^`]*` \|/gm)].map((match) => match[1]!);
  expect(documented.filter((name) => !helpers.includes(name))).toEqual([]);
});

test('every field of the IR and the named model is documented', () => {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipLoadingLibFiles: true });
  const files = ['src/model/ir.ts', 'src/names/named-model.ts'].map((file) => project.addSourceFileAtPath(path.join(repoRoot, file)));
  const fields = new Set<string>();
  for (const file of files) {
    for (const property of file.getDescendantsOfKind(SyntaxKind.PropertySignature)) fields.add(property.getName());
  }
  expect(fields.size).toBeGreaterThan(40);
  expect([...fields].filter((field) => !documents(field)).sort()).toEqual([]);
});

test('every key that `inspect` prints for the repo specs and fixtures is documented', async () => {
  const specs = [
    ...(await readdir(path.join(repoRoot, 'specs'))).map((file) => path.join(repoRoot, 'specs', file)),
    ...(await readdir(path.join(repoRoot, 'test/fixtures/specs'))).map((file) => path.join(repoRoot, 'test/fixtures/specs', file)),
  ].filter((file) => /\.(ya?ml|json)$/.test(file));
  const keys = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        keys.add(key);
        if (key !== 'default' && key !== 'example') walk(child); // spec JSON values: their keys are the spec's
      }
    }
  };
  for (const spec of specs) walk(JSON.parse(JSON.stringify(await namedModel(spec))));
  expect(keys.size).toBeGreaterThan(40);
  expect([...keys].filter((key) => !documents(key)).sort()).toEqual([]);
});

test('no shipped template or partial uses triple-stash (unescaped) output', async () => {
  const offenders: string[] = [];
  const scan = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(templatesDir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) await scan(child);
      else if ((await readFile(path.join(templatesDir, child), 'utf8')).includes('{{{')) offenders.push(child);
    }
  };
  await scan('');
  expect(offenders).toEqual([]);
});
