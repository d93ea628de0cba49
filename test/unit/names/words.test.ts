/**
 * `words` splits names in one pass; this pins it to the rules it implements, written the obvious
 * way (the regular expressions it replaced), over random mixes of cases, digits, separators and
 * non-ASCII letters.
 */
import fc from 'fast-check';
import { words } from '../../../src/names/identifiers.js';
import { textOf } from '../../helpers/text-of.js';

/** The reference: separators to spaces, a space at lower/digit→upper and before the last capital of an acronym. */
function wordsByRegExp(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

it.each([
  ['get_user-Sessions2FA', ['get', 'user', 'Sessions2', 'FA']],
  ['HTTPValidationError', ['HTTP', 'Validation', 'Error']],
  ['repos/get-content', ['repos', 'get', 'content']],
  ['userId', ['user', 'Id']],
  ['v2Beta', ['v2', 'Beta']],
  ['ABCdEf', ['AB', 'Cd', 'Ef']],
  ['café au lait', ['cafe', 'au', 'lait']],
  ['  __ ', []],
  ['', []],
])('%s → %j', (text, want) => {
  expect(words(text)).toEqual(want);
});

it('splits exactly like the regular-expression rules', () => {
  const alphabet = [...'aAbBzZ09 _-./{}\u00e9\u00c9\u0301\u00df\u212a\u3042'];
  fc.assert(
    fc.property(textOf(alphabet, 16), (text) => {
      expect(words(text)).toEqual(wordsByRegExp(text));
    }),
    { numRuns: 5000 },
  );
});
