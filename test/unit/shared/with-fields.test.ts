/**
 * `withFields(source, fields)` is `{ ...source, ...fields }`: same keys in the same order, same
 * values (an own `__proto__` key included); and copies of like-shaped objects share a hidden class,
 * which is what it is for (checked where V8's natives are available: `--allow-natives-syntax`).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { withFields } from '../../../src/shared/with-fields.js';
import { ROOT } from '../../hostile/support.js';

const key = fc.constantFrom('kind', 'name', 'schema', 'description', 'title', '__proto__', 'constructor', 'a', 'b');
const record = fc.dictionary(key, fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null)), { maxKeys: 5 });

/** Own keys and values in order, and the prototype: what a spread defines. */
const described = (value: object) => ({ entries: Reflect.ownKeys(value).map((k) => [k, Reflect.get(value, k)]), prototype: Object.getPrototypeOf(value) });

test('equals the spread: keys, order, values and prototype', () => {
  fc.assert(
    fc.property(record, record, (source, fields) => {
      expect(described(withFields(source, fields))).toEqual(described({ ...source, ...fields }));
    }),
    { numRuns: 1000 },
  );
});

test('an own __proto__ key is copied as a key, not set as the prototype', () => {
  const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
  const copy = withFields(source, { b: 2 });
  expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  expect(Object.keys(copy)).toEqual(['__proto__', 'a', 'b']);
  expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
});

test('the source is not changed', () => {
  const source = { kind: 'object', properties: [] };
  withFields(source, { description: 'd' });
  expect(source).toEqual({ kind: 'object', properties: [] });
});

test('copies of like-shaped objects share one hidden class (V8 natives, on the built module)', () => {
  const module = pathToFileURL(path.join(ROOT, 'dist/shared/with-fields.js')).href;
  const script = `
    const { withFields } = await import(${JSON.stringify(module)});
    const sources = Array.from({ length: 200 }, (_, i) => ({ kind: 'object', name: 'n' + i }));
    const copies = sources.map((source, i) => withFields(source, { description: 'd' + i, title: 't' }));
    const classes = [];
    for (const copy of copies) if (!classes.some((known) => %HaveSameMap(known, copy))) classes.push(copy);
    process.stdout.write(String(classes.length));`;
  const classes = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(classes).toBe('1');
});
