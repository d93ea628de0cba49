/**
 * Turning spec strings into TypeScript identifiers. Only ASCII letters, digits, `_` and `$`
 * survive, so an identifier can never carry quotes, spaces, path separators or invisible text.
 */

/** ECMAScript reserved words plus strict-mode and TypeScript contextual ones that break declarations. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments',
  'eval', 'undefined', 'NaN', 'Infinity', 'async', 'of', 'as', 'is', 'type', 'declare', 'namespace', 'module',
]);

/**
 * Names a type may not take: TypeScript's predefined types and the globals that generated code
 * refers to (a model called `Promise` would break every method returning one). `Error` is not
 * here on purpose: specs often call a model `Error` and keep that name, so generated API, model
 * and example code never uses the global `Error` (test/hostile/globals.test.ts checks every
 * global it uses is listed here).
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  'any', 'unknown', 'never', 'void', 'string', 'number', 'boolean', 'bigint', 'symbol', 'object', 'undefined', 'null',
  'Array', 'ReadonlyArray', 'Record', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Promise', 'PromiseLike',
  'Blob', 'File', 'FormData', 'Headers', 'Response', 'Request', 'RequestInit', 'URL', 'URLSearchParams', 'AbortSignal',
  'Date', 'JSON', 'Object', 'String', 'Number', 'Boolean', 'Symbol', 'Function', 'globalThis',
]);

/** Windows device names: a file called `CON.ts`, `nul.md` or `CONIN$.ts` cannot be created there. */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$|clock\$)$/i;

/**
 * Members every plain object inherits: a params property with one of these names would read
 * `Object.prototype` when the caller leaves it out (`params.constructor` is a function).
 */
export const OBJECT_PROTOTYPE_MEMBERS: readonly string[] = [
  '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'constructor',
  'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf',
];

/** Longest identifier kept before shortening (file names stay far below path limits). */
const MAX_LENGTH = 80;

/**
 * Splits on separators and case changes: `get_user-Sessions2FA` → [get, user, Sessions2, FA],
 * `HTTPValidationError` → [HTTP, Validation, Error]. Letters are compared after NFKD, so `café`
 * keeps its `e`; anything but ASCII letters and digits separates words. One pass over the text:
 * the names stage splits every schema, operation and parameter name, and five regular-expression
 * passes per name were a fifth of the stage.
 */
export function words(text: string): string[] {
  const source = text.normalize('NFKD');
  const found: string[] = [];
  let start = -1;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (!isAsciiAlphanumeric(code)) {
      if (start >= 0) found.push(source.slice(start, index));
      start = -1;
      continue;
    }
    if (start >= 0 && isUpper(code)) {
      const previous = source.charCodeAt(index - 1);
      // `userId` → user|Id, `v2Beta` → v2|Beta; `HTTPError` → HTTP|Error (the last capital starts the word).
      const lowerToUpper = !isUpper(previous);
      const acronymEnd = isUpper(previous) && index + 1 < source.length && isLower(source.charCodeAt(index + 1));
      if (lowerToUpper || acronymEnd) {
        found.push(source.slice(start, index));
        start = index;
      }
    }
    if (start < 0) start = index;
  }
  if (start >= 0) found.push(source.slice(start));
  return found;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isAsciiAlphanumeric(code: number): boolean {
  return isUpper(code) || isLower(code) || (code >= 48 && code <= 57);
}

/** `deleteSession` → `DeleteSession`: the first letter upper-cased, the rest as it is. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `user_sessions` → `UserSessions`. Acronyms keep their case (`HTTPValidationError` stays). */
export function pascalCase(text: string): string {
  return remembered(pascalCases, text, pascalCaseOf);
}

function pascalCaseOf(text: string): string {
  return words(text).map(capitalize).join('');
}

/** `delete_session` → `deleteSession`; `X-User-Id` → `xUserId`. */
export function camelCase(text: string): string {
  return remembered(camelCases, text, camelCaseOf);
}

/**
 * Cased forms already made. A spec repeats its words: GitHub's has 5,000 parameters with 300
 * names (`owner`, `repo`, `per_page`) and 6,000 hoisted schemas named after property names
 * written again and again. Bounded, so a long-lived process (watch mode) does not keep growing.
 */
const pascalCases = new Map<string, string>();
const camelCases = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

