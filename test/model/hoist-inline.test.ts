/**
 * Inline schemas hoisted under stable names (test/fixtures/specs/inline-schemas-3.1.yaml): which
 * inline schemas become models, the name each gets from where it is written, which stay inline,
 * and that the types using them say so. The whole output is file-snapshotted by
 * test/fixture-snapshots.test.ts and compiled by test/compile.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project } from 'ts-morph';
import { generate, type GenerateResult } from '../../src/pipeline.js';
import { hasOwnPage } from '../../src/render/docs/links.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const input = path.join(here, '..', 'fixtures', 'specs', 'inline-schemas-3.1.yaml');
let result: GenerateResult;
const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });

beforeAll(async () => {
  result = await generate({ input });
});

/** The type text of a property of a generated interface. */
function propertyType(typeName: string, property: string): string {
  const schema = result.model.schemas.find((s) => s.typeName === typeName)!;
  const file = project.createSourceFile(`/${schema.fileName}`, result.files.get(schema.fileName)!, { overwrite: true });
  return file.getInterfaceOrThrow(typeName).getPropertyOrThrow(property).getTypeNodeOrThrow().getText();
}

/** A method's signature line in an API class file. */
function signature(file: string, method: string): string {
  return result.files.get(file)!.split('\n').find((line) => line.includes(`async ${method}(`))!.trim();
}

it('hoists exactly the inline schemas worth a name, each with a model file and a docs page', () => {
  const hoisted = result.model.schemas.filter((schema) => schema.origin).map((schema) => schema.typeName);
  expect(hoisted).toEqual([
    'CreatePet200Response',
    'CreatePet201Response',
    'CreatePetFormRequest',
    'CreatePetRequest2',
    'CreatePetRequest2Kind',
    'CreatePetRequest2ToysItem',
    'DeletePetXPriority',
    'Direction',
    'GetPetView',
    'ListPets400Response',
    'ListPetsResponseItem',
    'ListPetsStatusItem',
    'NotFound',
    'PetExtended',
    'PetLabelsValue',
    'PetOwner2',
    'PetOwner2Address',
    'PetStatus',
    'Problem',
    'ShapeCircle',
    'ShapeSquare',
    'ShapeVariant3',
  ]);
  for (const schema of result.model.schemas) {
    expect(result.files.get(schema.fileName)).toMatch(new RegExp(`^export (interface|type) ${schema.typeName}\\b`, 'm'));
    const page = result.files.get(schema.docFileName);
    if (hasOwnPage(schema)) expect(page?.startsWith(`# ${schema.typeName}\n`)).toBe(true);
    else expect(page).toContain(`\n<a id="${schema.typeName.toLowerCase()}"></a>\n## ${schema.typeName}\n`);
  }
});

it('documents a hoisted schema on the page of the outermost schema it came from, and declares it right after', () => {
  const pages = Object.fromEntries(result.model.schemas.map((schema) => [schema.typeName, schema.docFileName]));
  expect(pages).toMatchObject({
    PetOwner2: 'docs/Pet.md',
    PetOwner2Address: 'docs/Pet.md', // nested twice: still Pet's
    PetStatus: 'docs/Pet.md',
    ShapeCircle: 'docs/Shape.md',
    CreatePetRequest2: 'docs/PetsApi.md', // a body's own schema: a section of its operation's API page
    CreatePetRequest2ToysItem: 'docs/PetsApi.md', // and what lives with it
    ListPetsStatusItem: 'docs/PetsApi.md', // a parameter's
    Direction: 'docs/Direction.md', // a shared parameter's has its own page
  });
  const pet = result.model.schemas.find((schema) => schema.typeName === 'Pet')!;
  expect(result.model.schemas.find((schema) => schema.typeName === 'PetOwner2Address')?.home).toBe(pet.name);
  // One docs page per schema that has no home and is no operation's; every type in the one models module, each home followed by its schemas.
  const ownPages = result.model.schemas.filter(hasOwnPage).map((schema) => schema.docFileName);
  expect([...result.files.keys()].filter((file) => file.startsWith('docs/') && !file.endsWith('Api.md')).sort()).toEqual(ownPages.sort());
  expect([...result.files.keys()].filter((file) => file.startsWith('models/'))).toEqual(['models/index.ts']);
  const declared = [...result.files.get('models/index.ts')!.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]);
  expect(declared.slice(declared.indexOf('Pet'), declared.indexOf('Pet') + 6)).toEqual(['Pet', 'PetExtended', 'PetLabelsValue', 'PetOwner2', 'PetOwner2Address', 'PetStatus']);
  expect(result.files.get('models/index.ts')).not.toMatch(/^import /m);
  // One import declaration per file imported from.
  for (const [file, text] of [...result.files].filter(([file]) => file.endsWith('.ts'))) {
    const specifiers = [...text.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
    expect({ file, specifiers }).toEqual({ file, specifiers: [...new Set(specifiers)] });
  }
  expect(result.files.get('index.ts')).not.toContain('PetOwner2');
});

