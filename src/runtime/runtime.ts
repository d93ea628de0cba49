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
    const { retries = 2, retryDelayMs = 500, maxRetryDelayMs = 60000 } = parameters; // defaults also replace explicit undefined
    Object.assign(this, parameters, { headers: { ...parameters.headers }, middleware: [...(parameters.middleware ?? [])], retries, retryDelayMs, maxRetryDelayMs });
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
  constructor(status: TStatus, headers: Headers, body: TBody, response: Response, method: string, url: string) {
    super(`${method} ${url} failed with status ${status}`);
    Object.assign(this, { status, headers, body, response });
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
  constructor(method: string, url: string, cause: unknown) {
    super(`${method} ${url} failed: ${cause}`, { cause });
  }
}

/** Thrown when an attempt exceeded `timeoutMs`. A caller's own abort rejects with the signal's reason (an AbortError) instead. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(method: string, url: string, timeoutMs: number, cause: unknown) {
    super(`${method} ${url} timed out after ${timeoutMs} ms`, { cause });
  }
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

const IDEMPOTENT = /^(GET|HEAD|PUT|DELETE|OPTIONS)$/;
const RETRY_STATUSES = [408, 429, 502, 503, 504];

/** Base class of every generated API class. */
export class BaseApi {
  declare protected readonly configuration: Configuration;
  declare protected readonly defaultBasePath: string;
  constructor(configuration = new Configuration(), defaultBasePath = '') {
    Object.assign(this, { configuration, defaultBasePath });
  }

  /** Sends the request (with auth, timeouts, retries and middleware) and decodes the response; throws ApiError on non-2xx. */
  protected async request<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const config = this.configuration;
    const { method } = spec;
    let base = config.basePath ?? this.defaultBasePath;
    // A relative server URL (`/v2`) resolves against the page in browsers; elsewhere it needs an absolute basePath.
    if (!/^[a-z][\w+.-]*:/i.test(base)) {
      const page = (globalThis as { location?: { href: string } }).location?.href;
      if (!page) throw new TypeError(`basePath "${base}" is not absolute`);
      base = new URL(base, page).href;
    }
    // The URL is built as a string: parsing a URL object per call cost more than the rest of the runtime.
    const path = base.replace(/\/+$/, '') + expandPath(spec.path, spec.pathParams);
    const query = new URLSearchParams();
    if (spec.query) appendQuery(query, spec.query);
    // Lower-case names, later wins. A plain object: fetch reads it faster than Headers, a Map or a null-prototype object.
    const headers: Record<string, string> = {};
    const setAll = (pairs: StyledParameter[]) => pairs.forEach(([name, value, style, explode]) => value != null && setHeader(headers, name, styled(name, value, style, explode)));
    setAll(Object.entries(config.headers));
    if (spec.headers) setAll(spec.headers);
    const cookies = (spec.cookies || []).filter(([, value]) => value != null).map(([name, value]) => `${name}=${encodeURIComponent(styled(name, value))}`);
    const secret = spec.security && (await applySecurity(config, spec.security, query, headers, cookies));
    if (cookies.length) setHeader(headers, 'Cookie', cookies.join('; '));
    if (spec.accept) setHeader(headers, 'Accept', spec.accept);
    const init: RequestInit = { method, headers };
    if (spec.body !== undefined) init.body = encodeBody(spec.body, spec.contentType ?? 'application/json', headers);
    if (options.headers) setAll(Object.entries(options.headers));
    if (config.credentials) init.credentials = config.credentials;

