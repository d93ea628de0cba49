/**
 * How finish ends a page's lines, each step checked against the plain version it replaced: one
 * line feed at the end (withFinalNewline takes a slice of the page where it can, instead of
 * appending to it: the same as `trimEnd() + '\n'`), and no spaces ending a line nor runs of blank
 * lines (tidyLineEnds, one pass instead of two).
 */
import fc from 'fast-check';
import { tidyLineEnds, withFinalNewline } from '../../../src/render/docs/render-docs.js';
import { textOf } from '../../helpers/text-of.js';

/** Text rich in what trimEnd removes (line breaks, tabs, Unicode spaces) and in line feeds before them. */
const pageEnding = textOf(['a', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u3000', '|', '\n\n'], 40);

describe('withFinalNewline', () => {
  it('is trimEnd() plus one line feed, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(pageEnding, fc.string()), (text) => {
        expect(withFinalNewline(text)).toBe(text.trimEnd() + '\n');
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['already one line feed', 'x\n', 'x\n'],
    ['blank lines after', 'x\n\n\n', 'x\n'],
    ['spaces then line feed', 'x  \n', 'x\n'],
    ['a line feed after spaces', 'x\n  ', 'x\n'],
    ['no line feed', 'x', 'x\n'],
    ['only whitespace', ' \n\t', '\n'],
    ['empty', '', '\n'],
  ])('%s', (_name, text, want) => {
    expect(withFinalNewline(text)).toBe(want);
  });
});

describe('tidyLineEnds', () => {
  /** What finish did in two passes (and still does for pages with U+2028/U+2029). */
  const twoPasses = (text: string) => text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  const lines = textOf(['a', 'b|c', ' ', '  ', '\t', '\n', '\n\n', '\n \n', ' \t\n', '\u00a0', '\u2028'], 30);

  it('is the two passes it replaces, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(lines, fc.string()), (text) => {
        expect(tidyLineEnds(text)).toBe(twoPasses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['trailing spaces', 'a  \nb', 'a\nb'],
    ['a blank run with spaces', 'a  \n \n\t\n\nb', 'a\n\nb'],
    ['one blank line kept', 'a\n\nb', 'a\n\nb'],
    ['indentation after a blank line kept', 'a\n\n  b', 'a\n\n  b'],
    ['spaces at the very end stay (trimEnd takes them)', 'a  ', 'a  '],
  ])('%s', (_name, text, want) => {
    expect(tidyLineEnds(text)).toBe(want);
  });
});
