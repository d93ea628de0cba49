/*
 * oasgen client runtime: Configuration, BaseApi, the error classes and the request pipeline
 * (auth, encoding, timeouts, retries, middleware, redirects, decoding). Copied verbatim into
 * every generated client. It uses only web-platform globals (fetch, URL, Headers, AbortController,
 * Blob, FormData), so it runs in Node >= 18, browsers, Deno and Bun.
 */

/** A value, or a function (possibly async) returning it, called per request so tokens can refresh. Functions get the security scheme's name. */
export type Credential = string | ((scheme: string) => string | undefined | Promise<string | undefined>);

/** What a `pre` middleware sees and may return changed: the request about to be sent. */
export interface FetchParams {
  url: string;
  init: RequestInit;
}

/** Hooks around every HTTP attempt, run in array order. Each may be async. */
export interface Middleware {
  /** Before sending: return new `{ url, init }` to change the request (e.g. add a tracing header). */
  pre?(context: FetchParams): FetchParams | void | Promise<FetchParams | void>;
  /** After a response arrives: return a Response to replace it. */
  post?(context: FetchParams & { response: Response }): Response | void | Promise<Response | void>;
  /** When fetch fails (network error, timeout): return a Response to recover, or nothing to let the error propagate. */
  onError?(context: FetchParams & { error: unknown }): Response | void | Promise<Response | void>;
}

/** Settings shared by every API class of a client. */
export interface ConfigurationParameters {
  /** Base URL that operation paths are appended to. Default: the spec's first server (relative ones resolve against the page's location). */
  basePath?: string;
  /** Value for apiKey security schemes (sent in the header, query or cookie the spec names). */
  apiKey?: Credential;
  /** Bearer token for HTTP bearer, OAuth2 and OpenID Connect schemes. */
  accessToken?: Credential;
  /** User name for HTTP basic authentication. */
  username?: Credential;
  /** Password for HTTP basic authentication. */
  password?: Credential;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** `credentials` mode passed to fetch (browsers: cookies on cross-origin requests). */
  credentials?: RequestCredentials;
  /** Custom fetch implementation (tests, proxies, instrumentation). Default: the global fetch. */
  fetchApi?: typeof fetch;
  /** Hooks around every HTTP attempt, run in order. */
  middleware?: Middleware[];
  /** Retries of idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS) after network errors, timeouts, 408, 429, 502, 503, 504. Default 2. */
  retries?: number;
  /** First backoff delay; it doubles per retry, with jitter (50–100% of it). Default 500 ms. */
  retryDelayMs?: number;
  /** Longest backoff; a longer Retry-After ends retrying. Default 60000 ms. */
  maxRetryDelayMs?: number;
  /** Time limit of each attempt, body included. Default: none. */
  timeoutMs?: number;
}

/** Client configuration, shared by the API classes. */
export class Configuration {
  // `declare`: set by Object.assign below, so no field initialisers are emitted (smaller runtime).
  declare readonly basePath?: string;
  declare readonly apiKey?: Credential;
  declare readonly accessToken?: Credential;
  declare readonly username?: Credential;
  declare readonly password?: Credential;
  declare readonly headers: Record<string, string>;
  declare readonly credentials?: RequestCredentials;
  declare readonly fetchApi?: typeof fetch;
  declare readonly middleware: Middleware[];
  declare readonly retries: number;
  declare readonly retryDelayMs: number;
  declare readonly maxRetryDelayMs: number;
  declare readonly timeoutMs?: number;

  constructor(parameters: ConfigurationParameters = {}) {
    // `??`: defaults also replace explicit undefined.
    Object.assign(this, parameters, {
      headers: { ...parameters.headers },
      middleware: [...(parameters.middleware ?? [])],
      retries: parameters.retries ?? 2,
      retryDelayMs: parameters.retryDelayMs ?? 500,
      maxRetryDelayMs: parameters.maxRetryDelayMs ?? 60000,
    });
  }
}

/** Per-call options; they override the Configuration for one request. */
export interface RequestOptions {
  /** Aborts the request, including any backoff wait; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Extra headers for this call (they win over every other header). */
  headers?: Record<string, string>;
  /** Time limit of each attempt for this call. */
  timeoutMs?: number;
  /** Retries for this call; given explicitly, it also enables retries of POST and PATCH. */
  retries?: number;
}

