import { readFileSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { bundleIsIdentity } from '../../../src/load/local-refs.js';
import { findReferences } from '../../../src/load/references.js';

const info = { title: 't', version: '1' };
const ok = { description: 'ok' };
const doc = (schemas: object, extra: object = {}) => ({ openapi: '3.0.3', info, paths: { '/a': { get: { responses: { '200': ok } } } }, components: { schemas }, ...extra });
const ref = (to: string) => ({ $ref: to });

// The fast path may only claim identity where swagger-parser's bundle really changes nothing.
describe('bundleIsIdentity', () => {
  it.each([
    ['plain refs and a cycle', doc({ A: { type: 'object', properties: { b: ref('#/components/schemas/B'), self: ref('#/components/schemas/A') } }, B: { type: 'string' } }), true],
    ['no refs', doc({ A: { type: 'string' } }), true],
    ['ref with siblings', doc({ A: { ...ref('#/components/schemas/B'), description: 'x' }, B: { type: 'string' } }), true],
    ['ref to a ref (bundle collapses the chain)', doc({ A: { properties: { b: ref('#/components/schemas/B') } }, B: ref('#/components/schemas/C'), C: { type: 'string' } }), false],
    ['pointer through a ref', doc({ A: { properties: { b: ref('#/components/schemas/B/properties/x') } }, B: ref('#/components/schemas/C'), C: { properties: { x: { type: 'string' } } } }), false],
    ['escaped token', doc({ 'A B': { type: 'string' }, C: { items: ref('#/components/schemas/A%20B') } }), false],
    ['dangling ref (bundle reports it)', doc({ A: { items: ref('#/components/schemas/Missing') } }), false],
    ['ref to a non-object', doc({ A: { items: ref('#/info/title') } }), false],
    ['external file', doc({ A: ref('other.yaml#/B') }), false],
  ])('%s', async (_name, document, identity) => {
    expect(bundleIsIdentity(document)).toBe(identity);
    expect(bundleIsIdentity(document, findReferences(document))).toBe(identity);
    if (identity) {
      const bundled = await SwaggerParser.bundle('/virtual/spec.json', structuredClone(document) as never, { resolve: { external: false } } as never);
      expect(bundled).toEqual(document);
    }
  });

  it.each(['petstore-3.0.yaml', 'features-3.1.yaml', 'swagger-2.0.yaml'])('agrees with bundle on fixture %s', async (name) => {
    const file = path.resolve('test/fixtures/specs', name);
    const document = yaml.load(readFileSync(file, 'utf8')) as object;
    if (!bundleIsIdentity(document)) return; // bundle runs for such documents; nothing to compare
    const bundled = await SwaggerParser.bundle(file, structuredClone(document) as never, { resolve: { external: false } } as never);
    expect(bundled).toEqual(document);
  });
});

// Given the document's `$ref`s as findReferences finds them (SpecDocument.references), the answer is the walk's.
describe('bundleIsIdentity with the references found', () => {
  const targets = ['#/components/schemas/A', '#/components/schemas/B', '#/components/schemas/A', '#/components/schemas/B', '#/components/schemas/C', '#/components/schemas/C/properties/x', '#/components/schemas/A%20B', '#/info', '#/x', 'other.yaml#/A', '#'];
  const node: fc.Memo<unknown> = fc.memo((depth) =>
    depth <= 1
      ? fc.oneof(fc.constant('text'), fc.constant(1), fc.record({ $ref: fc.constantFrom(...targets) }))
      : fc.oneof(
          fc.record({ $ref: fc.constantFrom(...targets) }, { requiredKeys: [] }),
          fc.record({ type: fc.constant('string'), description: fc.constant('d') }),
          fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.oneof({ weight: 9, arbitrary: fc.constantFrom('x', 'y') }, { weight: 1, arbitrary: fc.constant('$ref') }), node(depth - 1)) }, { requiredKeys: ['type'] }),
          fc.array(node(depth - 1), { maxLength: 3 }),
          node(depth - 1),
        ),
  );
  const documents = fc.record({ A: node(4), B: node(4), C: node(4), 'A B': node(3) }).chain((schemas) => fc.constantFrom(doc(schemas), { ...doc(schemas), $ref: '#/info' }));

  it('agrees with the walk on generated documents, refs to refs and non-string $refs included', () => {
    fc.assert(
      fc.property(documents, (document) => {
        const references = findReferences(document);
        fc.pre(references.allStrings);
        expect(bundleIsIdentity(document, references)).toBe(bundleIsIdentity(document));
      }),
      { numRuns: 1000 },
    );
  });

  it('reports a $ref that is not a string (its value is not searched)', () => {
    expect(findReferences(doc({ A: { $ref: { $ref: '#/x' } } })).allStrings).toBe(false);
    expect(findReferences(doc({ A: ref('#/components/schemas/B'), B: { type: 'string' } })).allStrings).toBe(true);
  });

  it('walks the document when a $ref is not a string (the references found miss what its value holds)', () => {
    const document = doc({ A: { $ref: { $ref: '#/components/schemas/Missing' } } });
    const references = findReferences(document);
    expect(references.sites).toEqual([]);
    expect(bundleIsIdentity(document, references)).toBe(false);
    expect(bundleIsIdentity(document)).toBe(false);
  });

  it.each(['petstore-3.0.yaml', 'features-3.1.yaml', 'swagger-2.0.yaml', 'refs-and-inline-3.0.yaml', 'types-3.0.yaml'])('agrees with the walk on fixture %s', (name) => {
    const document = yaml.load(readFileSync(path.resolve('test/fixtures/specs', name), 'utf8')) as object;
    const references = findReferences(document);
    expect(references.allStrings).toBe(true);
    expect(bundleIsIdentity(document, references)).toBe(bundleIsIdentity(document));
  });
});
