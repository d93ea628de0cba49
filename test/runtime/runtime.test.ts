/**
 * Unit tests of the client runtime (src/runtime/runtime.ts) through BaseApi.request, against real
 * node:http servers on 127.0.0.1. Generated clients are exercised end to end in test/e2e.
 */
import { jest } from '@jest/globals';
import { ApiError, BaseApi, Configuration, NetworkError, TimeoutError, type ConfigurationParameters, type RequestOptions, type RequestSpec } from '../../src/runtime/runtime.js';
import { sendJson, startServer, type Handler, type RecordingServer } from '../helpers/http-server.js';

/** Exposes the protected request() for tests. */
class TestApi extends BaseApi {
  call<T = unknown>(spec: Partial<RequestSpec>, options?: RequestOptions) {
    return this.request<T>({ method: 'GET', path: '/', responseKind: 'json', ...spec }, options);
  }
}

const servers: RecordingServer[] = [];
async function serve(handler: Handler): Promise<RecordingServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  jest.restoreAllMocks();
});

const ok: Handler = (_request, response) => sendJson(response, 200, { ok: true });
const api = (server: RecordingServer, parameters: ConfigurationParameters = {}) =>
  new TestApi(new Configuration({ basePath: server.origin, retryDelayMs: 1, ...parameters }));

