/**
 * readOnly/writeOnly in the IR (test/fixtures/specs/read-write-3.0.yaml): which named schemas get
 * a request shape (`writable`), what each shape keeps, and that request bodies refer to request
 * shapes. The compiler's view is test/compile/read-write-types.test.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ir from '../../src/model/ir.js';
import { generate, type GenerateResult } from '../../src/pipeline.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let result: GenerateResult;

beforeAll(async () => {
  result = await generate({ input: path.join(here, '..', 'fixtures', 'specs', 'read-write-3.0.yaml') });
});

function byType(typeName: string) {
  const schema = result.model.schemas.find((s) => s.typeName === typeName);
  if (!schema) throw new Error(`no model ${typeName}`);
  return schema;
}

function propertyNames(typeName: string): string[] {
  const schema = byType(typeName).schema;
  return schema.kind === 'object' ? schema.properties.map((p) => p.name) : [];
}

it('gives a request shape to exactly the schemas request bodies reach that have readOnly or writeOnly properties (or reach one)', () => {
  const pairs = result.model.schemas.filter((s) => s.writable).map((s) => [s.typeName, result.model.schemas.find((w) => w.name === s.writable)!.typeName]);
  // Tag has no such properties; UpdateUserRequest is request-only (it is a request shape itself); UpdateUserResponse response-only.
  expect(pairs).toEqual([
    ['Animal', 'AnimalWritable'],
    ['Audit', 'AuditWritable'],
    ['Cat', 'CatWritable'],
    ['Pricing', 'PricingWritable'],
    ['Resource', 'ResourceWritable'],
    ['Shelter', 'ShelterWritable'],
    ['User', 'UserWritable'],
    ['UserProfile', 'UserProfileWritable'],
  ]);
});

it.each([
  // [model, want properties]
  ['User', ['id', 'name', 'profile', 'friends', 'tag']],
  ['UserWritable', ['name', 'password', 'profile', 'friends', 'tag']],
  ['UserProfile', ['bio', 'lastLogin']],
  ['UserProfileWritable', ['bio']],
  ['UpdateUserRequest', ['secret', 'user', 'tags', 'audit']],
  ['UpdateUserResponse', ['user']],
  ['AuditWritable', []],
])('%s has properties %j', (typeName, want) => {
  expect(propertyNames(typeName)).toEqual(want);
});

it('points request shapes, and only them, at request shapes', () => {
  const refsOf = (typeName: string) => JSON.stringify(byType(typeName).schema).match(/"name":"[^"]*"/g) ?? [];
  const key = (typeName: string) => `"name":"${byType(typeName).name}"`;
  expect(refsOf('UserWritable')).toEqual(expect.arrayContaining([key('UserProfileWritable'), key('UserWritable'), key('Tag')]));
  expect(refsOf('User')).toEqual(expect.arrayContaining([key('UserProfile'), key('User')]));
  expect(refsOf('User')).not.toContain(key('UserWritable'));
  const animal = byType('AnimalWritable').schema as Extract<ir.Schema, { kind: 'union' }>;
  expect(animal.discriminator?.mapping).toEqual([
    { value: 'cat', schema: byType('CatWritable').name },
    { value: 'dog', schema: 'Dog' },
  ]);
});

it('redirects discriminator mappings wherever the union sits in a request shape (here: map values)', () => {
  const shelter = byType('ShelterWritable').schema as Extract<ir.Schema, { kind: 'object' }>;
  const values = shelter.additionalProperties as Extract<ir.Schema, { kind: 'union' }>;
  expect(values.discriminator?.mapping).toEqual([
    { value: 'cat', schema: byType('CatWritable').name },
    { value: 'dog', schema: 'Dog' },
  ]);
  expect(values.variants).toEqual([{ kind: 'ref', name: byType('CatWritable').name }, { kind: 'ref', name: 'Dog' }]);
});

it('types request bodies with request shapes and results with response shapes', () => {
  const api = result.files.get('apis/UsersApi.ts')!;
  expect(api).toContain('async createUser(body: UserWritable, options?: RequestOptions): Promise<User> {');
  expect(result.files.get('docs/User.md')).toContain('Request bodies use [**UserWritable**](User.md#userwritable)');
  expect(result.files.get('docs/User.md')).toContain('**password** | **string** | Only ever sent. | [writeonly]');
});

it('keeps the IR plain data', () => {
  expect(JSON.parse(JSON.stringify(result.model))).toEqual(result.model);
});
