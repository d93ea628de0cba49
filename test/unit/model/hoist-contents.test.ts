/**
 * Hoisting a body or response with one media type skips making its shape's JSON text (hoist-inline
 * `#contents`): it must hoist what the general path does, which is what the same body gets when a
 * second media type with an equal schema comes after it (equal shapes share the first one's result).
 */
import fc from 'fast-check';
import { buildModel } from '../../../src/model/build-model.js';

const names = fc.constantFrom('id', 'kind', 'owner', 'tags');
const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ type: 'string' }),
    fc.constant({ type: 'string', enum: ['a', 'b'] }),
    fc.constant({ $ref: '#/components/schemas/Pet' }),
    fc.record({ type: fc.constant('object'), properties: fc.dictionary(names, tie('node'), { maxKeys: 3 }) }),
    fc.record({ type: fc.constant('array'), items: tie('node') }),
    fc.record({ oneOf: fc.array(tie('node'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ allOf: fc.array(tie('node'), { minLength: 1, maxLength: 2 }) }),
  ),
})).node;

/** A spec whose one operation's body and 200 response hold `body` and `response` under the given media types. */
function spec(body: unknown, response: unknown, mediaTypes: readonly string[]): object {
  const content = (value: unknown) => Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema: structuredClone(value) }]));
  return {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: { '/pets': { post: { operationId: 'createPet', requestBody: { content: content(body) }, responses: { '200': { description: 'ok', content: content(response) } } } } },
    components: { schemas: { Pet: { type: 'object', properties: { id: { type: 'string' } } } } },
  };
}

test('one media type hoists as the general path does', () => {
  fc.assert(
    fc.property(schema, schema, (body, response) => {
      const one = buildModel({ document: spec(body, response, ['application/json']) as Record<string, unknown>, version: '3.0' });
      const two = buildModel({ document: spec(body, response, ['application/json', 'application/xml']) as Record<string, unknown>, version: '3.0' });
      expect(one.model.schemas).toEqual(two.model.schemas);
      const [a] = one.model.apis[0]!.operations;
      const [b] = two.model.apis[0]!.operations;
      expect(a!.requestBody!.contents).toEqual(b!.requestBody!.contents.slice(0, 1));
      expect(a!.responses[0]!.contents).toEqual(b!.responses[0]!.contents.slice(0, 1));
      expect(one.diagnostics).toEqual(two.diagnostics);
    }),
    { numRuns: 300 },
  );
});