/** What the `xxxRaw` methods return: the decoded body plus the HTTP details. */
export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  data: T;
  response: Response;
}

/** Thrown for a non-2xx response; `body` is the decoded error body (JSON or text; its body stream is consumed). */
export class ApiError<TBody = unknown, TStatus extends number = number> extends Error {
  override readonly name = 'ApiError';
  declare readonly status: TStatus;
  declare readonly headers: Headers;
  declare readonly body: TBody;
  declare readonly response: Response;
  /** `request` is the method and URL, e.g. `GET https://api.example.com/users/1`. */
  constructor(request: string, response: Response, body: TBody) {
    super(`${request} failed with status ${response.status}`);
    Object.assign(this, { status: response.status, headers: response.headers, body, response });
  }
}

/**
 * Narrows an operation's error union (e.g. `GetPartError`) to the member documented for `status`;
 * for an undocumented status it stays the whole union. `if (hasStatus(error, 404)) error.body…`
 */
export function hasStatus<E extends ApiError, S extends number>(error: E, status: S): error is [Extract<E, { status: S }>] extends [never] ? E : Extract<E, { status: S }> {
  return error.status === status;
}

/** Thrown when no response arrived (connection refused or reset, DNS, TLS, unsafe redirect); `cause` is the underlying error. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** Thrown when an attempt exceeded `timeoutMs`; `cause` is the abort. A caller's own abort rejects with the signal's reason (an AbortError) instead. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** A security scheme as the generated code describes it to the runtime; `id` is its name in the spec. */
export type SecurityScheme =
  | { id: string; type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { id: string; type: 'basic' | 'bearer' };

/** One query parameter with its serialisation style (default: form, exploded). `tabDelimited` is Swagger 2.0's `tsv`. */
export interface QueryParameter {
  name: string;
  value: unknown;
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'tabDelimited' | 'deepObject';
  explode?: boolean;
}

/** A path, header or cookie parameter: name, value and, when not `simple` unexploded, its OpenAPI style and explode. */
export type StyledParameter = [name: string, value: unknown, style?: 'simple' | 'label' | 'matrix', explode?: boolean];

/** How a 2xx body is decoded. */
export type ResponseKind = 'json' | 'text' | 'blob' | 'void';

/** Everything the generated method knows about one request. */
export interface RequestSpec {
  method: string;
  /** Path template, e.g. `/sessions/{session_id}`. */
  path: string;
  /** Tuples, not objects: spec names such as `__proto__` stay plain data. */
  pathParams?: StyledParameter[];
  query?: QueryParameter[];
  headers?: StyledParameter[];
  cookies?: StyledParameter[];
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Alternatives; each lists the schemes that must all apply. An empty alternative allows anonymous calls. */
  security?: SecurityScheme[][];
  responseKind: ResponseKind;
}

/** Base class of every generated API class. */
export class BaseApi {
  declare protected readonly configuration: Configuration;
  declare protected readonly defaultBasePath: string;
  #base?: string;
  constructor(configuration = new Configuration(), defaultBasePath = '') {
    Object.assign(this, { configuration, defaultBasePath });
  }

  /**
   * Sends the request (with auth, timeouts, retries and middleware) and decodes the response; throws ApiError on non-2xx.
   * One async function from prelude to decoded body, and no regular expression or iterator on the common path:
   * each of them measurably slowed every call, by several times its own CPU time (bench/RESULTS-client.md).
   */
  protected async request<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const config = this.configuration;
    const { method } = spec;
    const { signal } = options;
    // The base URL is resolved (a relative one, `/v2`, against the page in browsers) and trimmed once per API instance.
    let base = this.#base;
    if (!base) {
      base = config.basePath ?? this.defaultBasePath;
      try {
        base = this.#base = new URL(base, (globalThis as { location?: { href: string } }).location?.href).href.replace(/\/+$/, '');
      } catch {
        throw new TypeError(`basePath "${base}" is not absolute`);
      }
    }
    // The URL is built as a string: parsing a URL object per call cost more than the rest of the runtime.
    const path = base + expandPath(spec.path, spec.pathParams);
    // Errors name the request without its query: query credentials and personal data stay out of logs.
    const label = `${method} ${path}`;
    const query: string[] = [];
    if (spec.query) {
      for (const { name, value, style = 'form', explode = true } of spec.query) {
        const text = serialize(name, value, style, explode, true);
        if (text) query.push(text); // an exploded empty array or object adds nothing
      }
    }
    // Lower-case names, later wins. A plain object: fetch reads it faster than Headers, a Map or a null-prototype object.
    const headers: Record<string, string> = {};
    setHeaders(headers, config.headers);
    if (spec.headers) for (const [name, value, style, explode] of spec.headers) if (value != null) setHeader(headers, name, serialize(name, value, style, explode));
    const cookies: string[] = [];
    if (spec.cookies) for (const [name, value] of spec.cookies) if (value != null) cookies.push(`${name}=${encodeURIComponent(serialize(name, value))}`);
    const secret = spec.security && (await applySecurity(config, spec.security, query, headers, cookies));
    if (cookies.length) setHeader(headers, 'Cookie', cookies.join('; '));
    if (spec.accept) setHeader(headers, 'Accept', spec.accept);
    const init: RequestInit = { method, headers };
    if (config.credentials) init.credentials = config.credentials;
    if (spec.body !== undefined) init.body = encodeBody(spec.body, spec.contentType ?? 'application/json', headers);
    setHeaders(headers, options.headers);

    const url = query.length ? `${path}?${query.join('&')}` : path;
    const retries = options.retries ?? (IDEMPOTENT.includes(method) ? config.retries : 0);
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const middleware = config.middleware.length ? config.middleware : undefined;
    for (let attempt = 0, delay = 0; ; attempt++) {
      signal?.throwIfAborted();
      // An AbortController only when there is something to abort: it costs fetch time.
      const controller = signal || timeoutMs !== undefined ? new AbortController() : undefined;
      const abort = controller && (() => controller.abort(signal?.reason));
      signal?.addEventListener('abort', abort!);
      let timer: ReturnType<typeof setTimeout> | undefined;
      // The caller's abort rejects with the signal's reason; otherwise our controller aborted because the time was up.
      const failure = (cause: unknown) =>
        signal?.aborted ? signal.reason : controller?.signal.aborted ? new TimeoutError(`${label} timed out after ${timeoutMs} ms`, { cause }) : new NetworkError(`${label} failed: ${cause}`, { cause });
      let params: FetchParams = { url, init: controller ? { ...init, signal: controller.signal } : init };
      try {
        // The backoff before a retry; the caller's abort ends it at once, rejecting with the signal's reason. (The listener
        // dies with this attempt's controller; a later timeout abort only rejects a settled promise, which does nothing.)
        if (attempt) await new Promise((resolve, reject) => ((timer = setTimeout(resolve, delay)), controller?.signal.addEventListener('abort', () => reject(signal?.reason))));
        if (timeoutMs !== undefined) timer = setTimeout(abort!, timeoutMs);
        if (middleware) for (const m of middleware) params = (await m.pre?.(params)) ?? params;
        let response: Response | undefined;
        try {
          const fetchApi = config.fetchApi ?? fetch;
          response = await (secret?.length ? fetchSafely(fetchApi, params.url, params.init, secret) : fetchApi(params.url, params.init));
        } catch (cause) {
          const error = failure(cause);
          if (middleware) for (const m of middleware) response ??= (await m.onError?.({ ...params, error })) ?? undefined;
          if (!response) throw error;
        }
        if (middleware) for (const m of middleware) response = (await m.post?.({ ...params, response })) ?? response;
        const { ok, status } = response;
        // Error bodies are decoded as JSON (or text), whatever the success kind; an empty body is undefined.
        const kind = ok ? spec.responseKind : 'json';
        let data: unknown;
        try {
          data = (await (kind === 'void' || status === 204 ? response.body?.cancel() : kind === 'blob' ? response.blob() : response.text())) || undefined;
        } catch (cause) {
          throw failure(cause);
        }
        // A JSON object or array is parsed without looking at the Content-Type (the first read of a fetched response's
        // headers cost more than the rest of the runtime, bench/RESULTS-client.md); other text only when labelled JSON.
        if (data && kind === 'json' && ('{['.includes((data as string)[0]!) || isJson(response.headers.get('Content-Type') ?? 'application/json'))) {
          try {
            data = JSON.parse(data as string);
          } catch {} // not JSON after all: the text stays
        }
        if (!ok) throw new ApiError(label, response, data);
        return { status, headers: response.headers, data: data as T, response };
      } catch (error) {
        const failed = error instanceof ApiError;
        // Retry-After (seconds or an HTTP date; a past date: now; none or unreadable: NaN) wins over the backoff:
        // base × 2^attempt, 50–100% of it.
        const retryAfter = failed ? error.headers.get('Retry-After') : null;
        delay = retryAfter ? Math.max(0, /^\d+$/.test(retryAfter) ? +retryAfter * 1000 : Date.parse(retryAfter) - Date.now()) : NaN;
        if (!(delay >= 0)) delay = Math.min(config.retryDelayMs * 2 ** attempt, config.maxRetryDelayMs) * (0.5 + Math.random() / 2);
        const retryable = failed ? [408, 429, 502, 503, 504].includes(error.status) : error instanceof NetworkError || error instanceof TimeoutError;
        if (attempt >= retries || !retryable || delay > config.maxRetryDelayMs) throw error;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort!);
      }
    }
  }
}

