import fc from 'fast-check';
import { escapeInline, jsdoc, lineComment, markdown, markdownInline, stringLiteral } from '../../src/shared/escape.js';

describe('stringLiteral', () => {
  it.each([
    ['plain', 'abc', "'abc'"],
    ['quote', "it's", "'it\\'s'"],
    ['backslash', 'a\\b', "'a\\x5cb'"],
    ['trailing backslash', 'a\\', "'a\\x5c'"],
    ['newline', 'a\nb\r', "'a\\nb\\r'"],
    ['template', '${x}`', "'${x}\\x60'"],
    ['line separator', 'a\u2028b\u2029', "'a\\u2028b\\u2029'"],
    ['bidi', 'a\u202eb', "'a\\u202eb'"],
  ])('%s', (_name, given, want) => {
    expect(stringLiteral(given)).toBe(want);
    // The literal evaluates back to the original text.
    expect(new Function(`return ${want}`)()).toBe(given);
  });
});

describe('jsdoc', () => {
  it('cannot close the comment or start a tag', () => {
    const text = jsdoc('end */ here\n@param x evil {@link y}');
    expect(text).not.toContain('*/');
    expect(text).not.toMatch(/(^|\s)@/m);
  });
  it('normalises every line break', () => {
    expect(jsdoc('a\r\nb\u2028c')).toBe('a\nb\nc');
  });
});

describe('markdown', () => {
  it('keeps no live HTML', () => {
    expect(markdown('<script>alert(1)</script> & co')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });
  it('neutralises javascript: links and fences', () => {
    expect(markdown('[x](javascript:alert(1))')).not.toMatch(/\]\(javascript:/i);
    expect(markdown('```\ncode')).not.toMatch(/^```/m);
  });
  it('table cells stay on one line with pipes escaped', () => {
    expect(markdownInline('a | b\nc')).toBe('a \\| b c');
  });
});

describe('lineComment', () => {
  it('every line, including U+2028, is commented', () => {
    expect(lineComment('a\nb\u2028c')).toBe('// a\n// b\n// c');
  });
});

test('markdownInline returns plain text unchanged only where the full escaping would too', () => {
  const alphabet = [...' AZaz09.,:;\'()/+=?!@$%^{}-|*_`[]#~\\&<>"\n\t\u200b\u00e9'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
      const text = chars.join('');
      expect(markdownInline(text)).toBe(escapeInline(text));
    }),
    { numRuns: 2000 },
  );
  expect(markdownInline('Pet[] | null')).toBe('Pet\\[\\] \\| null');
  expect(markdownInline(' padded ')).toBe('padded');
});