function remembered(cache: Map<string, string>, text: string, make: (text: string) => string): string {
  let cased = cache.get(text);
  if (cased === undefined) {
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    cache.set(text, (cased = make(text)));
  }
  return cased;
}

function camelCaseOf(text: string): string {
  const parts = words(text);
  if (parts.length === 0) return '';
  const [first, ...rest] = parts;
  const head = /^[A-Z0-9]+$/.test(first!) ? first!.toLowerCase() : first!.charAt(0).toLowerCase() + first!.slice(1);
  return head + rest.map(capitalize).join('');
}

/** Makes `candidate` a valid identifier: not empty, no leading digit, not too long. */
export function toIdentifier(candidate: string, fallback: string): string {
  let name = candidate.replace(/[^A-Za-z0-9_$]/g, '');
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = '_' + name;
  if (name.length > MAX_LENGTH) name = name.slice(0, MAX_LENGTH - 9) + '_' + shortHash(name);
  return name;
}

/** A plain JavaScript identifier (what the names stage produces; no escapes, no unicode). */
export function isPlainIdentifier(text: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text);
}

/** True when the name would be a bad file name on some platform (device names). */
export function isDeviceName(name: string): boolean {
  return DEVICE_NAMES.test(name);
}

/** 8 hex characters of FNV-1a: a stable suffix for shortened names. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Names reserved in many scopes of one kind, prepared once: the names stage makes two scopes per
 * operation (its arguments, its params object) and one per distinct enum value list (GitHub's
 * spec: 2,800), and copying the reserved words into each one cost more than the naming done in it.
 */
export class ReservedNames {
  readonly #keys: ReadonlySet<string>;

  constructor(
    readonly caseInsensitive: boolean,
    names: Iterable<string>,
  ) {
    this.#keys = new Set(Array.from(names, (name) => nameKey(name, caseInsensitive)));
  }

  /** A new scope in which only these names are taken. */
  scope(): NameScope {
    return new NameScope(this.caseInsensitive, this);
  }

  /** Whether a name's key (see `nameKey`) is reserved. */
  hasKey(key: string): boolean {
    return this.#keys.has(key);
  }
}

/** A name as a scope compares it. */
function nameKey(name: string, caseInsensitive: boolean): string {
  return caseInsensitive ? name.toLowerCase() : name;
}

/**
 * Hands out names that are unique within one scope. With `caseInsensitive`, `Foo` and `FOO`
 * count as the same name, so the file names derived from them stay distinct on macOS and Windows.
 */
export class NameScope {
  readonly #taken = new Set<string>();
  /** Shared reserved names (not copied into `#taken`). */
  readonly #reserved: ReservedNames | undefined;

  constructor(
    private readonly caseInsensitive: boolean,
    reserved: Iterable<string> | ReservedNames = [],
  ) {
    if (reserved instanceof ReservedNames) {
      if (reserved.caseInsensitive !== caseInsensitive) throw new Error('reserved names of the other case mode');
      this.#reserved = reserved;
    } else {
      for (const name of reserved) this.#taken.add(this.#key(name));
    }
  }

  #key(name: string): string {
    return nameKey(name, this.caseInsensitive);
  }

  has(name: string): boolean {
    return this.#isTaken(this.#key(name));
  }

  /** Whether a name's key is taken here or reserved for every scope of its kind. */
  #isTaken(key: string): boolean {
    return this.#taken.has(key) || (this.#reserved !== undefined && this.#reserved.hasKey(key));
  }

  /** Marks a name as taken without handing it out (a name of another kind that must not be reused). */
  reserve(name: string): void {
    this.#taken.add(this.#key(name));
  }

  /** The first free candidate, else the last candidate with the smallest free numeric suffix. */
  claim(...candidates: string[]): string {
    for (const candidate of candidates) {
      if (this.#takeIfFree(candidate)) return candidate;
    }
    const base = candidates[candidates.length - 1]!;
    for (let n = 2; ; n++) {
      if (this.#takeIfFree(base + n)) return base + n;
    }
  }

  /** Takes the name when it is free: its key is made once (lower-casing a name allocates a string). */
  #takeIfFree(name: string): boolean {
    const key = this.#key(name);
    if (this.#isTaken(key)) return false;
    this.#taken.add(key);
    return true;
  }
}