const IDEMPOTENT = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];

/** Rejects CR/LF so a value can never start a new header. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  if (value.includes('\r') || value.includes('\n')) throw new TypeError(`Header "${name}" contains a line break`);
  // A string assigned to `__proto__` is ignored, so that name can neither pollute nor be sent (fetch's record conversion drops it too).
  headers[name.toLowerCase()] = value;
}

/** Copies a plain header record (configuration or per-call headers; none when undefined), skipping null and undefined values. */
function setHeaders(headers: Record<string, string>, from?: Record<string, string>): void {
  for (const name in from) if (from[name] != null) setHeader(headers, name, String(from[name]));
}

/**
 * fetch, but when credentials were applied, redirects are followed here: a hop to another origin
 * drops the credential headers (the new URL never carries query credentials).
 */
async function fetchSafely(fetchApi: typeof fetch, url: string, init: RequestInit, secret: string[]): Promise<Response> {
  const origin = new URL(url).origin;
  const headers = new Headers(init.headers);
  init = { ...init, headers, redirect: 'manual' };
  for (let hops = 0; ; hops++) {
    const response = await fetchApi(url, init);
    const { status } = response;
    const location = response.headers.get('Location');
    if (response.type === 'opaqueredirect') throw new TypeError('unsafe redirect');
    if (!location || !/^30[12378]$/.test(`${status}`)) return response;
    if (hops === 20) throw new TypeError('too many redirects');
    await response.body?.cancel();
    url = new URL(location, url).href;
    if (new URL(url).origin !== origin) for (const name of secret) headers.delete(name);
    if (status === 303 ? init.method !== 'HEAD' : status < 303 && init.method === 'POST') {
      init.method = 'GET';
      init.body = null;
      headers.delete('Content-Type');
    }
  }
}