/** Resolves to what the promise rejected with (fails when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('URL building', () => {
  it('percent-encodes path parameters so "/", "?", "#" and ".." cannot change the path', async () => {
    const server = await serve(ok);
    await api(server).call({ path: '/files/{name}/v/{v}', pathParams: [['name', 'a/../b?c#d'], ['v', '%2e%2E']] });
    expect(server.requests[0]!.url).toBe('/files/a%2F..%2Fb%3Fc%23d/v/%252e%252E');
  });

  it.each(['..', '.'])('rejects a path parameter %p that would be a dot segment, before sending', async (value) => {
    const server = await serve(ok);
    const error = await rejection(api(server).call({ path: '/a/{x}/b', pathParams: [['x', value]] }));
    expect(error).toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a missing path parameter', async () => {
    const server = await serve(ok);
    await expect(api(server).call({ path: '/a/{x}', pathParams: [['x', undefined]] })).rejects.toThrow('Path parameter "x" is missing');
    await expect(api(server).call({ path: '/a/{x}/b/{y}', pathParams: [['x', 'v']] })).rejects.toThrow('Path parameter "y" is missing');
    expect(server.requests).toHaveLength(0);
  });

  it('joins basePath with a trailing slash and keeps its own path; uses the default base path when none is configured', async () => {
    const server = await serve(ok);
    await api(server, { basePath: `${server.origin}/v2/` }).call({ path: '/users' });
    await new TestApi(new Configuration(), `${server.origin}/default`).call({ path: '/x' });
    expect(server.requests.map((r) => r.url)).toEqual(['/v2/users', '/default/x']);
  });

  it('explains a relative base path outside a browser instead of failing obscurely', async () => {
    await expect(new TestApi(new Configuration(), '/v2').call({ path: '/x' })).rejects.toThrow('basePath "/v2" is not absolute');
  });

  it('serialises query parameters per style and explode, skipping undefined and null', async () => {
    const server = await serve(ok);
    await api(server).call({
      query: [
        { name: 'ids', value: [1, 2] },
        { name: 'csv', value: ['a', 'b'], style: 'form', explode: false },
        { name: 'space', value: ['a', 'b'], style: 'spaceDelimited', explode: false },
        { name: 'pipe', value: ['a', 'b'], style: 'pipeDelimited', explode: false },
        { name: 'tab', value: ['a', 'b'], style: 'tabDelimited', explode: false },
        { name: 'deep', value: { k: 'v' }, style: 'deepObject' },
        { name: 'filter', value: { color: 'red', size: 3, none: undefined }, style: 'deepObject', explode: true },
        { name: 'point', value: { x: 1, y: 2 } },
        { name: 'pair', value: { x: 1, y: 2 }, style: 'form', explode: false },
        { name: 'q', value: 'a&b=c' },
        { name: 'skipped', value: undefined },
        { name: 'nulled', value: null },
      ],
    });
    const search = new URL(server.requests[0]!.url, server.origin).searchParams;
    expect([...search]).toEqual([
      ['ids', '1'], ['ids', '2'], ['csv', 'a,b'], ['space', 'a b'], ['pipe', 'a|b'], ['tab', 'a\tb'], ['deep[k]', 'v'],
      ['filter[color]', 'red'], ['filter[size]', '3'], ['x', '1'], ['y', '2'], ['pair', 'x,1,y,2'], ['q', 'a&b=c'],
    ]);
  });
});

describe('path, header and cookie styles', () => {
  const role = { role: 'admin', name: 'Zoë Ü' };
  // The OpenAPI 3 style examples (https://spec.openapis.org/oas/v3.1.0#style-examples), one column per explode value.
  it.each([
    ['simple', false, '5', '3,4,5', 'role,admin,name,Zo%C3%AB%20%C3%9C'],
    ['simple', true, '5', '3,4,5', 'role=admin,name=Zo%C3%AB%20%C3%9C'],
    ['label', false, '.5', '.3,4,5', '.role,admin,name,Zo%C3%AB%20%C3%9C'],
    ['label', true, '.5', '.3.4.5', '.role=admin.name=Zo%C3%AB%20%C3%9C'],
    ['matrix', false, ';id=5', ';id=3,4,5', ';id=role,admin,name,Zo%C3%AB%20%C3%9C'],
    ['matrix', true, ';id=5', ';id=3;id=4;id=5', ';role=admin;name=Zo%C3%AB%20%C3%9C'],
  ] as const)('path style %s, explode %p: primitive, array, object', async (style, explode, primitive, array, object) => {
    const server = await serve(ok);
    for (const value of [5, [3, 4, 5], role]) await api(server).call({ path: '/p/{id}/x', pathParams: [['id', value, style, explode]] });
    expect(server.requests.map((r) => r.url)).toEqual([primitive, array, object].map((text) => `/p/${text}/x`));
  });

  it('percent-encodes the separators inside values, so an item can never pose as two', async () => {
    const server = await serve(ok);
    await api(server).call({ path: '/p/{id}', pathParams: [['id', ['a,b', 'c/d;e=f'], 'matrix', true]] });
    expect(server.requests[0]!.url).toBe('/p/;id=a%2Cb;id=c%2Fd%3Be%3Df');
  });

  it('refuses label or matrix values that would make a dot segment', async () => {
    const server = await serve(ok);
    await expect(api(server).call({ path: '/a/{x}/b', pathParams: [['x', '.', 'label']] })).rejects.toThrow('Path parameter "x" is a dot segment');
    await expect(api(server).call({ path: '/a/{x}/b', pathParams: [['x', '', 'label']] })).rejects.toThrow('Path parameter "x" is a dot segment');
    expect(server.requests).toHaveLength(0);
  });

  it('serialises header arrays and objects in simple style (explode: key=value pairs)', async () => {
    const server = await serve(ok);
    await api(server).call({ headers: [['X-List', [1, 2]], ['X-Obj', { a: 1, b: 'x y' }], ['X-Pairs', { a: 1, b: 2 }, undefined, true]] });
    expect(server.requests[0]!.headers).toMatchObject({ 'x-list': '1,2', 'x-obj': 'a,1,b,x y', 'x-pairs': 'a=1,b=2' });
  });

  it('a header named __proto__ pollutes nothing and is not sent; constructor is an ordinary header', async () => {
    const server = await serve(ok);
    await api(server).call({ headers: [['__proto__', 'p'], ['constructor', 'c']] });
    const raw = server.requests[0]!.rawHeaders;
    const received = (name: string) => raw[raw.findIndex((item, index) => index % 2 === 0 && item.toLowerCase() === name) + 1];
    expect(raw.filter((_item, index) => index % 2 === 0).map((name) => name.toLowerCase())).not.toContain('__proto__');
    expect(received('constructor')).toBe('c');
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('headers and cookies', () => {
  it('sends configuration headers, header parameters, cookies, Accept; per-call headers win', async () => {
    const server = await serve(ok);
    await api(server, { headers: { 'X-App': 'a', 'X-Over': 'config' } }).call(
      { headers: [['X-Ids', [1, 2]], ['X-None', undefined]], cookies: [['theme', 'dark mode'], ['n', 1]], accept: 'application/json' },
      { headers: { 'X-Over': 'call' } },
    );
    const headers = server.requests[0]!.headers;
    expect(headers).toMatchObject({ 'x-app': 'a', 'x-over': 'call', 'x-ids': '1,2', cookie: 'theme=dark%20mode; n=1', accept: 'application/json' });
    expect(headers['x-none']).toBeUndefined();
  });

  it('query parameters and cookies named __proto__ or constructor are sent as ordinary ones', async () => {
    const server = await serve(ok);
    await api(server).call({ query: [{ name: '__proto__', value: 'p' }, { name: 'constructor', value: 'c' }], cookies: [['__proto__', 'p'], ['constructor', 'c']] });
    expect(server.requests[0]!.url).toBe('/?__proto__=p&constructor=c');
    expect(server.requests[0]!.headers.cookie).toBe('__proto__=p; constructor=c');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it.each([['header parameter', { headers: [['X-A', 'v\r\nX-Injected: 1']] }], ['cookie via header option', {}]] as const)(
    'rejects CR/LF in a %s before sending',
    async (_label, spec) => {
      const server = await serve(ok);
      const options = 'headers' in spec ? {} : { headers: { 'X-B': 'a\nb' } };
      await expect(api(server).call(spec as Partial<RequestSpec>, options)).rejects.toThrow(/line break/);
      expect(server.requests).toHaveLength(0);
    },
  );
});

describe('request bodies by content type', () => {
  it('JSON', async () => {
    const server = await serve(ok);
    await api(server).call({ method: 'POST', body: { a: [1, 'x'] }, contentType: 'application/merge-patch+json' });
    expect(server.requests[0]!.headers['content-type']).toBe('application/merge-patch+json');
    expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ a: [1, 'x'] });
  });

  it('form-urlencoded, arrays repeated, null skipped', async () => {
    const server = await serve(ok);
    await api(server).call({ method: 'POST', body: { name: 'a b', tags: ['x', 'y'], gone: null }, contentType: 'application/x-www-form-urlencoded' });
    expect(server.requests[0]!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(server.requests[0]!.body.toString()).toBe('name=a+b&tags=x&tags=y');
  });

  it('multipart with a Blob file, strings and a JSON object part', async () => {
    const server = await serve(ok);
    const file = new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'image/png' });
    await api(server).call({ method: 'POST', body: { file, name: 'n', meta: { k: 1 } }, contentType: 'multipart/form-data' });
    const request = server.requests[0]!;
    const boundary = /boundary=(.+)$/.exec(request.headers['content-type'] ?? '')![1]!;
    const form = await new Response(new Uint8Array(request.body), { headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } }).formData();
    const part = form.get('file') as Blob;
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(part.type).toBe('image/png');
    expect(form.get('name')).toBe('n');
    expect(form.get('meta')).toBe('{"k":1}');
  });

  it('binary (Blob and Uint8Array) and text', async () => {
    const server = await serve(ok);
    await api(server).call({ method: 'PUT', body: new Uint8Array([9, 8]), contentType: 'application/octet-stream' });
    await api(server).call({ method: 'PUT', body: new Blob(['raw']), contentType: 'application/octet-stream' });
    await api(server).call({ method: 'POST', body: 'plain text', contentType: 'text/plain' });
    expect(server.requests.map((r) => [r.headers['content-type'], [...r.body]])).toEqual([
      ['application/octet-stream', [9, 8]],
      ['application/octet-stream', [...Buffer.from('raw')]],
      ['text/plain', [...Buffer.from('plain text')]],
    ]);
  });
});

describe('response decoding', () => {
  const reply = (status: number, contentType: string | undefined, body: string | Buffer): Handler => (_request, response) => {
    response.writeHead(status, contentType ? { 'Content-Type': contentType } : {});
    response.end(body);
  };

  it.each([
    ['JSON', 'json', 200, 'application/json', '{"a":1}', { a: 1 }],
    ['JSON without a Content-Type', 'json', 200, undefined, '[1]', [1]],
    ['text/plain where JSON was expected', 'json', 200, 'text/plain', 'hello', 'hello'],
    ['a JSON scalar labelled text/plain stays text', 'json', 200, 'text/plain', '123', '123'],
    ['a JSON object or array is parsed whatever its label', 'json', 200, 'text/plain', '{"a":[1]}', { a: [1] }],
    ['text starting like JSON but not JSON stays text', 'json', 200, 'text/html', '[not json', '[not json'],
    ['text', 'text', 200, 'text/plain', '{"not":"parsed"}', '{"not":"parsed"}'],
    ['an empty JSON body', 'json', 200, 'application/json', '', undefined],
    ['204', 'json', 204, undefined, '', undefined],
    ['void', 'void', 200, 'application/json', '{"ignored":true}', undefined],
  ] as const)('%s', async (_label, responseKind, status, contentType, body, expected) => {
    const server = await serve(reply(status, contentType, body));
    const result = await api(server).call({ responseKind });
    expect(result.data).toEqual(expected);
    expect(result.status).toBe(status);
  });

  it('Blob, with the raw response and headers', async () => {
    const server = await serve(reply(200, 'application/pdf', Buffer.from([1, 2, 3])));
    const result = await api(server).call<Blob>({ responseKind: 'blob' });
    expect(result.data).toBeInstanceOf(Blob);
    expect(new Uint8Array(await result.data.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(result.headers.get('content-type')).toBe('application/pdf');
    expect(result.response).toBeInstanceOf(Response);
  });
});

describe('errors', () => {
  it('non-2xx throws ApiError with status, headers, parsed body, response and a message naming method, URL and status', async () => {
    const server = await serve((_request, response) => sendJson(response, 422, { detail: 'bad' }, { 'X-Trace': 't1' }));
    const error = (await rejection(api(server).call({ method: 'DELETE', path: '/s/{id}', pathParams: [['id', 'a b']] }))) as ApiError<{ detail: string }>;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'ApiError', status: 422, body: { detail: 'bad' } });
    expect(error.headers.get('x-trace')).toBe('t1');
    expect(error.response.status).toBe(422);
    expect(error.message).toBe(`DELETE ${server.origin}/s/a%20b failed with status 422`);
  });

  it('messages leave the query out: an API key or personal data in it never reaches logs', async () => {
    const server = await serve((_request, response) => sendJson(response, 404, {}));
    const security = [[{ id: 'key', type: 'apiKey', in: 'query', name: 'api_key' }]] as RequestSpec['security'];
    const error = (await rejection(api(server, { apiKey: 'SECRET' }).call({ path: '/x', query: [{ name: 'email', value: 'me@example.com' }], security }))) as ApiError;
    expect(server.requests[0]!.url).toBe('/x?email=me%40example.com&api_key=SECRET');
    expect(error.message).toBe(`GET ${server.origin}/x failed with status 404`);
  });

  it('a text error body stays text', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(409, { 'Content-Type': 'text/plain' });
      response.end('conflict');
    });
    expect(await rejection(api(server).call({ method: 'POST' }))).toMatchObject({ status: 409, body: 'conflict' });
  });

  it('connection refused throws NetworkError with cause, after the default 2 retries for GET', async () => {
    const server = await serve(ok);
    const origin = server.origin;
    await server.close();
    const fetchApi = jest.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const error = (await rejection(new TestApi(new Configuration({ basePath: origin, retryDelayMs: 1, fetchApi })).call({ path: '/x' }))) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.name).toBe('NetworkError');
    expect(error.message).toMatch(new RegExp(`^GET ${origin}/x failed: `));
    expect(error.cause).toHaveProperty('message', 'fetch failed'); // undici's error, from Node's realm
    expect(fetchApi).toHaveBeenCalledTimes(3);
  });

  it('an attempt over timeoutMs throws TimeoutError (global setting; per-call wins); a caller abort rejects with its AbortError', async () => {
    const server = await serve(() => undefined); // never answers
    const slow = api(server, { timeoutMs: 10_000, retries: 0 });
    const timeout = (await rejection(slow.call({ path: '/slow' }, { timeoutMs: 30 }))) as TimeoutError;
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(timeout.message).toBe(`GET ${server.origin}/slow timed out after 30 ms`);
    expect(timeout.cause).toBeDefined();

    const quick = api(server, { timeoutMs: 30, retries: 0 });
    expect(await rejection(quick.call({ path: '/slow' }))).toBeInstanceOf(TimeoutError);

    const controller = new AbortController();
    const pending = rejection(slow.call({ path: '/slow' }, { signal: controller.signal }));
    while (server.requests.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const aborted = (await pending) as DOMException;
    expect(aborted.name).toBe('AbortError');
    expect(aborted).not.toBeInstanceOf(TimeoutError);
  });

  it('a timeout also covers a body that stalls after the headers', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"a":');
    });
    expect(await rejection(api(server, { retries: 0 }).call({}, { timeoutMs: 50 }))).toBeInstanceOf(TimeoutError);
  });

  it('an already aborted signal sends nothing', async () => {
    const server = await serve(ok);
    const controller = new AbortController();
    controller.abort();
    expect(await rejection(api(server).call({}, { signal: controller.signal }))).toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  const failing = (status: number, headers: Record<string, string> = {}): Handler => (_request, response) => sendJson(response, status, { status }, headers);

  it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])('%s: up to 2 retries on 408, 429, 502, 503, 504, then the last ApiError', async (method) => {
    for (const status of [408, 429, 502, 503, 504]) {
      const server = await serve(failing(status));
      const error = await rejection(api(server).call({ method }));
      expect(error).toMatchObject({ status });
      expect(server.requests).toHaveLength(3);
    }
  });

  it('stops retrying at the first success', async () => {
    const server = await serve((_request, response, index) => (index < 2 ? sendJson(response, 503, {}) : sendJson(response, 200, { n: index })));
    expect((await api(server).call({})).data).toEqual({ n: 2 });
  });

  it.each([400, 401, 404, 409, 500, 501])('does not retry %d', async (status) => {
    const server = await serve(failing(status));
    await rejection(api(server).call({}));
    expect(server.requests).toHaveLength(1);
  });

  it('POST and PATCH are not retried unless the call asks; configuration retries and per-call retries: 0 turn it off', async () => {
    const post = await serve(failing(503));
    await rejection(api(post).call({ method: 'POST' }));
    await rejection(api(post).call({ method: 'PATCH' }));
    expect(post.requests).toHaveLength(2);
    await rejection(api(post).call({ method: 'POST' }, { retries: 1 }));
    expect(post.requests).toHaveLength(4);

    const get = await serve(failing(503));
    await rejection(api(get, { retries: 0 }).call({}));
    await rejection(api(get).call({}, { retries: 0 }));
    await rejection(api(get, { retries: 5 }).call({}));
    expect(get.requests).toHaveLength(1 + 1 + 6);
  });

  it('explicit undefined settings fall back to the defaults (never endless retries)', () => {
    const config = new Configuration({ retries: undefined, retryDelayMs: undefined, maxRetryDelayMs: undefined, headers: undefined });
    expect([config.retries, config.retryDelayMs, config.maxRetryDelayMs, config.headers, config.middleware]).toEqual([2, 500, 60000, {}, []]);
  });

  it('retries network errors (connection reset)', async () => {
    const server = await serve((request, response, index) => (index === 0 ? response.socket?.destroy() : sendJson(response, 200, { index })));
    expect((await api(server).call({})).data).toEqual({ index: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('backs off exponentially with jitter between 50% and 100% of retryDelayMs × 2^attempt', async () => {
    const waits: number[] = [];
    const setTimeoutSpy = jest.spyOn(globalThis, 'setTimeout');
    const server = await serve(failing(503));
    await rejection(api(server, { retryDelayMs: 20, retries: 3 }).call({}));
    for (const call of setTimeoutSpy.mock.calls) waits.push(call[1] as number);
    const backoffs = waits.filter((ms) => ms > 0);
    expect(backoffs).toHaveLength(3);
    backoffs.forEach((ms, attempt) => {
      expect(ms).toBeGreaterThanOrEqual(10 * 2 ** attempt);
      expect(ms).toBeLessThanOrEqual(20 * 2 ** attempt);
    });
  });

  it('caps the backoff at maxRetryDelayMs', async () => {
    const setTimeoutSpy = jest.spyOn(globalThis, 'setTimeout');
    jest.spyOn(Math, 'random').mockReturnValue(0.999);
    const server = await serve(failing(503));
    await rejection(api(server, { retryDelayMs: 8, maxRetryDelayMs: 10, retries: 3 }).call({}));
    const backoffs = setTimeoutSpy.mock.calls.map((call) => call[1] as number).filter((ms) => ms > 0);
    expect(backoffs.map(Math.round)).toEqual([8, 10, 10]);
  });

  it('honours Retry-After in seconds and as an HTTP date; gives up when it exceeds maxRetryDelayMs', async () => {
    const setTimeoutSpy = jest.spyOn(globalThis, 'setTimeout');
    const seconds = await serve((_request, response, index) => (index === 0 ? sendJson(response, 429, {}, { 'Retry-After': '1' }) : sendJson(response, 200, 'ok')));
    const started = Date.now();
    expect((await api(seconds).call({})).data).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(setTimeoutSpy.mock.calls.map((call) => call[1])).toContain(1000);

    const date = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 503, {}, { 'Retry-After': new Date(Date.now() + 2000).toUTCString() }) : sendJson(response, 200, 'ok'),
    );
    setTimeoutSpy.mockClear();
    expect((await api(date).call({})).data).toBe('ok');
    const waited = setTimeoutSpy.mock.calls.map((call) => call[1] as number).filter((ms) => ms > 0);
    expect(waited).toHaveLength(1);
    expect(waited[0]).toBeGreaterThan(900); // HTTP dates have whole seconds
    expect(waited[0]).toBeLessThanOrEqual(2000);

    const tooLong = await serve(failing(503, { 'Retry-After': '120' }));
    expect(await rejection(api(tooLong, { maxRetryDelayMs: 5000 }).call({}))).toMatchObject({ status: 503 });
    expect(tooLong.requests).toHaveLength(1);
  });

  it('a Retry-After date in the past retries at once rather than after the backoff', async () => {
    const setTimeoutSpy = jest.spyOn(globalThis, 'setTimeout');
    const server = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 503, {}, { 'Retry-After': new Date(Date.now() - 60_000).toUTCString() }) : sendJson(response, 200, 'ok'),
    );
    expect((await api(server, { retryDelayMs: 5000 }).call({})).data).toBe('ok');
    expect(setTimeoutSpy.mock.calls.map((call) => call[1])).toEqual([0]);
  });

  it('an abort during the backoff wait rejects at once with the AbortError and sends nothing more', async () => {
    const server = await serve(failing(503, { 'Retry-After': '30' }));
    const controller = new AbortController();
    const pending = rejection(api(server).call({}, { signal: controller.signal }));
    while (server.requests.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });

  it('re-sends the same body on every attempt', async () => {
    const server = await serve((_request, response, index) => (index < 2 ? sendJson(response, 503, {}) : sendJson(response, 201, {})));
    await api(server).call({ method: 'PUT', body: { a: 1 } });
    await api(server).call({ method: 'POST', body: { file: new Blob(['x']) }, contentType: 'multipart/form-data' }, { retries: 1 });
    expect(server.requests.slice(0, 3).map((r) => r.body.toString())).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(server.requests[3]!.body.toString()).toContain('name="file"');
  });
});

describe('middleware', () => {
  it('pre may change url and init, post may replace the response; they run in array order on every attempt', async () => {
    const server = await serve((request, response, index) => (index === 0 ? sendJson(response, 503, {}) : sendJson(response, 200, { url: request.url })));
    const order: string[] = [];
    const result = await api(server, {
      middleware: [
        {
          pre: ({ url, init }) => {
            order.push('pre1');
            const headers = new Headers(init.headers);
            headers.set('X-Trace-Id', 'trace-1');
            return { url: url + '?tag=1', init: { ...init, headers } };
          },
          post: ({ response }) => void order.push(`post1:${response.status}`),
        },
        {
          pre: ({ url }) => void order.push(`pre2:${new URL(url).search}`),
          post: async ({ response }) => {
            order.push('post2');
            return response.status === 200 ? new Response(JSON.stringify({ replaced: await response.json() }), { status: 200, headers: { 'Content-Type': 'application/json' } }) : undefined;
          },
        },
      ],
    }).call({ path: '/m' });
    expect(result.data).toEqual({ replaced: { url: '/m?tag=1' } });
    expect(server.requests.map((r) => r.headers['x-trace-id'])).toEqual(['trace-1', 'trace-1']);
    expect(order).toEqual(['pre1', 'pre2:?tag=1', 'post1:503', 'post2', 'pre1', 'pre2:?tag=1', 'post1:200', 'post2']);
  });

  it('onError sees the NetworkError and may recover with a Response; otherwise the error propagates', async () => {
    const seen: unknown[] = [];
    const fetchApi = (() => Promise.reject(new TypeError('socket hang up'))) as typeof fetch;
    const recovering = new TestApi(
      new Configuration({
        basePath: 'http://127.0.0.1:9',
        fetchApi,
        middleware: [{ onError: ({ error }) => void seen.push(error) }, { onError: () => new Response('cached', { status: 200 }) }],
      }),
    );
    expect((await recovering.call({})).data).toBe('cached');
    expect(seen[0]).toBeInstanceOf(NetworkError);
    expect((seen[0] as NetworkError).cause).toMatchObject({ message: 'socket hang up' });

    const passing = new TestApi(new Configuration({ basePath: 'http://127.0.0.1:9', fetchApi, retries: 0, middleware: [{ onError: () => undefined }] }));
    expect(await rejection(passing.call({}))).toBeInstanceOf(NetworkError);
  });

  it('a custom fetchApi receives the final URL and init', async () => {
    const calls: [string, RequestInit][] = [];
    const fetchApi = (async (url: string, init: RequestInit) => (calls.push([url, init]), new Response(null, { status: 204 }))) as typeof fetch;
    await new TestApi(new Configuration({ basePath: 'https://api.test/v1', fetchApi, credentials: 'include' })).call({ method: 'DELETE', path: '/x' });
    expect(calls[0]![0]).toBe('https://api.test/v1/x');
    expect(calls[0]![1]).toMatchObject({ method: 'DELETE', credentials: 'include' });
  });
});

describe('auth', () => {
  const key = { id: 'Key', type: 'apiKey', in: 'header', name: 'X-API-Key' } as const;
  const queryKey = { id: 'QueryKey', type: 'apiKey', in: 'query', name: 'api_key' } as const;
  const cookieKey = { id: 'CookieKey', type: 'apiKey', in: 'cookie', name: 'sid' } as const;
  const bearer = { id: 'Bearer', type: 'bearer' } as const;
  const basic = { id: 'Basic', type: 'basic' } as const;

  it('apiKey in header, query and cookie under the spec names; bearer; basic (UTF-8)', async () => {
    const server = await serve(ok);
    const client = api(server, { apiKey: 'k1', accessToken: 't1', username: 'zoë', password: 'p:w' });
    await client.call({ security: [[key]] });
    await client.call({ security: [[queryKey]], query: [{ name: 'q', value: 1 }] });
    await client.call({ security: [[cookieKey]], cookies: [['theme', 'x']] });
    await client.call({ security: [[bearer]] });
    await client.call({ security: [[basic]] });
    const [header, query, cookie, bearerRequest, basicRequest] = server.requests;
    expect(header!.headers['x-api-key']).toBe('k1');
    expect(query!.url).toBe('/?q=1&api_key=k1');
    expect(cookie!.headers.cookie).toBe('theme=x; sid=k1');
    expect(bearerRequest!.headers.authorization).toBe('Bearer t1');
    expect(basicRequest!.headers.authorization).toBe(`Basic ${Buffer.from('zoë:p:w').toString('base64')}`);
  });

  it('a credential replaces an operation parameter of the same name in the query and the cookies', async () => {
    const server = await serve(ok);
    const client = api(server, { apiKey: 'k1' });
    await client.call({ security: [[queryKey]], query: [{ name: 'api_key', value: ['p1', 'p2'] }, { name: 'q', value: 1 }] });
    await client.call({ security: [[cookieKey]], cookies: [['sid', 'param'], ['theme', 'x']] });
    expect(server.requests[0]!.url).toBe('/?q=1&api_key=k1');
    expect(server.requests[1]!.headers.cookie).toBe('theme=x; sid=k1');
  });

  it('credentials may be (async) functions, called per request with the scheme name', async () => {
    const server = await serve(ok);
    let n = 0;
    const accessToken = jest.fn(async (scheme: string) => `${scheme}-${++n}`);
    const client = api(server, { accessToken });
    await client.call({ security: [[bearer]] });
    await client.call({ security: [[bearer]] });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer Bearer-1', 'Bearer Bearer-2']);
    expect(accessToken).toHaveBeenCalledWith('Bearer');
  });

  it('picks the first alternative whose credentials are all configured; `{}` allows anonymous calls; never sends unrequired credentials', async () => {
    const server = await serve(ok);
    const keyOnly = api(server, { apiKey: 'k' });
    await keyOnly.call({ security: [[bearer], [key, queryKey]] }); // both apiKey schemes of the second alternative
    await keyOnly.call({ security: [[], [bearer]] }); // optional auth, token not configured
    await api(server).call({ security: [[], [key]] }); // optional, nothing configured
    await keyOnly.call({}); // public operation
    await api(server, { apiKey: 'k', accessToken: 't' }).call({ security: [[], [bearer]] }); // optional but configured
    const [both, optional, anonymous, publicCall, optionalWithToken] = server.requests;
    expect(both!.headers['x-api-key']).toBe('k');
    expect(both!.url).toBe('/?api_key=k');
    expect(both!.headers.authorization).toBeUndefined();
    for (const request of [optional, anonymous, publicCall]) {
      expect(request!.headers.authorization).toBeUndefined();
      expect(request!.headers['x-api-key']).toBeUndefined();
    }
    expect(optionalWithToken!.headers.authorization).toBe('Bearer t');
  });

  it('the error message never shows a query credential', async () => {
    const server = await serve((_request, response) => sendJson(response, 404, {}));
    const error = (await rejection(api(server, { apiKey: 'secret' }).call({ security: [[queryKey]] }))) as ApiError;
    expect(server.requests[0]!.url).toBe('/?api_key=secret');
    expect(error.message).not.toContain('secret');
  });
});

describe('redirects', () => {
  const security = [[{ id: 'Key', type: 'apiKey', in: 'header', name: 'X-API-Key' } as const, { id: 'Bearer', type: 'bearer' } as const]];
  const cookieSecurity = [[{ id: 'C', type: 'apiKey', in: 'cookie', name: 'sid' } as const]];

  it('credentials never reach another origin; other headers and the same origin keep them', async () => {
    const other = await serve(ok);
    const first = await serve((request, response) => {
      if (request.url === '/start') {
        response.writeHead(302, { Location: '/same' }).end();
      } else {
        response.writeHead(307, { Location: `${other.origin}/landing` }).end();
      }
    });
    const result = await api(first, { apiKey: 'k', accessToken: 't', headers: { 'X-App': 'a' } }).call({ path: '/start', security });
    expect(result.data).toEqual({ ok: true });
    expect(first.requests.map((r) => [r.url, r.headers['x-api-key'], r.headers.authorization])).toEqual([
      ['/start', 'k', 'Bearer t'],
      ['/same', 'k', 'Bearer t'],
    ]);
    const landed = other.requests[0]!;
    expect(landed.url).toBe('/landing');
    expect(landed.headers['x-api-key']).toBeUndefined();
    expect(landed.headers.authorization).toBeUndefined();
    expect(landed.headers['x-app']).toBe('a');
  });

  it('a cookie credential is dropped cross-origin; 303 turns POST into a GET without body; 307 keeps method and body', async () => {
    const other = await serve(ok);
    const first = await serve((request, response) => {
      response.writeHead(request.url === '/see-other' ? 303 : 307, { Location: `${other.origin}${request.url}` }).end();
    });
    const client = api(first, { apiKey: 'k' });
    await client.call({ method: 'POST', path: '/see-other', body: { a: 1 }, security: cookieSecurity });
    await client.call({ method: 'POST', path: '/temporary', body: { a: 2 }, security: cookieSecurity });
    expect(first.requests.map((r) => r.headers.cookie)).toEqual(['sid=k', 'sid=k']);
    expect(other.requests.map((r) => [r.method, r.url, r.headers.cookie, r.headers['content-type'], r.body.toString()])).toEqual([
      ['GET', '/see-other', undefined, undefined, ''],
      ['POST', '/temporary', undefined, 'application/json', '{"a":2}'],
    ]);
  });

  it('stops after 20 redirects with a NetworkError', async () => {
    const loop = await serve((_request, response) => response.writeHead(302, { Location: '/again' }).end());
    const error = await rejection(api(loop, { apiKey: 'k', retries: 0 }).call({ security: cookieSecurity }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(loop.requests).toHaveLength(21);
  });
});
