/**
 * The only way spec text reaches generated output: one function per sink. Specs are untrusted,
 * so every function here assumes hostile input (quotes, backslashes, `${`, `*\/`, CR/LF,
 * U+2028/2029, bidi and zero-width characters, HTML).
 */

/** Bidi controls and zero-width characters: invisible, and able to make code read differently. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

function hex4(char: string): string {
  return '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0');
}

/**
 * A single-quoted TypeScript string literal whose value is exactly `text`.
 * Escapes everything that could end the literal, start a template or a new line, or hide text.
 */
export function stringLiteral(text: string): string {
  return PLAIN_LITERAL.test(text) ? `'${text}'` : escapeStringLiteral(text);
}

/**
 * Text a single-quoted literal holds as it is: printable ASCII without `'`, `\` or a backtick
 * (most names and example values). Checked once instead of a test per character.
 */
const PLAIN_LITERAL = /^[\x20-\x26\x28-\x5b\x5d-\x5f\x61-\x7e]*$/;

/** stringLiteral's character-by-character escaping (exported for the test that PLAIN_LITERAL text needs none). */
export function escapeStringLiteral(text: string): string {
  let out = "'";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "'") out += "\\'";
    // Not `\\\\`: ts-morph's writer takes `\\'` for an escaped quote, loses track of the literal and
    // may then write `*/` into code when a later literal holds `/*` (a trailing backslash in a spec name).
    else if (char === '\\') out += '\\x5c';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '`') out += '\\x60';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) out += hex4(char);
    else if (code === 0x2028 || code === 0x2029) out += hex4(char);
    // A lone surrogate cannot be written as UTF-8; escaped, the literal keeps its exact value.
    else if (code >= 0xd800 && code <= 0xdfff) out += hex4(char);
    else if (INVISIBLE.test(char)) {
      INVISIBLE.lastIndex = 0;
      out += hex4(char);
    } else out += char;
  }
  return out + "'";
}

/**
 * Text for a JSDoc comment body (without the `/**` frame): it can neither close the comment
 * nor start a JSDoc tag; line breaks of any kind become `\n`.
 */
export function jsdoc(text: string): string {
  return PLAIN_JSDOC.test(text) && !text.includes('*/') && !text.includes('/*') ? text.trim() : escapeJsdoc(text);
}

/**
 * One line of printable ASCII without `@`: all jsdoc's passes could change is a `*\/` or `/*` and
 * the spaces at the ends (most property descriptions; GitHub's client has 38,000).
 */
const PLAIN_JSDOC = /^[\x20-\x3f\x41-\x7e]*$/;

/** jsdoc's full escaping (exported for the test that PLAIN_JSDOC text needs no more than trimming). */
export function escapeJsdoc(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, (char) => hex4(char))
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (char) => hex4(char))
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/@/g, '\\@')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

const HTML_ENTITIES: ReadonlyMap<string, string> = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;']]);

function escapeHtml(text: string): string {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (char) => HTML_ENTITIES.get(char)!) : text;
}

/**
 * Markdown prose (descriptions): spec descriptions are CommonMark, so emphasis and code spans
 * are kept, but no HTML survives, no fence can open, and invisible characters are shown.
 */
export function markdown(text: string): string {
  let out = escapeHtml(text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n'));
  // Each later pass runs only when its pattern can match: most descriptions are printable ASCII
  // with neither fences nor link definitions (GitHub's 4.7k docs descriptions: half the time).
  if (!PRINTABLE_ASCII.test(out)) out = out.replace(INVISIBLE, (char) => hex4(char)).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  if (out.includes('```') || out.includes('~~~')) out = out.replace(/^(\s*)(`{3,}|~{3,})/gm, (_, space: string, fence: string) => space + '\\' + fence.split('').join('\\'));
  if (out.includes('](')) out = out.replace(/\]\(\s*(javascript|data|vbscript):/gi, '](#$1-blocked:');
  // Reference-style link definitions (`[x]: javascript:…`) are links too.
  if (out.includes(']:')) out = out.replace(/^(\s{0,3}\[[^\]\n]*\]:\s*)(javascript|data|vbscript):/gim, '$1#$2-blocked:');
  return out.trim();
}

/** Text with nothing for markdown's invisible and control passes to change: printable ASCII, tabs and line feeds. */
const PRINTABLE_ASCII = /^[\t\n\x20-\x7e]*$/;

/** The same for markdownInline's passes, which also drop tabs and line feeds: printable ASCII only. */
const ONE_LINE_PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Text that markdownInline leaves as it is: printable ASCII without markup, HTML or escape
 * characters, no space at either end (most names and type texts). Checked once instead of six passes.
 */
const PLAIN_INLINE = /^(?:[A-Za-z0-9.,:;'()/+=?!@$%^{}-](?:[ A-Za-z0-9.,:;'()/+=?!@$%^{}-]*[A-Za-z0-9.,:;'()/+=?!@$%^{}-])?)?$/;

/** Markdown table cell or heading: one line, `|` escaped, markup characters neutralised. */
export function markdownInline(text: string): string {
  return isPlainInline(text) ? text : escapeInline(text);
}

/** Whether markdownInline returns `text` as it is (one regex test: callers that cache escapes ask it before a lookup). */
export function isPlainInline(text: string): boolean {
  return PLAIN_INLINE.test(text);
}

/** markdownInline's full escaping: the docs helpers cache it for text isPlainInline refuses (and a test checks PLAIN_INLINE text needs none). */
export function escapeInline(text: string): string {
  // Passes that cannot match are skipped (a property test checks the result is every pass's):
  // what gets here is mostly one line of printable ASCII with some markup (pointers, type texts).
  let out = (/[\n\r\u2028\u2029\u0085]/.test(text) ? text.replace(/\s*(?:\r\n?|[\n\u2028\u2029\u0085])\s*/g, ' ') : text).trim();
  if (out.includes('\\')) out = out.replace(/\\/g, '\\\\');
  out = escapeHtml(out.replace(/([|*_`[\]#~])/g, '\\$1'));
  return ONE_LINE_PRINTABLE_ASCII.test(out) ? out : out.replace(INVISIBLE, (char) => hex4(char)).replace(/[\u0000-\u001f\u007f]/g, '');
}

/** `//` comment lines: every line break (including U+2028/2029) starts a new `//` line. */
export function lineComment(text: string): string {
  return text
    .replace(INVISIBLE, (char) => hex4(char))
    .split(/\r\n?|[\n\u2028\u2029\u0085]/)
    .map((line) => `//${line ? ' ' + line.replace(/[\u0000-\u001f\u007f]/g, '') : ''}`.trimEnd())
    .join('\n');
}
