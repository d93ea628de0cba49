/*
 * oasgen client runtime: Configuration, BaseApi, ApiError and the request pipeline.
 * Copied verbatim into every generated client. It depends only on web-platform globals
 * (fetch, URL, Headers, AbortSignal, Blob, FormData) so it runs in Node >= 18, browsers, Deno and Bun.
 */

/** A value, or a function (possibly async) that returns it: lets tokens refresh. */
export type Credential = string | (() => string | Promise<string>);

/** Settings shared by every API class of a client. */
export interface ConfigurationParameters {
  /** Base URL that operation paths are appended to. Default: the spec's first server. */
  basePath?: string;
  /** Value for apiKey security schemes (header, query or cookie, as the spec says). */
  apiKey?: Credential;
  /** Bearer token for HTTP bearer, OAuth2 and OpenID Connect schemes. */
  accessToken?: Credential;
  /** User name for HTTP basic authentication. */
  username?: string;
  /** Password for HTTP basic authentication. */
  password?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** `credentials` mode passed to fetch (browsers). */
  credentials?: RequestCredentials;
  /** Custom fetch implementation (for tests, proxies or instrumentation). */
  fetchApi?: typeof fetch;
}

/** Client configuration, shared by the API classes. */
export class Configuration {
  readonly basePath: string | undefined;
  readonly apiKey: Credential | undefined;
  readonly accessToken: Credential | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly headers: Record<string, string>;
  readonly credentials: RequestCredentials | undefined;
  readonly fetchApi: typeof fetch | undefined;

  constructor(parameters: ConfigurationParameters = {}) {
    this.basePath = parameters.basePath;
    this.apiKey = parameters.apiKey;
    this.accessToken = parameters.accessToken;
    this.username = parameters.username;
    this.password = parameters.password;
    this.headers = { ...parameters.headers };
    this.credentials = parameters.credentials;
    this.fetchApi = parameters.fetchApi;
  }
}

/** Per-call options; they override the Configuration for one request. */
export interface RequestOptions {
  /** Aborts the request. */
  signal?: AbortSignal;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** What the `xxxRaw` methods return: the decoded body plus the HTTP details. */
export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  data: T;
  response: Response;
}

/** Thrown for a non-2xx response; `body` is the decoded error body. */
export class ApiError<TBody = unknown> extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly body: TBody,
    readonly response: Response,
    method: string,
    url: string,
  ) {
    super(`${method} ${url} failed with status ${status}`);
  }
}

/** A security scheme as the generated code describes it to the runtime. */
export type SecurityScheme =
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { type: 'http'; scheme: 'bearer' | 'basic' }
  | { type: 'oauth2' | 'openIdConnect' };

/** One query parameter with its serialisation style. */
export interface QueryParameter {
  name: string;
  value: unknown;
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
}

/** How a response body is decoded. */
export type ResponseKind = 'json' | 'text' | 'blob' | 'void';

/** Everything the generated method knows about one request. */
export interface RequestSpec {
  method: string;
  /** Path template, e.g. `/sessions/{session_id}`. */
  path: string;
  /** Name/value pairs (pairs rather than objects: spec names such as `__proto__` stay plain data). */
  pathParams?: [string, unknown][];
  query?: QueryParameter[];
  headers?: [string, unknown][];
  cookies?: [string, unknown][];
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Alternatives; each lists the schemes that must all apply. An empty alternative means none. */
  security?: SecurityScheme[][];
  /** Decoding of 2xx bodies. */
  responseKind: ResponseKind;
}

/** Base class of every generated API class. */
export class BaseApi {
  protected readonly configuration: Configuration;

  constructor(configuration: Configuration = new Configuration(), protected readonly defaultBasePath: string = '') {
    this.configuration = configuration;
  }

  /** Sends the request and decodes the response; throws ApiError on non-2xx. */
  protected async request<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const config = this.configuration;
    const url = new URL(joinUrl(config.basePath ?? this.defaultBasePath, expandPath(spec.path, spec.pathParams)));
    appendQuery(url, spec.query ?? []);
    const headers = new Headers();
    for (const [name, value] of Object.entries(config.headers)) setHeader(headers, name, value);
    for (const [name, value] of spec.headers ?? []) {
      if (value !== undefined && value !== null) setHeader(headers, name, headerValue(value));
    }
    const cookies: string[] = [];
    for (const [name, value] of spec.cookies ?? []) {
      if (value !== undefined && value !== null) cookies.push(`${name}=${encodeURIComponent(headerValue(value))}`);
    }
    await applySecurity(config, spec.security ?? [], url, headers, cookies);
    if (cookies.length > 0) setHeader(headers, 'Cookie', cookies.join('; '));
    if (spec.accept) setHeader(headers, 'Accept', spec.accept);
    const init: RequestInit = { method: spec.method, headers };
    if (spec.body !== undefined) {
      init.body = encodeBody(spec.body, spec.contentType ?? 'application/json', headers);
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) setHeader(headers, name, value);
    if (options.signal) init.signal = options.signal;
    if (config.credentials) init.credentials = config.credentials;

