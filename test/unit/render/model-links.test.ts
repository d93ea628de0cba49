/**
 * Every link to a model's docs is written one way: the inline-origin line of a hoisted schema
 * ("property *owner* of [**Pet**](Pet.md)") escapes the type name like the other model links.
 * A type name with markdown characters comes from the names stage's long-name hash suffix
 * (`…Organizat_60786261`) or, as here, from a transformModel hook.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../../src/pipeline.js';
import type { NamedModel } from '../../../src/names/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const input = path.join(here, '..', '..', 'fixtures', 'specs', 'inline-schemas-3.1.yaml');

it('links a model whose type name has markdown characters with the name escaped, wherever the link is', async () => {
  const transformModel = (model: NamedModel): NamedModel => ({
    ...model,
    schemas: model.schemas.map((schema) => (schema.typeName === 'Pet' ? { ...schema, typeName: 'Pet_Record' } : schema)),
  });
  const result = await generate({ input, hooks: { transformModel } });
  const page = result.files.get('docs/Pet.md')!;
  expect(page).toContain('Defined inline: property *owner* of [**Pet\\_Record**](Pet.md) (at /components/schemas/Pet/properties/owner in the spec).');
  // Every link to Pet's page, on every page, spells the name the same way.
  const links = [...result.files.values()].flatMap((text) => [...text.matchAll(/\[\*\*([^\]]*)\*\*\]\(Pet\.md\)/g)].map((match) => match[1]));
  expect(links.length).toBeGreaterThan(1);
  expect(new Set(links)).toEqual(new Set(['Pet\\_Record']));
});
