/** Text for the property tests that hold a fast path to its slow version. */
import fc from 'fast-check';

/**
 * Texts made of up to `maxLength` of these pieces, each as likely as any: a fast path's guard
 * (`/^[\x20-\x7e]*$/`, `includes('](')`) is met and missed far more often than in random strings.
 */
export function textOf(pieces: readonly string[], maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));
}
