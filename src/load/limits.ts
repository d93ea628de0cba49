/**
 * Resource limits for reading specs. Specs are untrusted: each limit turns a hostile input
 * (huge file, YAML alias bomb, deep nesting, endless `$ref` fan-out, slow server) into one clear
 * error instead of a hang or an out-of-memory crash. README.md ("Limits") lists them.
 */
export const LIMITS = Object.freeze({
  /** Largest spec file (or `$ref`'d file) read, in bytes. */
  maxFileBytes: 32 * 1024 * 1024,
  /** Deepest nesting of objects and arrays in one document. */
  maxDepth: 128,
  /**
   * Most values in one document once YAML aliases are expanded (an alias bomb is a few lines
   * that expand to billions of values; every later stage walks the expanded tree).
   */
  maxNodes: 4_000_000,
  /** Most distinct files or URLs that `$ref`s may pull in. */
  maxDocuments: 500,
  /** Most bytes of the spec and every file or URL it pulls in, together. */
  maxTotalBytes: 128 * 1024 * 1024,
  /** Time allowed for one remote fetch (with `--allow-remote`), including redirects. */
  remoteTimeoutMs: 15_000,
  /** Redirects followed for one remote fetch; each target is checked again. */
  maxRedirects: 5,
});

/** The limits in force for one load; tests lower them to reach them cheaply. */
export type Limits = { readonly [K in keyof typeof LIMITS]: number };