    const retries = options.retries ?? (IDEMPOTENT.test(method) ? config.retries : 0);
    const url = path + (String(query) && `?${query}`);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt<T>(spec, url, init, secret, options, path);
      } catch (error) {
        const failed = error instanceof ApiError && error;
        // Retry-After (seconds or an HTTP date; a past date: now) wins over the backoff: base × 2^attempt, 50–100% of it.
        const retryAfter = (failed && failed.headers.get('Retry-After')) || '';
        const until = /^\d+$/.test(retryAfter) ? +retryAfter * 1000 : Math.max(0, Date.parse(retryAfter) - Date.now());
        const delay = until >= 0 ? until : Math.min(config.retryDelayMs * 2 ** attempt, config.maxRetryDelayMs) * (0.5 + Math.random() / 2);
        const retryable = failed ? RETRY_STATUSES.includes(failed.status) : error instanceof NetworkError || error instanceof TimeoutError;
        if (attempt >= retries || !retryable || delay > config.maxRetryDelayMs) throw error;
        await sleep(delay, options.signal);
      }
    }
  }

  /** One attempt: middleware, fetch (following redirects safely), decoding, all under one timeout. */
  async #attempt<T>(spec: RequestSpec, url: string, init: RequestInit, secret: string[] | undefined, options: RequestOptions, shownUrl: string): Promise<ApiResponse<T>> {
    // Messages show the URL without its query: query credentials and personal data stay out of logs.
    const config = this.configuration;
    const { signal } = options;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    // An AbortController only when there is something to abort: it costs fetch time.
    const controller = signal || timeoutMs !== undefined ? new AbortController() : undefined;
    const abort = () => controller?.abort(signal?.reason);
    signal?.addEventListener('abort', abort);
    if (signal?.aborted) abort();
    let timedOut = false;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), abort()), timeoutMs);
    const failure = (cause: unknown) => {
      if (signal?.aborted) return signal.reason;
      return timedOut ? new TimeoutError(spec.method, shownUrl, timeoutMs!, cause) : new NetworkError(spec.method, shownUrl, cause);
    };
    let params: FetchParams = { url, init: controller ? { ...init, signal: controller.signal } : init };
    try {
      for (const m of config.middleware) params = (await m.pre?.(params)) ?? params;
      let response: Response | undefined;
      try {
        const fetchApi = config.fetchApi ?? fetch;
        response = await (secret ? fetchSafely(fetchApi, params.url, params.init, secret) : fetchApi(params.url, params.init));
      } catch (cause) {
        const error = failure(cause);
        for (const m of config.middleware) response ??= (await m.onError?.({ ...params, error })) ?? undefined;
        if (!response) throw error;
      }
      for (const m of config.middleware) response = (await m.post?.({ ...params, response })) ?? response;
      try {
        if (!response.ok) {
          const body = await decodeBody(response, 'json');
          throw new ApiError(response.status, response.headers, body, response, spec.method, shownUrl);
        }
        const data = (await decodeBody(response, spec.responseKind)) as T;
        return { status: response.status, headers: response.headers, data, response };
      } catch (error) {
        throw error instanceof ApiError ? error : failure(error);
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }
}

/**
 * fetch, but when credentials were applied, redirects are followed here: a hop to another origin
 * drops the credential headers (the new URL never carries query credentials).
 */
async function fetchSafely(fetchApi: typeof fetch, url: string, init: RequestInit, secret: string[]): Promise<Response> {
  const origin = new URL(url).origin;
  init = { ...init, redirect: 'manual' };
  for (let hops = 0; hops <= 20; hops++) {
    const response = await fetchApi(url, init);
    const location = response.headers.get('Location');
    if (response.type === 'opaqueredirect') throw new TypeError('unsafe redirect');
    if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response;
    await response.body?.cancel();
    url = new URL(location, url).href;
    const headers = new Headers(init.headers);
    if (new URL(url).origin !== origin) secret.forEach((name) => headers.delete(name));
    init = { ...init, headers };
    if (response.status === 303 ? init.method !== 'HEAD' : response.status < 303 && init.method === 'POST') {
      init = { ...init, method: 'GET', body: null };
      headers.delete('Content-Type');
    }
  }
  throw new TypeError('too many redirects');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => (clearTimeout(timer), reject(signal!.reason));
    const timer = setTimeout(() => (signal?.removeEventListener('abort', abort), resolve()), ms);
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort);
  });
}

/** Substitutes path parameters percent-encoded; a value can never add a segment or be a `.`/`..` segment. */
function expandPath(template: string, params: StyledParameter[] = []): string {
  for (const [name, value, style, explode] of params) {
    const text = value == null ? '' : styled(name, value, style, explode, true);
    // Empty would address the parent collection (`/sessions/`); URL parsing would resolve `.`/`..` away.
    if (!text || text === '.' || text === '..') throw new TypeError(`Path parameter "${name}" is ${text ? 'a dot segment' : 'missing'}`);
    template = template.replace(`{${name}}`, () => text); // a function: `$` in text is not a pattern
  }
  // Values are percent-encoded, so a brace left is a template variable no parameter filled.
  if (template.includes('{')) throw new TypeError(`Path parameter "${template.split(/[{}]/)[1]}" is missing`);
  return template;
}

/**
 * Name/text pairs of one parameter value per OpenAPI style: exploded arrays and objects give a pair
 * per item (deepObject: `name[key]`), unexploded ones one pair joined by the style's delimiter.
 * `percent` encodes names and values (paths); query pairs are encoded by URLSearchParams.
 */
function stylePairs(name: string, value: unknown, style: string, explode?: boolean, percent?: boolean): [string, string][] {
  const text = (item: unknown) => (percent ? encodeURIComponent(String(item)) : String(item));
  const object = value !== null && typeof value === 'object';
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item) => [name, item])
    : object
      ? Object.entries(value).filter(([, item]) => item != null).map(([key, item]) => [style === 'deepObject' ? `${name}[${key}]` : key, item])
      : [[name, value]];
  if (explode || !object || style === 'deepObject') return entries.map(([key, item]) => [text(key), text(item)]);
  const delimiter = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : style === 'tabDelimited' ? '\t' : ',';
  return [[text(name), entries.flatMap(([key, item]) => (Array.isArray(value) ? [text(item)] : [text(key), text(item)])).join(delimiter)]];
}