/** Substitutes path parameters percent-encoded; a value can never add a segment or be a `.`/`..` segment. */
function expandPath(template: string, params: StyledParameter[] = []): string {
  // Index access, not `for…of` or destructuring: those allocated an iterator per call.
  for (let i = 0; i < params.length; i++) {
    const param = params[i]!;
    const name = param[0];
    const text = serialize(name, param[1], param[2], param[3], true);
    // URL parsing would resolve `.`/`..` away.
    if (text === '.' || text === '..') throw new TypeError(`Path parameter "${name}" is a dot segment`);
    const key = `{${name}}`;
    const at = template.indexOf(key); // not String#replace: it cost measurable time per call
    if (text && at >= 0) template = template.slice(0, at) + text + template.slice(at + key.length);
  }
  // Values are percent-encoded, so a brace left is a template variable no parameter filled, or filled with nothing
  // (empty would address the parent collection, `/sessions/`).
  if (template.includes('{')) throw new TypeError(`Path parameter "${template.split(/[{}]/)[1]}" is missing`);
  return template;
}

/**
 * One parameter value in its OpenAPI style (null and undefined: empty), names and values percent-encoded when `encode`:
 * path and header styles `simple` (`a,b`), `label` (`.a.b`), `matrix` (`;id=a;id=b`); the query
 * styles give `name=value` items joined by `&` (deepObject: `name[key]=value`). Unexploded arrays
 * and objects are one value, their items (objects: keys and values) joined by the style's delimiter.
 */
