import { readFileSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import yaml from 'js-yaml';
import { bundleIsIdentity } from '../../../src/load/local-refs.js';

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