function appendQuery(params: URLSearchParams, query: QueryParameter[]): void {
  for (const { name, value, style = 'form', explode = true } of query) {
    if (value != null) for (const [key, text] of stylePairs(name, value, style, explode)) params.append(key, text);
  }
}

/** A path, header or cookie value in OpenAPI `simple` (default), `label` or `matrix` style: `a,b` · `.a.b` · `;id=a;id=b`. */
function styled(name: string, value: unknown, style?: string, explode?: boolean, percent?: boolean): string {
  if (!style && typeof value !== 'object') return percent ? encodeURIComponent(String(value)) : String(value); // the common case, fast
  const pairs = stylePairs(name, value, 'simple', explode, percent);
  if (style === 'matrix') return pairs.map(([key, text]) => `;${key}=${text}`).join('');
  const keyed = explode && !Array.isArray(value) && typeof value === 'object';
  const items = pairs.map(([key, text]) => (keyed ? `${key}=${text}` : text));
  return style === 'label' ? `.${items.join('.')}` : items.join(',');
}

/** Rejects CR/LF so a value can never start a new header. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  if (/[\r\n]/.test(value)) throw new TypeError(`Header "${name}" contains a line break`);
  // A string assigned to `__proto__` is ignored, so that name can neither pollute nor be sent (fetch's record conversion drops it too).
  headers[name.toLowerCase()] = value;
}

/**
 * Applies the first alternative whose credentials are all configured; anonymous (`{}`) when none is.
 * Returns the names of the headers that carry credentials, or undefined when none was applied.
 */
async function applySecurity(config: Configuration, alternatives: SecurityScheme[][], query: URLSearchParams, headers: Record<string, string>, cookies: string[]): Promise<string[] | undefined> {
  const credential = (scheme: SecurityScheme) =>
    scheme.type === 'apiKey' ? config.apiKey : scheme.type === 'basic' ? config.username : config.accessToken;
  const chosen = alternatives.find((schemes) => schemes.length && schemes.every((scheme) => credential(scheme) !== undefined));
  if (!chosen) return undefined;
  const secret: string[] = [];
  const resolve = async (value: Credential | undefined, id: string) => (typeof value === 'function' ? await value(id) : value) ?? '';
  for (const scheme of chosen) {
    const value = await resolve(credential(scheme), scheme.id);
    if (scheme.type === 'apiKey') {
      if (scheme.in === 'header') secret.push(scheme.name), setHeader(headers, scheme.name, value);
      else if (scheme.in === 'query') query.set(scheme.name, value);
      else secret.push('Cookie'), cookies.push(`${scheme.name}=${encodeURIComponent(value)}`);
    } else {
      const basic = scheme.type === 'basic';
      const token = basic ? btoa(String.fromCharCode(...new TextEncoder().encode(`${value}:${await resolve(config.password, scheme.id)}`))) : value;
      secret.push('Authorization'), setHeader(headers, 'Authorization', `${basic ? 'Basic' : 'Bearer'} ${token}`);
    }
  }
  return secret;
}

function encodeBody(body: unknown, contentType: string, headers: Record<string, string>): BodyInit {
  const entries = () => Object.entries(body as object).flatMap(([name, value]) => (value == null ? [] : [value].flat().map((item) => [name, item] as const)));
  if (/^multipart\/form-data/i.test(contentType)) {
    const form = new FormData();
    for (const [name, item] of entries()) form.append(name, item instanceof Blob ? item : typeof item === 'object' ? JSON.stringify(item) : String(item));
    return form; // fetch sets the Content-Type with the boundary
  }
  setHeader(headers, 'Content-Type', contentType);
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) return new URLSearchParams(entries().map(([name, item]) => [name, String(item)]));
  if (isJson(contentType)) return JSON.stringify(body);
  return body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? (body as BodyInit) : String(body);
}

function isJson(contentType: string): boolean {
  return /^application\/([\w.+-]*\+)?json(;|$)|^\*\/\*/i.test(contentType);
}

/** Decodes a body by kind and Content-Type: empty → undefined; JSON; text; Blob. */
async function decodeBody(response: Response, kind: ResponseKind): Promise<unknown> {
  if (kind === 'void' || response.status === 204) {
    await response.body?.cancel();
    return undefined;
  }
  if (kind === 'blob') return response.blob();
  const text = await response.text();
  if (!text) return undefined;
  if (kind === 'json' && isJson(response.headers.get('Content-Type') ?? 'application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
