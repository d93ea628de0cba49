/**
 * `operationSchemaToIr`: a schema an operation reads at its top is converted once per spec node
 * and pointer; later reads get the same IR object and the same warnings again, so the model and
 * its diagnostics are exactly what converting every use with `schemaToIr` gives.
 */
import path from 'node:path';
import { buildModel } from '../../../src/model/build-model.js';
import type { SpecObject } from '../../../src/model/context.js';
import { operationSchemaToIr, schemaToIr } from '../../../src/model/schema.js';
import { loadSpec } from '../../../src/load/index.js';
import { ROOT } from '../../hostile/support.js';
import { openApi3Context } from '../../helpers/build-context.js';

/** Every object of a document with the pointer it sits at. */
function objectsOf(node: unknown, pointer = ''): [SpecObject, string][] {
  if (typeof node !== 'object' || node === null) return [];
  const found: [SpecObject, string][] = Array.isArray(node) ? [] : [[node as SpecObject, pointer]];
  for (const [key, value] of Object.entries(node)) found.push(...objectsOf(value, `${pointer}/${key}`));
  return found;
}

const fixtures = ['types-3.0.yaml', 'refs-and-inline-3.0.yaml', 'features-3.1.yaml', 'swagger-2.0.yaml', 'read-write-3.0.yaml'];

test.each(fixtures)('%s: every object read twice equals schemaToIr, with the same warnings each time', async (fixture) => {
  const { document } = await loadSpec(path.join(ROOT, 'test/fixtures/specs', fixture), { validate: false });
  const memo = openApi3Context(document);
  for (const [node, pointer] of objectsOf(document)) {
    const plain = openApi3Context(document);
    const expected = schemaToIr(plain, node, pointer);
    for (let read = 0; read < 2; read++) {
      const before = memo.diagnostics.length;
      expect(operationSchemaToIr(memo, node, pointer)).toEqual(expected);
      expect(memo.diagnostics.slice(before)).toEqual(plain.diagnostics);
    }
  }
});

const shared: SpecObject = {
  openapi: '3.0.3',
  info: { title: 'Shared', version: '1' },
  paths: {
    '/a': { get: { parameters: [{ $ref: '#/components/parameters/mode' }], responses: { '200': { $ref: '#/components/responses/thing' } } } },
    '/b': { get: { parameters: [{ $ref: '#/components/parameters/mode' }], responses: { '200': { $ref: '#/components/responses/thing' } } } },
  },
  components: {
    parameters: { mode: { name: 'mode', in: 'query', schema: { type: 'strange' } } },
    responses: { thing: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } },
  },
};

test('a shared component is one IR object for every use, and warns at each use as before', () => {
  const { model, diagnostics } = buildModel({ document: structuredClone(shared), version: '3.0' });
  const [a, b] = model.apis[0]!.operations;
  expect(a!.parameters[0]!.schema).toBe(b!.parameters[0]!.schema);
  expect(a!.responses[0]!.contents[0]!.schema).toBe(b!.responses[0]!.contents[0]!.schema);
  const unknownType = { severity: 'warning', message: 'unknown type "strange"; treated as unknown', pointer: '/components/parameters/mode/schema/type' };
  expect(diagnostics).toEqual([unknownType, unknownType]);
});

test('the same node at another pointer is converted there', () => {
  const document = structuredClone(shared);
  const context = openApi3Context(document);
  const node = { type: 'strange' };
  operationSchemaToIr(context, node, '/x');
  operationSchemaToIr(context, node, '/y');
  expect(context.diagnostics.map((diagnostic) => diagnostic.pointer)).toEqual(['/x/type', '/y/type']);
});
