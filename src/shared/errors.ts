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
    if (pointer !== undefined) where += `${where ? ' ' : ''}at ${pointer === '' ? '/' : pointer}`;
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

/** Appends RFC 6901 tokens to a JSON pointer. */
export function pointerJoin(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + tokens.map((token) => '/' + String(token).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
