/** Where in the user's input a problem is. */
export interface Location {
  /** File path or URL of the spec or config. */
  readonly file?: string;
  /** JSON pointer into the document, e.g. `/paths/~1users/get`. */
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
}

/** A problem with the user's input or usage: printed as one message, exit code 1, no stack. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly location: Location = {},
  ) {
    super(message);
  }

  /** `file:line:column (pointer): message`, with whatever parts are known. */
  format(): string {
    const { file, pointer, line, column } = this.location;
    let where = file ?? '';
    if (line !== undefined) where += `:${line}${column !== undefined ? `:${column}` : ''}`;
    if (pointer !== undefined) where += `${where ? ' ' : ''}at ${displayPointer(pointer)}`;
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/** A problem that does not stop generation (a warning), or does under `--strict`. */
export interface Diagnostic {
  readonly severity: 'warning' | 'error';
  readonly message: string;
  readonly pointer?: string;
  /** The file the problem is in, when it is not the spec (a template, the hooks module). */
  readonly file?: string;
}

/**
 * One token of a `$ref` fragment (`Not%20Found`, `a~1b`) as the key it names: percent-decoded
 * (a fragment is a URI part), then `~1` → `/` and `~0` → `~` (RFC 6901). Throws URIError on bad
 * percent-encoding.
 */
export function decodePointerToken(token: string): string {
  return unescapeToken(token.includes('%') ? decodeURIComponent(token) : token);
}

/**
 * Appends RFC 6901 tokens to a JSON pointer. (The model stage builds one for every schema it
 * reads, so tokens without `~` or `/` skip the replacing.)
 */
export function pointerJoin(pointer: string, ...tokens: (string | number)[]): string {
  let joined = pointer;
  for (const token of tokens) {
    const text = String(token);
    joined += '/' + (text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text);
  }
  return joined;
}

/** A JSON pointer's tokens as the keys they name (`/a~1b/c` → `a/b`, `c`): `pointerJoin` undone. */
export function pointerTokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeToken);
}

function unescapeToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

/** Segments a printed pointer keeps at its start and its end. */
const POINTER_HEAD = 6;
const POINTER_TAIL = 4;

/**
 * A JSON pointer as printed for people: `/` for the root, and a deep one (a depth-limit error
 * names a place 128 levels down) shortened to its first and last segments with the count of
 * those left out: `/a/b/c/d/e/f/…/w/x/y/z (118 of 128 segments elided)`. Data keeps the full pointer.
 */
export function displayPointer(pointer: string): string {
  if (pointer === '') return '/';
  const segments = pointer.split('/').slice(1);
  const elided = segments.length - POINTER_HEAD - POINTER_TAIL;
  // Leaving out one or two segments would save less than the marker costs.
  if (elided <= 2) return pointer;
  return `/${segments.slice(0, POINTER_HEAD).join('/')}/…/${segments.slice(-POINTER_TAIL).join('/')} (${elided} of ${segments.length} segments elided)`;
}
