/**
 * `{ ...source, ...fields }`: the same keys, in the same order, with the same values, built so
 * that the copies of like-shaped objects share one hidden class.
 *
 * Why: on Node 20 (V8 11.3) an object literal that starts with a spread and then adds keys the
 * source lacks (`{ ...schema, description }`, `{ ...operation, methodName }`) gets a hidden class
 * of its own for every copy. On GitHub's spec that was tens of thousands of classes in the IR and
 * the named model (about 1 KB each), and every later read of a property of those objects (the
 * renderers read them many times) was a megamorphic lookup. `Object.assign` onto a fresh literal
 * follows the shared transitions. (A spread that only replaces keys the source has is fine.)
 * test/unit/shared/with-fields.test.ts holds it to the spread.
 */
export function withFields<T extends object, F extends object>(source: T, fields: F): Omit<T, keyof F> & F {
  // `Object.assign` sets where a spread defines: an own `__proto__` key would set the prototype.
  if (Object.hasOwn(source, '__proto__') || Object.hasOwn(fields, '__proto__')) return { ...source, ...fields };
  return Object.assign({}, source, fields);
}
