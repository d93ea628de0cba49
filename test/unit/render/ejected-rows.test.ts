/**
 * The default partials print their table rows from helpers that give ready data (`propertyRows`,
 * `pathParameters`, `objectParameters`), a fast path for big specs. Users who ejected the
 * partials earlier still print the rows the slow way, a helper per cell (templates/README.md: an
 * ejected template keeps working). Both ways must render the same pages, byte for byte.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TEMPLATES_DIR } from '../../../src/render/docs/engine.js';
import { generate } from '../../../src/pipeline.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..', '..');
const specs = [
  path.join(root, 'specs', 'identity.yaml'),
  path.join(root, 'specs', 'cohesity.yaml'),
  path.join(root, 'test', 'fixtures', 'specs', 'features-3.1.yaml'),
  path.join(root, 'test', 'fixtures', 'specs', 'petstore-3.0.yaml'),
  path.join(root, 'test', 'fixtures', 'specs', 'swagger-2.0.yaml'),
  path.join(root, 'test', 'fixtures', 'specs', 'read-write-3.0.yaml'),
  path.join(root, 'test', 'fixtures', 'hostile', 'client.yaml'),
];

/** Each partial's ready-row block, and the rows as the partial printed them before (a helper per cell). */
const olderRows: Record<string, [today: string, before: string][]> = {
  'partials/model.md.hbs': [
    [
      '{{#each (propertyRows schema)}}\n**{{name}}** | {{type}} | {{description}} | {{notesText}}\n{{/each}}',
      '{{#each (ownProperties schema)}}\n**{{cell name}}** | {{typeLink schema}} | {{#if schema.description}}{{cell schema.description}}{{/if}} | {{notes this}}\n{{/each}}',
    ],
  ],
  'partials/parameters.md.hbs': [
    [
      '{{#each (pathParameters operation)}}\n **{{identifier}}** | {{typeLink schema}} | {{cell description}} | {{notes this}}\n{{/each}}',
      '{{#each operation.parameters}}\n{{#if (eq in "path")}}\n **{{identifier}}** | {{typeLink schema}} | {{#if description}}{{cell description}}{{/if}} | {{notes this}}\n{{/if}}\n{{/each}}',
    ],
    [
      '{{cell operation.requestBody.description}}',
      '{{#if operation.requestBody.description}}{{cell operation.requestBody.description}}{{/if}}',
    ],
    [
      '{{#each (objectParameters operation)}}\n **{{identifier}}** | {{typeLink schema}} | {{cell description}} | {{notes this}}\n{{/each}}',
      '{{#each operation.parameters}}\n{{#unless (eq in "path")}}\n **{{identifier}}** | {{typeLink schema}} | {{#if description}}{{cell description}}{{/if}} | {{notes this}}\n{{/unless}}\n{{/each}}',
    ],
  ],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'oasgen-ejected-rows-'));
  mkdirSync(path.join(dir, 'partials'));
  for (const [partial, swaps] of Object.entries(olderRows)) {
    let text = readFileSync(path.join(DEFAULT_TEMPLATES_DIR, partial), 'utf8');
    for (const [today, before] of swaps) {
      // A default partial that no longer has this block needs this test brought up to date.
      expect(text).toContain(today);
      text = text.replace(today, before);
    }
    writeFileSync(path.join(dir, partial), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The markdown files a generation writes, by path. */
async function docsPages(input: string, templates?: string): Promise<Map<string, string>> {
  const result = await generate({ input, ...(templates !== undefined ? { templates } : {}) });
  return new Map([...result.files].filter(([file]) => file.endsWith('.md')));
}

test.each(specs.map((spec) => [path.relative(root, spec), spec]))('%s: partials ejected before the ready rows render the same pages', async (_name, spec) => {
  const today = await docsPages(spec);
  const ejected = await docsPages(spec, dir);
  expect([...ejected.keys()]).toEqual([...today.keys()]);
  for (const [file, text] of today) expect({ file, text: ejected.get(file) }).toEqual({ file, text });
});

test('the specs print every kind of row the partials swap: properties, path, body and object parameters', async () => {
  const pages = (await Promise.all(specs.map((spec) => docsPages(spec)))).flatMap((docs) => [...docs.values()]).join('\n');
  expect(pages).toMatch(/^\*\*\w+\*\* \| .+ \| \S.* \| \[/m); // a property row with a description and notes
  expect(pages).toMatch(/^ \*\*\w+\*\* \| .+ \| .* \|$/m); // a path parameter or required body row (no notes)
  expect(pages).toMatch(/^ \*\*\w+\*\* \| .+ \| .+ \| .*\[(query|header|cookie): /m); // an object parameter with a description
});
