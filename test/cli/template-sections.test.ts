/**
 * Other pages link to the sections an API page or a model page renders from `inlineSchemas`. A
 * page template overridden without them (ejected before they existed) still renders, with a
 * warning that names the template and the schemas whose links now lead nowhere.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '../../src/pipeline.js';
import { repoRoot, tempDir, writeFiles } from '../helpers/run-cli.js';

const spec = path.join(repoRoot, 'test/fixtures/specs/inline-schemas-3.1.yaml');

test('the default templates render every section: no warning', async () => {
  const result = await generate({ input: spec });
  expect(result.diagnostics.filter((d) => d.message.includes('renders no section'))).toEqual([]);
});

test('an API page and a model page template without inlineSchemas: one warning each, naming the schemas', async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    'tpl/api.md.hbs': '# {{api.className}}\n{{#each api.operations}}\n<a id="{{anchor methodName}}"></a>\n## {{methodName}}\n{{/each}}\n',
    'tpl/model.md.hbs': '# {{schema.typeName}}\n',
  });
  const templates = path.join(dir, 'tpl');
  const result = await generate({ input: spec, templates }).finally(() => rm(dir, { recursive: true, force: true }));
  const warnings = result.diagnostics.filter((d) => d.message.includes('renders no section'));
  expect(warnings.map((d) => [d.severity, d.file])).toEqual([
    ['warning', path.join(templates, 'api.md.hbs')],
    ['warning', path.join(templates, 'model.md.hbs')],
  ]);
  expect(warnings[0]!.message).toMatch(/^template override api\.md\.hbs renders no section for \d+ schemas that links lead to \(CreatePet200Response, CreatePet201Response, CreatePetFormRequest, …\): render its `inlineSchemas`/);
  expect(warnings[1]!.message).toMatch(/^template override model\.md\.hbs renders no section for \d+ schemas that links lead to \(PetExtended, /);
  // The pages are still written as the templates say.
  expect(result.files.get('docs/PetsApi.md')).toMatch(/^# PetsApi\n/);
});