    const fetchApi = config.fetchApi ?? globalThis.fetch;
    const response = await fetchApi(url.toString(), init);
    if (response.status < 200 || response.status > 299) {
      const body = await decodeBody(response, 'json');
      throw new ApiError(response.status, response.headers, body, response, spec.method, url.toString());
    }
    const data = (await decodeBody(response, spec.responseKind)) as T;
    return { status: response.status, headers: response.headers, data, response };
  }
}

function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/** Substitutes path parameters, percent-encoding every character that could change the path. */
function expandPath(template: string, pairs: [string, unknown][] = []): string {
  const params = new Map(pairs);
  return template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = params.get(name);
    if (value === undefined || value === null) throw new TypeError(`Missing required path parameter "${name}"`);
    const text = String(value);
    // URL parsing (here and in fetch) resolves '.' and '..' segments, percent-encoded or not
    // ('%2E%2E' too): `getSession('..')` would reach the parent resource. No encoding survives.
    if (text === '.' || text === '..') throw new TypeError(`Path parameter "${name}" cannot be "${text}"`);
    return encodeURIComponent(text);
  });
}

function appendQuery(url: URL, query: QueryParameter[]): void {
  for (const param of query) {
    const { name, value } = param;
    if (value === undefined || value === null) continue;
    const explode = param.explode ?? true;
    const style = param.style ?? 'form';
    if (Array.isArray(value)) {
      if (style === 'form' && explode) {
        for (const item of value) url.searchParams.append(name, String(item));
      } else {
        const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
        url.searchParams.append(name, value.map(String).join(separator));
      }
    } else if (typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
      if (style === 'deepObject') {
        for (const [key, item] of entries) url.searchParams.append(`${name}[${key}]`, String(item));
      } else if (explode) {
        for (const [key, item] of entries) url.searchParams.append(key, String(item));
      } else {
        url.searchParams.append(name, entries.map(([key, item]) => `${key},${String(item)}`).join(','));
      }
    } else {
      url.searchParams.append(name, String(value));
    }
  }
}

function headerValue(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

/** Rejects CR/LF so a value can never start a new header. */
function setHeader(headers: Headers, name: string, value: string): void {
  if (/[\r\n]/.test(value)) throw new TypeError(`Header "${name}" contains a line break`);
  headers.set(name, value);
}

async function resolveCredential(credential: Credential | undefined): Promise<string | undefined> {
  return typeof credential === 'function' ? await credential() : credential;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function hasCredentials(config: Configuration, scheme: SecurityScheme): boolean {
  if (scheme.type === 'apiKey') return config.apiKey !== undefined;
  if (scheme.type === 'http' && scheme.scheme === 'basic') return config.username !== undefined;
  return config.accessToken !== undefined;
}

/** Applies the first security alternative whose credentials are all configured. */
async function applySecurity(
  config: Configuration,
  alternatives: SecurityScheme[][],
  url: URL,
  headers: Headers,
  cookies: string[],
): Promise<void> {
  const chosen = alternatives.find((schemes) => schemes.every((scheme) => hasCredentials(config, scheme)));
  for (const scheme of chosen ?? []) {
    if (scheme.type === 'apiKey') {
      const key = (await resolveCredential(config.apiKey)) ?? '';
      if (scheme.in === 'header') setHeader(headers, scheme.name, key);
      else if (scheme.in === 'query') url.searchParams.set(scheme.name, key);
      else cookies.push(`${scheme.name}=${encodeURIComponent(key)}`);
    } else if (scheme.type === 'http' && scheme.scheme === 'basic') {
      setHeader(headers, 'Authorization', `Basic ${base64(`${config.username ?? ''}:${config.password ?? ''}`)}`);
    } else {
      setHeader(headers, 'Authorization', `Bearer ${(await resolveCredential(config.accessToken)) ?? ''}`);
    }
  }
}

function encodeBody(body: unknown, contentType: string, headers: Headers): BodyInit {
  if (contentType === 'multipart/form-data') {
    const form = new FormData();
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        form.append(name, item instanceof Blob ? item : typeof item === 'object' ? JSON.stringify(item) : String(item));
      }
    }
    return form; // fetch sets the boundary
  }
  setHeader(headers, 'Content-Type', contentType);
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) form.append(name, String(item));
    }
    return form;
  }
  if (isJsonMediaType(contentType)) return JSON.stringify(body);
  if (body instanceof Blob || typeof body === 'string' || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return body as BodyInit;
  }
  return String(body);
}

function isJsonMediaType(contentType: string): boolean {
  return /^application\/(?:[\w.+-]*\+)?json(?:;|$)/i.test(contentType);
}

/** Decodes a body: empty → undefined; JSON by content type; text; or Blob. */
async function decodeBody(response: Response, kind: ResponseKind): Promise<unknown> {
  if (kind === 'void' || response.status === 204 || response.status === 205) {
    await response.body?.cancel();
    return undefined;
  }
  if (kind === 'blob') return response.blob();
  const text = await response.text();
  if (text === '') return undefined;
  const contentType = response.headers.get('Content-Type') ?? '';
  if (kind === 'json' || isJsonMediaType(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
