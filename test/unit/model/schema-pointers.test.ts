/**
 * Warnings about a schema point at it: the place of each schema read is kept as a chain and
 * written out as a JSON pointer only for a warning, so generated trees with odd schemas at every
 * kind of position (properties with `/` and `~` in their names, items, tuples, unions, allOf,
 * map values, patterns) must warn at exactly the pointers an independent walk computes.
 */
import fc from 'fast-check';
import { schemaToIr } from '../../../src/model/schema.js';
import { pointerJoin } from '../../../src/shared/errors.js';
import { openApi3Context } from '../../helpers/build-context.js';

const names = fc.constantFrom('id', 'a/b', 'm~n', '~1', 'x y', '0');
const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ type: 'string' }),
    fc.constant({ type: 'weird' }),
    fc.constant(7),
    fc.record({ type: fc.constant('object'), properties: fc.dictionary(names, tie('node'), { maxKeys: 3 }) }),
    fc.record({ type: fc.constant('array'), items: tie('node') }),
    fc.record({ prefixItems: fc.array(tie('node'), { minLength: 1, maxLength: 2 }), items: tie('node') }),
    fc.record({ oneOf: fc.array(tie('node'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ anyOf: fc.array(tie('node'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ allOf: fc.array(tie('node'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ type: fc.constant('object'), additionalProperties: tie('node') }),
    fc.record({ type: fc.constant('object'), patternProperties: fc.dictionary(fc.constantFrom('^a/', '~x'), tie('node'), { minKeys: 1, maxKeys: 2 }) }),
  ),
})).node;

/** Where schemaToIr must warn, by an independent walk of the same rules. */
function expectedWarnings(node: unknown, pointer: string): string[] {
  if (typeof node !== 'object' || node === null) return [pointer];
  const record = node as Record<string, unknown>;
  const list = (key: string) => (record[key] as unknown[]).flatMap((item, index) => expectedWarnings(item, pointerJoin(pointer, key, index)));
  if (record['oneOf']) return list('oneOf');
  if (record['anyOf']) return list('anyOf');
  if (record['allOf']) return list('allOf');
  if (record['type'] === 'weird') return [pointerJoin(pointer, 'type')];
  if (record['prefixItems']) return [...list('prefixItems'), ...expectedWarnings(record['items'], pointerJoin(pointer, 'items'))];
  if (record['items'] !== undefined) return expectedWarnings(record['items'], pointerJoin(pointer, 'items'));
  const entries = (key: string) => Object.entries((record[key] ?? {}) as Record<string, unknown>).flatMap(([name, value]) => expectedWarnings(value, pointerJoin(pointer, key, name)));
  const additional = record['additionalProperties'];
  const values = typeof additional === 'object' && additional !== null && Object.keys(additional).length > 0 ? expectedWarnings(additional, pointerJoin(pointer, 'additionalProperties')) : [];
  return [...entries('properties'), ...values, ...entries('patternProperties')];
}

test('warnings point where the odd schemas are', () => {
  fc.assert(
    fc.property(schema, (node) => {
      const context = openApi3Context({});
      schemaToIr(context, node, '/components/schemas/A~1B');
      expect(context.diagnostics.map((diagnostic) => diagnostic.pointer)).toEqual(expectedWarnings(node, '/components/schemas/A~1B'));
    }),
    { numRuns: 1000 },
  );
});

test('too deep: the warning names the place 65 levels down', () => {
  let node: unknown = { type: 'string' };
  for (let level = 0; level < 70; level++) node = { type: 'array', items: node };
  const context = openApi3Context({});
  schemaToIr(context, node, '/s');
  expect(context.diagnostics.map((diagnostic) => diagnostic.pointer)).toEqual(['/s' + '/items'.repeat(65)]);
});
