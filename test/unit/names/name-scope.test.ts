/**
 * A scope made from prepared `ReservedNames` (shared, not copied) hands out exactly the names a
 * scope given the same reserved names as a list does, in either case mode; scopes made from the
 * same ReservedNames do not see each other's names.
 */
import fc from 'fast-check';
import { NameScope, ReservedNames } from '../../../src/names/identifiers.js';

type Step = { readonly op: 'claim'; readonly candidates: string[] } | { readonly op: 'reserve' | 'has'; readonly name: string };

const names = fc.constantFrom('a', 'A', 'a2', 'b', 'B2', 'constructor', 'Constructor', 'then', 'x', 'X');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('claim' as const), candidates: fc.array(names, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('reserve' as const), name: names }),
  fc.record({ op: fc.constant('has' as const), name: names }),
);

function run(scope: NameScope, steps: readonly Step[]): unknown[] {
  return steps.map((s) => (s.op === 'claim' ? scope.claim(...s.candidates) : s.op === 'reserve' ? scope.reserve(s.name) : scope.has(s.name)));
}

test('a scope from ReservedNames answers as a scope given the list', () => {
  fc.assert(
    fc.property(fc.boolean(), fc.array(names, { maxLength: 4 }), fc.array(step, { maxLength: 12 }), (caseInsensitive, reserved, steps) => {
      const prepared = new ReservedNames(caseInsensitive, reserved);
      expect(run(prepared.scope(), steps)).toEqual(run(new NameScope(caseInsensitive, reserved), steps));
    }),
    { numRuns: 500 },
  );
});

test('scopes from the same ReservedNames are independent', () => {
  const prepared = new ReservedNames(false, ['then']);
  const first = prepared.scope();
  expect(first.claim('then', 'value')).toBe('value');
  expect(first.claim('value')).toBe('value2');
  expect(prepared.scope().claim('value')).toBe('value');
  expect(prepared.scope().has('then')).toBe(true);
});

test('a case-insensitive scope needs case-insensitive reserved names', () => {
  expect(() => new NameScope(true, new ReservedNames(false, ['a']))).toThrow();
});
