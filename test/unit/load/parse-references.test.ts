/**
 * `parseDocument` finds a JSON document's `$ref`s on the limits check's walk: they
 * must be exactly what `findReferences` finds by walking the parsed document (sites, their order
 * and pointers, `allStrings`), `$ref`s inside a `$ref`'s value, arrays and odd keys included.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { LIMITS } from '../../../src/load/limits.js';
import { parseDocument } from '../../../src/load/parse-document.js';
import { findReferences } from '../../../src/load/references.js';

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.integer(), fc.constantFrom('#/a', '#/b/c', 'x.yaml#/d', 'a~1b'), tie('array'), tie('object'), tie('ref')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', '$ref', 'a/b', '~', '__proto__', '0'), tie('value'), { maxKeys: 4 }),
  ref: fc.record({ $ref: fc.oneof(fc.constantFrom('#/a', '#/b/c', 'x.yaml#/d', '#/a~1b'), tie('object')) }),
}));

test('the references found while parsing JSON are those findReferences finds', () => {
  fc.assert(
    fc.property(json.object, json.ref, (document, first) => {
      const text = JSON.stringify({ first, document });
      const parsed = parseDocument(text, 'spec.json', LIMITS);
      expect(parsed.references).toEqual(findReferences(JSON.parse(text)));
      expect(parsed.document).toEqual(JSON.parse(text));
    }),
    { numRuns: 1000 },
  );
});

test.each(['petstore-3.0.yaml', 'features-3.1.yaml', 'swagger-2.0.yaml', 'refs-and-inline-3.0.yaml', 'types-3.0.yaml'])('fixture %s as JSON', (name) => {
  const text = JSON.stringify(yaml.load(readFileSync(path.resolve('test/fixtures/specs', name), 'utf8')));
  const parsed = parseDocument(text, name, LIMITS);
  expect(parsed.references).toEqual(findReferences(JSON.parse(text)));
  expect(parsed.references!.sites.length).toBeGreaterThan(0);
});

test('YAML text: no references from parsing (findReferences finds them later)', () => {
  const text = 'openapi: 3.0.3\npaths:\n  /a:\n    $ref: "#/x"\n';
  const parsed = parseDocument(text, 'spec.yaml', LIMITS);
  expect(Object.keys(parsed)).toEqual(['document']);
  expect(parsed.document).toEqual({ openapi: '3.0.3', paths: { '/a': { $ref: '#/x' } } });
});

test('the limits still apply to JSON text', () => {
  const deep = '{"a":'.repeat(LIMITS.maxDepth + 5) + '1' + '}'.repeat(LIMITS.maxDepth + 5);
  expect(() => parseDocument(deep, 'deep.json', LIMITS)).toThrow(/nested more than/);
});
