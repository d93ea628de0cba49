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

/** The contract, written plainly: the first free candidate, else the last one with the smallest free suffix from 2. */
class ReferenceScope {
  readonly #taken = new Set<string>();
  constructor(
    private readonly caseInsensitive: boolean,
    reserved: readonly string[],
  ) {
    for (const name of reserved) this.#taken.add(this.#key(name));
  }
  #key(name: string): string {
    return this.caseInsensitive ? name.toLowerCase() : name;
  }
  has(name: string): boolean {
    return this.#taken.has(this.#key(name));
  }
  reserve(name: string): void {
    this.#taken.add(this.#key(name));
  }
  claim(...candidates: string[]): string {
    let chosen = candidates.find((candidate) => !this.has(candidate));
    for (let n = 2; chosen === undefined; n++) if (!this.has(candidates[candidates.length - 1]! + n)) chosen = candidates[candidates.length - 1]! + n;
    this.reserve(chosen);
    return chosen;
  }
}

test('NameScope keeps the contract of the plain reference scope', () => {
  fc.assert(
    fc.property(fc.boolean(), fc.array(names, { maxLength: 4 }), fc.array(step, { maxLength: 16 }), (caseInsensitive, reserved, steps) => {
      expect(run(new NameScope(caseInsensitive, reserved), steps)).toEqual(run(new ReferenceScope(caseInsensitive, reserved) as unknown as NameScope, steps));
    }),
    { numRuns: 500 },
  );
});
