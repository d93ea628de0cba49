/**
 * `infoOf` / `splitInfo`: a schema's SchemaInfo facts, only those set (an `undefined` value is not
 * set), in SchemaInfo's order whatever the schema's own key order; `bare` is the rest.
 */
import fc from 'fast-check';
import type * as ir from '../../../src/model/ir.js';
import { infoOf, splitInfo, toJson } from '../../../src/model/schema.js';

const FACTS = ['title', 'description', 'deprecated', 'readOnly', 'writeOnly', 'default', 'example'] as const;
const fact = fc.oneof(fc.constant(undefined), fc.string(), fc.boolean(), fc.constant(null), fc.integer());
const schema = fc
  .record({ kind: fc.constantFrom('string', 'object', 'ref'), title: fact, description: fact, deprecated: fact, readOnly: fact, writeOnly: fact, default: fact, example: fact, name: fc.string() }, { requiredKeys: ['kind'] })
  .chain((record) => fc.shuffledSubarray(Object.keys(record), { minLength: Object.keys(record).length }).map((order) => Object.fromEntries(order.map((key) => [key, record[key as keyof typeof record]]))));

/** What infoOf is: the facts picked in order, the unset ones left out. */
const expected = (value: Record<string, unknown>) => Object.fromEntries(FACTS.map((key) => [key, value[key]] as const).filter(([, v]) => v !== undefined));

test('infoOf picks the set facts in SchemaInfo order; splitInfo leaves the rest', () => {
  fc.assert(
    fc.property(schema, (value) => {
      const info = infoOf(value as unknown as ir.Schema);
      expect(Object.entries(info)).toEqual(Object.entries(expected(value)));
      const { info: split, bare } = splitInfo(value as unknown as ir.Schema);
      expect(Object.entries(split)).toEqual(Object.entries(info));
      expect(Object.entries(bare)).toEqual(Object.entries(value).filter(([key]) => !(FACTS as readonly string[]).includes(key)));
    }),
    { numRuns: 500 },
  );
});

test('toJson copies as a JSON round trip does, -0 and non-finite numbers included', () => {
  const value = fc.oneof(fc.jsonValue(), fc.constantFrom(-0, Number.NaN, Infinity, -Infinity, undefined, null), fc.double(), fc.date({ noInvalidDate: true }), fc.anything());
  fc.assert(
    fc.property(value, (v) => {
      const copied = toJson(v);
      const expected: unknown = JSON.parse(JSON.stringify(v ?? null));
      expect(copied).toEqual(expected);
      if (typeof expected === 'number') expect(Object.is(copied, expected)).toBe(true);
    }),
    { numRuns: 1000 },
  );
});
