import type * as ir from '../../../src/model/ir.js';
import { assignNames } from '../../../src/names/assign-names.js';
import { inlineNameCandidates, type InlineNameContext } from '../../../src/names/inline-names.js';

const object: ir.Schema = { kind: 'object', properties: [{ name: 'a', required: false, schema: { kind: 'string' } }] };
const tagged = (tag: string): ir.Schema => ({ kind: 'object', properties: [{ name: 'type', required: true, schema: { kind: 'enum', values: [tag] } }] });

const operation: ir.Operation = {
  operationId: 'get_pet',
  operationIdDerived: false,
  method: 'get',
  path: '/pets/{id}',
  deprecated: false,
  parameters: [],
  responses: [
    { status: '200', description: '', contents: [{ mediaType: 'application/json', schema: object, pointer: '/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema' }], headers: [] },
    { status: '404', description: '', contents: [{ mediaType: 'application/json', schema: object, pointer: '/paths/~1pets~1{id}/get/responses/404/content/application~1json/schema' }], headers: [] },
  ],
  security: [],
  pointer: '/paths/~1pets~1{id}/get',
};
const context: InlineNameContext = {
  typeName: (key) => ({ Pet: 'Pet', '/x': 'PetOwner' })[key],
  methodName: () => 'GetPet',
  operation: () => operation,
};

const origin = (root: ir.InlineRoot, steps: ir.InlineStep[] = []): ir.SchemaOrigin => ({ kind: 'inline', root, steps });
const op = operation.pointer;

const cases: [string, { given: { origin: ir.SchemaOrigin; schema?: ir.Schema }; want: string[] }][] = [
  ['property of a component', { given: { origin: origin({ kind: 'schema', name: 'Pet' }, [{ kind: 'property', name: 'home_address' }]) }, want: ['PetHomeAddress'] }],
  ['nested under a hoisted parent', { given: { origin: origin({ kind: 'schema', name: '/x' }, [{ kind: 'property', name: 'city' }]) }, want: ['PetOwnerCity'] }],
  ['array items, tuple items, map values', { given: { origin: origin({ kind: 'schema', name: 'Pet' }, [{ kind: 'property', name: 'tags' }, { kind: 'items' }, { kind: 'items', index: 1 }, { kind: 'values' }]) }, want: ['PetTagsItemItem2Value'] }],
  ['a property name without letters', { given: { origin: origin({ kind: 'schema', name: 'Pet' }, [{ kind: 'property', name: '名前' }]) }, want: ['PetProperty'] }],
  ['union variant with a constant tag', { given: { origin: origin({ kind: 'schema', name: 'Pet' }, [{ kind: 'variant', index: 0 }]), schema: tagged('big_cat') }, want: ['PetBigCat'] }],
  ['union variant without a tag', { given: { origin: origin({ kind: 'schema', name: 'Pet' }, [{ kind: 'variant', index: 2 }]), schema: object }, want: ['PetVariant3'] }],
  ['preferred request body', { given: { origin: origin({ kind: 'requestBody', operation: op, mediaType: 'application/json', preferred: true }) }, want: ['GetPetRequest'] }],
  ['another media type', { given: { origin: origin({ kind: 'requestBody', operation: op, mediaType: 'multipart/form-data', preferred: false }) }, want: ['GetPetMultipartRequest'] }],
  ['response among several statuses', { given: { origin: origin({ kind: 'response', operation: op, status: '404', mediaType: 'application/json', preferred: true }) }, want: ['GetPet404Response'] }],
  ['the only 2xx response with a body', { given: { origin: origin({ kind: 'response', operation: op, status: '200', mediaType: 'application/json', preferred: true }) }, want: ['GetPetResponse'] }],
  ['default response', { given: { origin: origin({ kind: 'response', operation: op, status: 'default', mediaType: 'application/json', preferred: true }) }, want: ['GetPetDefaultResponse'] }],
  ['shared response component', { given: { origin: origin({ kind: 'component', section: 'responses', name: 'not_found' }) }, want: ['NotFound', 'NotFoundResponse'] }],
  ['shared request body component, items', { given: { origin: origin({ kind: 'component', section: 'requestBodies', name: 'PetBody' }, [{ kind: 'items' }]) }, want: ['PetBodyItem'] }],
];

describe('inlineNameCandidates: type names of hoisted schemas from where they were written', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(inlineNameCandidates({ name: '/k', pointer: '/k', schema: given.schema ?? object, origin: given.origin }, context)).toEqual(want);
  });
});

describe('assignNames: hoisted schemas after components, suffixed case-insensitively', () => {
  it('never takes a component name, a reserved type name or a file name another type has', () => {
    const hoisted = (name: string, property: string): ir.NamedSchema => ({
      name,
      pointer: name,
      schema: object,
      origin: origin({ kind: 'schema', name: 'pet' }, [{ kind: 'property', name: property }]),
    });
    const model: ir.Model = {
      title: 't',
      version: '1',
      specVersion: '3.1',
      servers: [],
      apis: [],
      securitySchemes: [],
      schemas: [
        { name: 'PETOWNER', pointer: '/components/schemas/PETOWNER', schema: object },
        { name: 'pet', pointer: '/components/schemas/pet', schema: object },
        hoisted('/a', 'owner'),
        hoisted('/b', 'Owner'),
        { name: '/c', pointer: '/c', schema: object, origin: origin({ kind: 'component', section: 'responses', name: 'Promise' }) },
      ],
    };
    const names = assignNames(model).schemas.map((schema) => [schema.name, schema.typeName, schema.docFileName]);
    expect(names).toEqual([
      ['PETOWNER', 'PETOWNER', 'docs/PETOWNER.md'],
      ['pet', 'Pet', 'docs/Pet.md'],
      ['/a', 'PetOwner2', 'docs/Pet.md'],
      ['/b', 'PetOwner3', 'docs/Pet.md'],
      ['/c', 'PromiseResponse', 'docs/PromiseResponse.md'],
    ]);
  });
});