it('documents the schemas written inline in an operation on the first API page that has the operation, after its operations', () => {
  const byType = new Map(result.model.schemas.map((schema) => [schema.typeName, schema]));
  // createPet is tagged pets and shapes: its body is documented once, on PetsApi's page, and ShapesApi's page links there.
  expect(byType.get('CreatePetRequest2')?.docOperation).toBe('/paths/~1pets/post');
  expect(byType.get('CreatePetRequest2ToysItem')?.docOperation).toBe('/paths/~1pets/post');
  expect(byType.get('Pet')?.docOperation).toBeUndefined();
  const petsPage = result.files.get('docs/PetsApi.md')!;
  const shapesPage = result.files.get('docs/ShapesApi.md')!;
  expect(petsPage.indexOf('\n# Types written inline\n')).toBeGreaterThan(petsPage.lastIndexOf('\n# **'));
  expect(petsPage).toContain('\n<a id="createpetrequest2"></a>\n## CreatePetRequest2\n');
  expect(shapesPage).not.toContain('## CreatePetRequest2\n');
  expect(shapesPage).toContain('[**CreatePetRequest2**](PetsApi.md#createpetrequest2)');
  expect(result.files.has('docs/CreatePetRequest2.md')).toBe(false);
  expect(result.files.get('README.md')).not.toContain('[CreatePetRequest2]');
});

it.each([
  // [where, given (interface, property), want (type text)]
  ['nested object', 'Pet', 'owner', 'PetOwner2'],
  ['nullable nested object keeps | null', 'PetOwner2', 'address', 'PetOwner2Address | null'],
  ['inline enum (with null)', 'Pet', 'status', 'PetStatus'],
  ['map values', 'Pet', 'labels', '{ [key: string]: PetLabelsValue }'],
  ['single-value const stays a literal', 'Pet', 'species', "'mammal'"],
  ['array of refs stays', 'Pet', 'friends', 'Pet[]'],
  ['allOf with an inline object is hoisted whole', 'Pet', 'extended', 'PetExtended'],
  ['array of strings stays', 'CreatePetRequest2', 'tags', 'string[]'],
  ['array items', 'CreatePetRequest2', 'toys', 'CreatePetRequest2ToysItem[]'],
  ['free-form object stays', 'CreatePetRequest2', 'extra', '{ [key: string]: unknown }'],
  ['enum in a request body', 'CreatePetRequest2', 'kind', 'CreatePetRequest2Kind'],
])('%s: %s.%s is %s', (_where, typeName, property, want) => {
  expect(propertyType(typeName, property)).toBe(want);
});

it('names operation bodies and responses after the method, with the status when there are several', () => {
  expect(signature('apis/PetsApi.ts', 'createPet')).toContain(
    'createPet(body: CreatePetRequest2 | CreatePetFormRequest, options?: RequestOptions & { contentType?: ',
  );
  expect(signature('apis/PetsApi.ts', 'createPet')).toContain('Promise<CreatePet200Response | CreatePet201Response>');
  expect(signature('apis/PetsApi.ts', 'listPets')).toContain('Promise<ListPetsResponseItem[]>');
  // The same operation in a second tag uses the same models.
  expect(signature('apis/ShapesApi.ts', 'createPet')).toBe(signature('apis/PetsApi.ts', 'createPet'));
  expect(result.files.get('apis/PetsApi.ts')).toContain('export type ListPetsError = ApiError<ListPets400Response, 400> | ApiError<Problem>;');
});

it('names a component referenced percent-encoded after its key, with a plain JSON pointer', () => {
  const notFound = result.model.schemas.find((schema) => schema.pointer.startsWith('/components/responses/Not'))!;
  expect([notFound.typeName, notFound.pointer]).toEqual(['NotFound', '/components/responses/Not Found/content/application~1json/schema']);
  expect(notFound.origin).toEqual({ kind: 'inline', root: { kind: 'component', section: 'responses', name: 'Not Found' }, steps: [] });
});

it('hoists a schema of a shared response component once, named after the component', () => {
  const problems = result.model.schemas.filter((schema) => schema.pointer.startsWith('/components/responses/Problem'));
  expect(problems.map((schema) => [schema.typeName, schema.origin?.kind === 'inline' ? schema.origin.root : schema.origin])).toEqual([['Problem', { kind: 'component', section: 'responses', name: 'Problem' }]]);
});

