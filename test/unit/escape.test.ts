import fc from 'fast-check';
import { textOf } from '../helpers/text-of.js';
import { escapeInline, escapeJsdoc, escapeStringLiteral, isPlainInline, jsdoc, lineComment, markdown, markdownInline, stringLiteral } from '../../src/shared/escape.js';

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
    fc.property(textOf(alphabet, 12), (text) => {
      expect(markdownInline(text)).toBe(escapeInline(text));
      // isPlainInline is the fast path's test (the docs ask it before their escape cache).
      if (isPlainInline(text)) expect(escapeInline(text)).toBe(text);
    }),
    { numRuns: 2000 },
  );
  expect(markdownInline('Pet[] | null')).toBe('Pet\\[\\] \\| null');
  expect(markdownInline(' padded ')).toBe('padded');
});

/** What the guarded escapes are held to, written again here: the characters shown as `\uXXXX`, and the HTML entities. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

test('markdown skips only passes that would change nothing', () => {
  // Every pass, unconditionally: what markdown returned before its passes were guarded.
  const everyPass = (text: string) =>
    text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/[&<>"]/g, (char) => entities[char]!)
      .replace(INVISIBLE, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'))
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/^(\s*)(`{3,}|~{3,})/gm, (_, space: string, fence: string) => space + '\\' + fence.split('').join('\\'))
      .replace(/\]\(\s*(javascript|data|vbscript):/gi, '](#$1-blocked:')
      .replace(/^(\s{0,3}\[[^\]\n]*\]:\s*)(javascript|data|vbscript):/gim, '$1#$2-blocked:')
      .trim();
  const pieces = ['a', ' ', '\n', '\r', '\t', '`', '~', '```', '~~~', '[x]', ']', '](', ']:', '(', ':', 'javascript:', 'DATA:', '&', '<', '"', '\u200b', '\u2028', '\u0001', '\u007f', '\u00e9'];
  fc.assert(
    fc.property(textOf(pieces, 16), (text) => {
      expect(markdown(text)).toBe(everyPass(text));
    }),
    { numRuns: 3000 },
  );
  for (const text of ['x\n ``\u0001`js', '~~~\n', '[a](javascript:x)', '[a]:data:x', ' [a]: vbscript:x', 'caf\u00e9 \u200b']) expect(markdown(text)).toBe(everyPass(text));
});

test('jsdoc only trims plain one-line text, exactly as its full escaping would', () => {
  const alphabet = [...' AZaz09.,:;\'()/+=?!@$%^{}-|*_`[]#~\\&<>"\n\r\t\u2028\u200b\u00e9\u0085\u007f'];
  fc.assert(
    fc.property(textOf(alphabet, 12), (text) => {
      expect(jsdoc(text)).toBe(escapeJsdoc(text));
    }),
    { numRuns: 3000 },
  );
  expect(jsdoc(' a */ b ')).toBe('a *\\/ b');
  expect(jsdoc('x /* y')).toBe('x /\\* y');
  expect(jsdoc('mail@host')).toBe('mail\\@host');
});

test('escapeInline skips only passes that would change nothing', () => {
  // Every pass, unconditionally: what escapeInline returned before its passes were guarded.
  const everyPass = (text: string) =>
    text
      .replace(/\s*(?:\r\n?|[\n\u2028\u2029\u0085])\s*/g, ' ')
      .trim()
      .replace(/\\/g, '\\\\')
      .replace(/([|*_`[\]#~])/g, '\\$1')
      .replace(/[&<>"]/g, (char) => entities[char]!)
      .replace(INVISIBLE, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'))
      .replace(/[\u0000-\u001f\u007f]/g, '');
  const pieces = ['a', ' ', '\n', '\r', '\t', '\u2028', '\u0085', '\u00a0', '\\', '|', '_', '~', '#', '`', '[', '&', '<', '"', '\u200b', '\u0001', '\u007f', '\u00e9'];
  fc.assert(
    fc.property(textOf(pieces, 14), (text) => {
      expect(escapeInline(text)).toBe(everyPass(text));
    }),
    { numRuns: 3000 },
  );
  for (const text of ['a \n b', 'a\\b', 'x\ty', 'caf\u00e9\u200b', ' a & "b" ']) expect(escapeInline(text)).toBe(everyPass(text));
});

test('stringLiteral returns plain text quoted as it is only where the full escaping would too', () => {
  const alphabet = [...' !&(az[]^_{}~AZ09\'\\`\n\r\t\u0000\u001f\u007f\u0080\u00a0\u00ad\u00e9\u2028\u200b\ud800'];
  fc.assert(
    fc.property(textOf(alphabet, 12), (text) => {
      expect(stringLiteral(text)).toBe(escapeStringLiteral(text));
    }),
    { numRuns: 2000 },
  );
  expect(stringLiteral('owner_repo-1 (x)')).toBe("'owner_repo-1 (x)'");
});