function serialize(name: string, value: unknown, style = 'simple', explode?: boolean, encode?: boolean): string {
  const text = encode ? encodeURIComponent : String;
  if (value == null) return '';
  if (style === 'simple' && typeof value !== 'object') return text(value as string); // the common case, fast
  const object = typeof value === 'object' && !Array.isArray(value);
  const deep = style === 'deepObject';
  // [name, item] pairs: an object's entries (deepObject: `name[key]`), else each array item (or the one value) under the parameter's name.
  const pairs = object ? Object.entries(value!).filter(([, item]) => item != null).map(([key, item]) => [deep ? `${name}[${key}]` : key, item]) : [value].flat().map((item) => [name, item]);
  // Matrix and query items are always `name=value`; simple and label ones only for exploded objects.
  const keyed = style !== 'simple' && style !== 'label';
  const prefix = style === 'label' ? '.' : style === 'matrix' ? ';' : '';
  if (explode || deep || typeof value !== 'object') return prefix + pairs.map(([key, item]) => (keyed || object ? `${text(key)}=` : '') + text(item)).join(prefix || (style === 'simple' ? ',' : '&'));
  // Pre-encoded: only query parameters have these styles, and a raw tab would be stripped from the URL.
  const delimiter = { spaceDelimited: '%20', pipeDelimited: '%7C', tabDelimited: '%09' }[style] ?? ',';
  return prefix + (keyed ? `${text(name)}=` : '') + (object ? pairs.flat() : pairs.map(([, item]) => item)).map(text).join(delimiter);
}

/**
 * Applies the first alternative whose credentials are all configured; anonymous (`{}`) when none is.
 * Returns the names of the headers that carry credentials.
 */
async function applySecurity(config: Configuration, alternatives: SecurityScheme[][], query: string[], headers: Record<string, string>, cookies: string[]): Promise<string[]> {
  const credential = (scheme: SecurityScheme) => (scheme.type === 'apiKey' ? config.apiKey : scheme.type === 'basic' ? config.username : config.accessToken);
  const resolve = async (value: Credential | undefined, id: string) => (typeof value === 'function' ? await value(id) : value) ?? '';
  const secret: string[] = [];
  for (const scheme of alternatives.find((schemes) => schemes.length && schemes.every((scheme) => credential(scheme) !== undefined)) ?? []) {
    const value = await resolve(credential(scheme), scheme.id);
    // Basic: UTF-8 `user:password` in base64 (btoa alone takes Latin-1 only).
    const [at, name, text] =
      scheme.type === 'apiKey'
        ? [scheme.in, scheme.name, value]
        : ['header', 'Authorization', scheme.type === 'basic' ? `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${value}:${await resolve(config.password, scheme.id)}`)))}` : `Bearer ${value}`];
    if (at === 'header') {
      secret.push(name);
      setHeader(headers, name, text);
    } else {
      // The credential replaces an operation parameter of the same name (its `name=…` items), as a header credential does, and goes last.
      if (at === 'cookie') secret.push('Cookie');
      const items = at === 'query' ? query : cookies;
      const key = at === 'query' ? encodeURIComponent(name) : name;
      items.push(...items.splice(0).filter((item) => !item.startsWith(`${key}=`)), `${key}=${encodeURIComponent(text)}`);
    }
  }
  return secret;
}

function encodeBody(body: unknown, contentType: string, headers: Record<string, string>): BodyInit {
  const multipart = /^multipart\/form-data/i.test(contentType);
  if (!multipart) setHeader(headers, 'Content-Type', contentType); // fetch sets the multipart one, with the boundary
  if (multipart || /^application\/x-www-form-urlencoded/i.test(contentType)) {
    const form = multipart ? new FormData() : new URLSearchParams();
    // A field per array item; objects as JSON; null and undefined skipped. (URLSearchParams turns a Blob into text.)
    for (const [name, value] of Object.entries(body as object)) {
      for (const item of [value ?? []].flat()) (form as FormData).append(name, item instanceof Blob ? item : typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
    return form;
  }
  if (isJson(contentType)) return JSON.stringify(body);
  // Blob, ArrayBuffer, typed arrays, streams and the like go to fetch as they are; numbers and booleans as text.
  return typeof body === 'object' ? (body as BodyInit) : String(body);
}

function isJson(contentType: string): boolean {
  // The common value first: the regular expression cost measurable time per call.
  return contentType === 'application/json' || /^application\/([\w.+-]*\+)?json(;|$)|^\*\/\*/i.test(contentType);
}