it('hoists parameter enums: named after the method and parameter, or the shared component; once per place written', () => {
  const api = result.files.get('apis/PetsApi.ts')!;
  expect(api).toContain('view?: GetPetView;');
  expect(api).toContain('status?: ListPetsStatusItem[];');
  expect(api.match(/direction\?: Direction;/g)).toHaveLength(2); // listPets and deletePet share the component
  expect(api.match(/xPriority\?: DeletePetXPriority;/g)).toHaveLength(2); // a path-level parameter of deletePet and getPet
  expect(result.files.get('models/index.ts')).toContain("export const GetPetView = {\n  Short: 'short',\n  Full: 'full',\n} as const;");
  const origins = Object.fromEntries(result.model.schemas.map((schema) => [schema.typeName, schema.origin]));
  expect(origins['Direction']).toEqual({ kind: 'inline', root: { kind: 'component', section: 'parameters', name: 'Direction' }, steps: [] });
  expect(origins['ListPetsStatusItem']).toEqual({ kind: 'inline', root: { kind: 'parameter', operation: '/paths/~1pets/get', name: 'status', in: 'query' }, steps: [{ kind: 'items' }] });
  expect(result.model.schemas.filter((schema) => /XPriority/.test(schema.typeName))).toHaveLength(1);
  expect(result.files.get('docs/PetsApi.md')).toContain('## GetPetView\n\nDefined inline: the query parameter *view* of [**getPet**](PetsApi.md#getpet)');
  expect(result.files.get('docs/PetsApi.md')).toContain('[**GetPetView**](PetsApi.md#getpetview)');
});

it('names union variants after their constant tag, else their position', () => {
  const shape = result.model.schemas.find((schema) => schema.typeName === 'Shape')!;
  expect(result.files.get(shape.fileName)).toContain('export type Shape = ShapeCircle | ShapeSquare | ShapeVariant3;');
});

it('leaves component names alone: hoisted names take suffixes, compared case-insensitively', () => {
  const names = result.model.schemas.map((schema) => schema.typeName);
  expect(names).toEqual(expect.arrayContaining(['CreatePetRequest', 'Petowner', 'CreatePetRequest2', 'PetOwner2']));
  const pages = result.model.schemas.filter(hasOwnPage).map((schema) => schema.docFileName.toLowerCase());
  expect(new Set(pages).size).toBe(pages.length);
});

it('documents property descriptions and enum values of hoisted schemas', () => {
  const pet = result.files.get('models/index.ts')!;
  expect(pet).toContain("/** The owner's name. */");
  expect(pet).toContain('export const PetStatus = {\n  Available: \'available\',');
  expect(result.files.get('docs/Pet.md')).toContain('Defined inline: property *owner* of [**Pet**](Pet.md) (at /components/schemas/Pet/properties/owner in the spec).');
  expect(result.files.get('docs/Pet.md')).toContain('Defined inline: property *address* of [**PetOwner2**](Pet.md#petowner2)');
  expect(result.files.get('docs/PetsApi.md')).toContain('Defined inline: the request body (application/json) of [**createPet**](PetsApi.md#createpet)');
});

it('keeps the IR plain data, hoisted schemas included', () => {
  expect(JSON.parse(JSON.stringify(result.model))).toEqual(result.model);
});

it('the README lists every model with a page of its own; every section of a model page is linked from the docs', async () => {
  const readWrite = await generate({ input: path.join(here, '..', 'fixtures', 'specs', 'read-write-3.0.yaml') });
  for (const { files, model } of [result, readWrite]) {
    const readme = files.get('README.md')!;
    const pages = [...files].filter(([file]) => file.startsWith('docs/')).map(([, text]) => text).join('\n');
    for (const schema of model.schemas) {
      const page = schema.docFileName.slice('docs/'.length);
      if (hasOwnPage(schema)) expect({ schema: schema.typeName, listed: readme.includes(`](docs/${page})`) }).toEqual({ schema: schema.typeName, listed: true });
      else if (schema.home !== undefined) expect({ schema: schema.typeName, linked: pages.includes(`](${page}#${schema.typeName.toLowerCase()})`) }).toEqual({ schema: schema.typeName, linked: true });
      // An operation's own schema is a section of its API page (which the README lists), most of them linked from the operation's signature and tables.
      else expect({ schema: schema.typeName, section: files.get(schema.docFileName)?.includes(`\n<a id="${schema.typeName.toLowerCase()}"></a>\n## ${schema.typeName}\n`) }).toEqual({ schema: schema.typeName, section: true });
    }
  }
});
