/**
 * `pascalCase` and `camelCase` remember what they made: whatever was asked before (the same
 * text, other texts, more texts than they keep), each answer is the one made from `words`.
 */
import fc from 'fast-check';
import { camelCase, capitalize, pascalCase, words } from '../../../src/names/identifiers.js';

const pascalFromWords = (text: string) => words(text).map(capitalize).join('');
const camelFromWords = (text: string) => {
  const [first, ...rest] = words(text);
  if (first === undefined) return '';
  return (/^[A-Z0-9]+$/.test(first) ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1)) + rest.map(capitalize).join('');
};
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'c', 'D', '1', '_', '-', ' ', 'é', '$'), maxLength: 10 });

test('remembered answers equal answers made from words, in any order of asking', () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
      for (const value of [...texts, ...texts]) {
        expect(pascalCase(value)).toBe(pascalFromWords(value));
        expect(camelCase(value)).toBe(camelFromWords(value));
      }
    }),
    { numRuns: 300 },
  );
});

test('still right past the number of texts kept', () => {
  for (let index = 0; index < 45_000; index++) {
    const value = `x_${index}_y`;
    expect(pascalCase(value)).toBe(`X${index}Y`);
  }
  expect(camelCase('per_page')).toBe('perPage');
});
