/**
 * Behaviour of the committed built-in clients (generated/identity, generated/cohesity): every
 * method and its Raw variant is called against a local node:http server, and the test checks what
 * arrives on the wire (method, raw path, headers, query, body) and what the caller gets back.
 */
import * as cohesity from '../../generated/cohesity/index.js';
import * as identity from '../../generated/identity/index.js';
import { startTestServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const session: identity.SessionResponse = {
  id: 's-1',
  user_id: 'u-1',
  workspace_id: 7,
  created_at: '2026-01-01T00:00:00Z',
  expires_at: null,
  ip_address: '127.0.0.1',
  user_agent: null,
};
const validationError: identity.HTTPValidationError = {
  detail: [{ loc: ['path', 'session_id'], msg: 'field required', type: 'missing' }],
};

/** Catches what a call throws (and fails when it does not throw). */
async function rejection(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/** Headers a request carried besides the ones every fetch sends. */
function sentHeader(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

describe('identity SessionsApi', () => {
  const api = () => new identity.SessionsApi(new identity.Configuration({ basePath: server.origin }));

  it('getSession: GET /sessions/{session_id}, Accept JSON, no body; resolves to the parsed JSON', async () => {
    server.reply({ status: 200, json: session });
    await expect(api().getSession('abc')).resolves.toEqual(session);
    const request = server.single();
    expect(request.method).toBe('GET');
    expect(request.rawUrl).toBe('/sessions/abc');
    expect(sentHeader(request, 'Accept')).toBe('application/json');
    expect(sentHeader(request, 'Content-Type')).toBeUndefined();
    expect(sentHeader(request, 'X-User-Id')).toBeUndefined();
    expect(sentHeader(request, 'X-Workspace-Id')).toBeUndefined();
    expect(request.body).toBe('');
  });

  // Each id must arrive as exactly one percent-encoded path segment: no traversal, no query, no fragment.
  it.each(['a/b', 'a b', 'a?b=c', '../../admin', 'a/../b', '..%2F', '.%2E', '...', '50%', '#frag', 'ü-ß', '%2F'])(
    'getSession(%j): the id stays one path segment',
    async (id) => {
      server.reply({ status: 200, json: session });
      await api().getSession(id);
      const request = server.single();
      expect(request.rawUrl).toMatch(/^\/sessions\/[^/?#]+$/);
      const segment = request.rawPath.slice('/sessions/'.length);
      expect(decodeURIComponent(segment)).toBe(id);
      expect(segment).not.toMatch(/^\.{1,2}$/);
    },
  );

  // URL parsing resolves '.' and '..' (encoded or not), so they cannot be sent as a segment: the
  // call must fail before any request rather than reach the parent resource (DELETE /).
  it.each(['.', '..'])('deleteSession(%j) and getSession(%j) reject with a TypeError and send nothing', async (id) => {
    server.reply({ status: 204 }, { status: 200, json: session });
    await expect(api().deleteSession(id)).rejects.toThrow(TypeError);
    await expect(api().getSession(id)).rejects.toThrow(/session_id/);
    expect(server.requests).toEqual([]);
  });

  it('getUserSessions: GET /sessions/user/{user_id} with the id encoded; resolves to the array', async () => {
    server.reply({ status: 200, json: [session, { ...session, id: 's-2' }] });
    await expect(api().getUserSessions('u/1 ?')).resolves.toEqual([session, { ...session, id: 's-2' }]);
    const request = server.single();
    expect(request.method).toBe('GET');
    expect(request.rawUrl).toBe('/sessions/user/u%2F1%20%3F');
    expect(sentHeader(request, 'Accept')).toBe('application/json');
  });

  it('deleteSession without params: DELETE, no X-User-Id / X-Workspace-Id headers; 204 resolves to undefined', async () => {
    server.reply({ status: 204 });
    await expect(api().deleteSession('s/1')).resolves.toBeUndefined();
    const request = server.single();
    expect(request.method).toBe('DELETE');
    expect(request.rawUrl).toBe('/sessions/s%2F1');
    expect(sentHeader(request, 'X-User-Id')).toBeUndefined();
    expect(sentHeader(request, 'X-Workspace-Id')).toBeUndefined();
    expect(sentHeader(request, 'Accept')).toBe('application/json');
    expect(request.body).toBe('');
  });

  it('deleteSession with params: the headers carry the given values, and only those given', async () => {
    server.reply({ status: 204 }, { status: 204 }, { status: 204 });
    await api().deleteSession('s1', { xUserId: 'u1', xWorkspaceId: 7 });
    await api().deleteSession('s1', { xWorkspaceId: 0 });
    await api().deleteSession('s1', { xUserId: null, xWorkspaceId: null });
    const [both, workspaceOnly, nulls] = server.requests;
    expect([sentHeader(both!, 'X-User-Id'), sentHeader(both!, 'X-Workspace-Id')]).toEqual(['u1', '7']);
    expect([sentHeader(workspaceOnly!, 'X-User-Id'), sentHeader(workspaceOnly!, 'X-Workspace-Id')]).toEqual([undefined, '0']);
    expect([sentHeader(nulls!, 'X-User-Id'), sentHeader(nulls!, 'X-Workspace-Id')]).toEqual([undefined, undefined]);
  });

  it('per-call RequestOptions headers are sent', async () => {
    server.reply({ status: 200, json: session });
    await api().getSession('abc', { headers: { 'X-Trace': 't-1' } });
    expect(sentHeader(server.single(), 'X-Trace')).toBe('t-1');
  });

  it.each([
    ['deleteSession', (a: identity.SessionsApi) => a.deleteSession('s1', { xUserId: 'u1' })],
    ['getSession', (a: identity.SessionsApi) => a.getSession('s1')],
    ['getUserSessions', (a: identity.SessionsApi) => a.getUserSessions('u1')],
  ] as const)('%s: 422 throws ApiError with status, parsed body, headers and response', async (_name, call) => {
    server.reply({ status: 422, json: validationError, headers: { 'X-Request-Id': 'r-422' } });
    const error = await rejection(call(api()));
    expect(error).toBeInstanceOf(identity.ApiError);
    const apiError = error as identity.ApiError<identity.HTTPValidationError>;
    expect(apiError.status).toBe(422);
    expect(apiError.body).toEqual(validationError);
    expect(apiError.headers.get('x-request-id')).toBe('r-422');
    expect(apiError.response).toBeInstanceOf(Response);
    expect(apiError.response.status).toBe(422);
  });

  it('getSessionRaw: { status, headers, data, response }', async () => {
    server.reply({ status: 200, json: session, headers: { 'X-Request-Id': 'r-1' } });
    const raw = await api().getSessionRaw('abc');
    expect(raw.status).toBe(200);
    expect(raw.data).toEqual(session);
    expect(raw.headers.get('x-request-id')).toBe('r-1');
    expect(raw.response).toBeInstanceOf(Response);
    expect(Object.keys(raw).sort()).toEqual(['data', 'headers', 'response', 'status']);
  });

  it('getUserSessionsRaw and deleteSessionRaw: status and data (undefined for 204)', async () => {
    server.reply({ status: 200, json: [session] }, { status: 204, headers: { 'X-Deleted': '1' } });
    const list = await api().getUserSessionsRaw('u1');
    expect([list.status, list.data]).toEqual([200, [session]]);
    const deleted = await api().deleteSessionRaw('s1', { xUserId: 'u1' });
    expect([deleted.status, deleted.data, deleted.headers.get('x-deleted')]).toEqual([204, undefined, '1']);
    expect(sentHeader(server.requests[1]!, 'X-User-Id')).toBe('u1');
  });
});

describe('cohesity UsersApi', () => {
  const api = (apiKey: string | null = 'secret-key') =>
    new cohesity.UsersApi(new cohesity.Configuration({ basePath: `${server.origin}/v2`, ...(apiKey !== null ? { apiKey } : {}) }));
  const body: cohesity.CreateUserSessionRequestParams = { username: 'admin', password: 'p"w\n', domain: 'LOCAL', otp_type: 'totp' };
  const error: cohesity.Error = { error_code: 'KInvalidCredentials', message: 'bad password' };

  it('createSession: POST /v2/users/sessions with the JSON body, Content-Type, Accept and apiKey header; 201 resolves to the JSON', async () => {
    server.reply({ status: 201, json: { session_id: 'S-1' } });
    await expect(api().createSession(body)).resolves.toEqual({ session_id: 'S-1' });
    const request = server.single();
    expect(request.method).toBe('POST');
    expect(request.rawUrl).toBe('/v2/users/sessions');
    expect(sentHeader(request, 'Content-Type')).toBe('application/json');
    expect(sentHeader(request, 'Accept')).toBe('application/json');
    expect(sentHeader(request, 'apiKey')).toBe('secret-key');
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it('the apiKey header is sent only when an apiKey is configured; a function credential is called', async () => {
    server.reply({ status: 204 }, { status: 204 });
    await api(null).deleteSession();
    await new cohesity.UsersApi(new cohesity.Configuration({ basePath: `${server.origin}/v2`, apiKey: async () => 'fresh' })).deleteSession();
    expect(sentHeader(server.requests[0]!, 'apiKey')).toBeUndefined();
    expect(sentHeader(server.requests[1]!, 'apiKey')).toBe('fresh');
  });

  it('deleteSession(): DELETE /v2/users/sessions without a query; 204 resolves to undefined', async () => {
    server.reply({ status: 204 });
    await expect(api().deleteSession()).resolves.toBeUndefined();
    const request = server.single();
    expect(request.method).toBe('DELETE');
    expect(request.rawUrl).toBe('/v2/users/sessions');
    expect(sentHeader(request, 'apiKey')).toBe('secret-key');
    expect(sentHeader(request, 'Content-Type')).toBeUndefined();
    expect(request.body).toBe('');
  });

  it('deleteSession({ sid }): the sid travels as one encoded query parameter', async () => {
    server.reply({ status: 204 }, { status: 204 });
    await api().deleteSession({ sid: 'S-1' });
    await api().deleteSession({ sid: 'a&b=c #d' });
    expect(server.requests[0]!.rawUrl).toBe('/v2/users/sessions?sid=S-1');
    expect([...server.requests[1]!.query]).toEqual([['sid', 'a&b=c #d']]);
    expect(server.requests[1]!.rawPath).toBe('/v2/users/sessions');
  });

  it.each([
    ['createSession', 400, (a: cohesity.UsersApi) => a.createSession(body)],
    ['createSession', 500, (a: cohesity.UsersApi) => a.createSession({})],
    ['deleteSession', 401, (a: cohesity.UsersApi) => a.deleteSession({ sid: 'S-1' })],
    // 503 is retried for idempotent methods by default (test/runtime covers that); retries: 0 sees the first answer.
    ['deleteSession', 503, (a: cohesity.UsersApi) => a.deleteSession({}, { retries: 0 })],
  ] as const)('%s: a %i (the default Error response) throws ApiError with the parsed Error', async (_name, status, call) => {
    server.reply({ status, json: error, headers: { 'X-Request-Id': `r-${status}` } });
    const thrown = await rejection(call(api()));
    expect(thrown).toBeInstanceOf(cohesity.ApiError);
    const apiError = thrown as cohesity.ApiError<cohesity.Error>;
    expect(apiError.status).toBe(status);
    expect(apiError.body).toEqual(error);
    expect(apiError.headers.get('x-request-id')).toBe(`r-${status}`);
    expect(apiError.response.status).toBe(status);
  });

  it('createSessionRaw and deleteSessionRaw: { status, headers, data, response }', async () => {
    server.reply({ status: 201, json: { session_id: 'S-2' }, headers: { Location: '/v2/users/sessions/S-2' } }, { status: 204 });
    const created = await api().createSessionRaw({ username: 'u' });
    expect(created.status).toBe(201);
    expect(created.data).toEqual({ session_id: 'S-2' });
    expect(created.headers.get('location')).toBe('/v2/users/sessions/S-2');
    expect(created.response).toBeInstanceOf(Response);
    const deleted = await api().deleteSessionRaw({ sid: 'S-2' });
    expect([deleted.status, deleted.data]).toEqual([204, undefined]);
    expect(server.requests[1]!.rawUrl).toBe('/v2/users/sessions?sid=S-2');
  });
});
