/**
 * Auth end to end: a client generated from test/fixtures/specs/runtime-auth.yaml sends each
 * scheme's credential where the spec says, follows the operation's requirement (global, optional
 * `{}`, alternatives, none), and never forwards credentials to another origin on a redirect.
 */
import { sendJson, startServer, type RecordingServer } from '../helpers/http-server.js';
import { fixtureSpec, generateClient, type GeneratedClient } from './generate-client.js';

let client: GeneratedClient;
let server: RecordingServer;
let other: RecordingServer;
beforeAll(async () => {
  client = await generateClient(fixtureSpec('runtime-auth.yaml'));
  other = await startServer((_request, response) => sendJson(response, 200, { ok: 'other' }));
  server = await startServer((request, response) => {
    if (request.headers['x-redirect'] === 'away') response.writeHead(302, { Location: `${other.origin}/landed` }).end();
    else sendJson(response, 200, { ok: true });
  });
});
afterAll(async () => {
  await Promise.all([server.close(), other.close(), client.remove()]);
});
beforeEach(() => {
  server.requests.length = 0;
  other.requests.length = 0;
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const authApi = (settings: Record<string, unknown> = {}): any => new client.module.AuthApi(new client.module.Configuration({ basePath: `${server.origin}/api`, ...settings }));
const only = () => {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
};

describe('credentials per scheme, under the names the spec gives', () => {
  const all = { apiKey: 'key-1', accessToken: 'token-1', username: 'user', password: 'pa:ss' };

  it('apiKey in a header (X-API-Key)', async () => {
    await expect(authApi(all).withHeaderKey()).resolves.toEqual({ ok: true });
    expect(only().headers['x-api-key']).toBe('key-1');
    expect(only().headers.authorization).toBeUndefined();
  });

  it('apiKey in the query (api_key), beside the operation\'s own query parameters', async () => {
    await authApi(all).withQueryKey({ page: 2 });
    expect(only().url).toBe('/api/query?page=2&api_key=key-1');
  });

  it('apiKey in a cookie (session_id)', async () => {
    await authApi(all).withCookieKey();
    expect(only().headers.cookie).toBe('session_id=key-1');
  });

  it('HTTP bearer from the global requirement', async () => {
    await authApi(all).withGlobalBearer();
    expect(only().headers.authorization).toBe('Bearer token-1');
  });

  it('HTTP basic', async () => {
    await authApi(all).withBasic();
    expect(only().headers.authorization).toBe(`Basic ${Buffer.from('user:pa:ss').toString('base64')}`);
  });

  it.each([['OAuth2', 'withOAuth', 'OAuth'], ['OpenID Connect', 'withOpenId', 'Oidc']])('%s sends the access token as a bearer token; a function credential gets the scheme name', async (_label, method, scheme) => {
    const seen: string[] = [];
    await authApi({ accessToken: async (name: string) => (seen.push(name), `fresh-${name}`) })[method]();
    expect(only().headers.authorization).toBe(`Bearer fresh-${scheme}`);
    expect(seen).toEqual([scheme]);
  });

  it('an async credential function is called for every request, so tokens can refresh', async () => {
    let n = 0;
    const api = authApi({ accessToken: async () => `t${++n}` });
    await api.withGlobalBearer();
    await api.withGlobalBearer();
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });
});

describe('security requirements', () => {
  it('optional `{}`: anonymous without a key, the key when configured', async () => {
    await authApi().withOptionalKey();
    await authApi({ apiKey: 'k' }).withOptionalKey();
    expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual([undefined, 'k']);
  });

  it('alternatives: bearer when a token is configured, else header key AND query key together', async () => {
    await authApi({ accessToken: 't', apiKey: 'k' }).withAlternatives();
    await authApi({ apiKey: 'k' }).withAlternatives();
    const [bearer, keys] = server.requests;
    expect([bearer!.headers.authorization, bearer!.headers['x-api-key'], bearer!.url]).toEqual(['Bearer t', undefined, '/api/alternatives']);
    expect([keys!.headers.authorization, keys!.headers['x-api-key'], keys!.url]).toEqual([undefined, 'k', '/api/alternatives?api_key=k']);
  });

  it('`security: []` sends no credential even when all are configured', async () => {
    await authApi({ apiKey: 'k', accessToken: 't', username: 'u', password: 'p' }).publicCall();
    const request = only();
    expect([request.headers.authorization, request.headers['x-api-key'], request.headers.cookie, request.url]).toEqual([undefined, undefined, undefined, '/api/public']);
  });

  it('a required scheme without a configured credential sends the request unauthenticated (the server answers 401)', async () => {
    await authApi().withBasic();
    expect(only().headers.authorization).toBeUndefined();
  });
});

describe('redirects', () => {
  it('no credential follows a redirect to another origin; the caller gets the final response', async () => {
    const api = authApi({ apiKey: 'k', accessToken: 't', headers: { 'X-Client': 'e2e' } });
    await expect(api.withHeaderKey({ headers: { 'X-Redirect': 'away' } })).resolves.toEqual({ ok: 'other' });
    await expect(api.withGlobalBearer({ headers: { 'X-Redirect': 'away' } })).resolves.toEqual({ ok: 'other' });
    expect(server.requests.map((r) => [r.headers['x-api-key'], r.headers.authorization])).toEqual([['k', undefined], [undefined, 'Bearer t']]);
    expect(other.requests).toHaveLength(2);
    for (const landed of other.requests) {
      expect(landed.url).toBe('/landed');
      expect(landed.headers['x-api-key']).toBeUndefined();
      expect(landed.headers.authorization).toBeUndefined();
      expect(landed.headers['x-client']).toBe('e2e');
    }
  });
});

describe('configuration', () => {
  it('the default base path is the first server with its variables\' defaults', async () => {
    const api = new client.module.AuthApi();
    // port 9 (discard) refuses connections: the NetworkError message shows the URL that was tried.
    await expect(api.publicCall({ retries: 0 })).rejects.toThrow('GET http://127.0.0.1:9/api/public failed');
  });
});
