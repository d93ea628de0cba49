/**
 * Retries, timeouts, cancellation and middleware end to end: a client generated from
 * test/fixtures/specs/runtime-retries.yaml (Swagger 2.0) against a scripted node:http server.
 * Backoff delays are shortened with `retryDelayMs`; time is only ever asserted as a lower bound.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, startServer, type RecordingServer, type WireRequest } from '../helpers/http-server.js';
import { fixtureSpec, generateClient, type GeneratedClient } from './generate-client.js';

let client: GeneratedClient;
let server: RecordingServer;
let answer: (request: WireRequest, response: ServerResponse, index: number) => void;
beforeAll(async () => {
  client = await generateClient(fixtureSpec('runtime-retries.yaml'));
  server = await startServer((request, response, index) => answer(request, response, index));
});
afterAll(async () => {
  await Promise.all([server.close(), client.remove()]);
});
beforeEach(() => {
  server.requests.length = 0;
});

const job = { id: 'j1', name: 'build' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const jobs = (settings: Record<string, unknown> = {}): any =>
  new client.module.JobsApi(new client.module.Configuration({ basePath: `${server.origin}/v1`, retryDelayMs: 5, ...settings }));
/** Answers the first `failures` requests with `status`, then succeeds. */
const failThenSucceed = (failures: number, status: number, headers: Record<string, string> = {}) => {
  answer = (request, response, index) => {
    const served = index - firstIndex;
    if (served < failures) return sendJson(response, status, { retryable: true }, headers);
    if (request.method === 'DELETE') return void response.writeHead(204).end();
    sendJson(response, request.method === 'POST' ? 201 : 200, job);
  };
};
let firstIndex = 0;
beforeEach(() => {
  firstIndex = server.requests.length;
});

describe('retries', () => {
  it.each([
    ['getJob', (api: any) => api.getJob('j1')],
    ['replaceJob', (api: any) => api.replaceJob('j1', job)],
    ['deleteJob', (api: any) => api.deleteJob('j1')],
  ])('%s (idempotent) is retried twice by default and succeeds on the third attempt', async (_name, call) => {
    failThenSucceed(2, 503);
    await call(jobs());
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.body.toString())).size).toBe(1);
  });

  it('getJob gives up after 2 retries with the typed ApiError of the last attempt', async () => {
    failThenSucceed(10, 503);
    const error = await jobs().getJob('j1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.module.ApiError);
    expect(error).toMatchObject({ status: 503, body: { retryable: true } });
    expect(server.requests).toHaveLength(3);
  });

  it('createJob (POST) is not retried unless the call asks for it', async () => {
    failThenSucceed(1, 429);
    await expect(jobs().createJob(job)).rejects.toMatchObject({ status: 429 });
    expect(server.requests).toHaveLength(1);
    failThenSucceed(1, 429);
    firstIndex = server.requests.length;
    await expect(jobs().createJob(job, { retries: 1 })).resolves.toEqual(job);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.slice(1).map((r) => r.body.toString())).toEqual([JSON.stringify(job), JSON.stringify(job)]);
  });

  it('Retry-After: 1 delays the retry by at least a second', async () => {
    failThenSucceed(1, 429, { 'Retry-After': '1' });
    const started = performance.now();
    await jobs().getJob('j1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(server.requests).toHaveLength(2);
  });

  it('a caller abort during the backoff rejects with AbortError and sends nothing more', async () => {
    failThenSucceed(10, 503, { 'Retry-After': '30' });
    const controller = new AbortController();
    const pending = jobs().getJob('j1', { signal: controller.signal }).catch((e: unknown) => e);
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts', () => {
  beforeEach(() => {
    answer = () => undefined; // never answers
  });

  it('the configured timeout throws TimeoutError naming method and URL; each attempt gets the full time', async () => {
    const error = await jobs({ timeoutMs: 40, retries: 1 }).getJob('j 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.module.TimeoutError);
    expect((error as Error).message).toBe(`GET ${server.origin}/v1/jobs/j%201 timed out after 40 ms`);
    expect(server.requests).toHaveLength(2);
  });

  it('the per-call timeout overrides the configured one', async () => {
    const started = performance.now();
    const error = await jobs({ timeoutMs: 60_000 }).createJob(job, { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.module.TimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('a caller abort mid-request rejects with the signal\'s AbortError, not TimeoutError or NetworkError', async () => {
    const controller = new AbortController();
    const pending = jobs({ timeoutMs: 60_000 }).getJob('j1', { signal: controller.signal }).catch((e: unknown) => e);
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(client.module.TimeoutError);
    expect(error).not.toBeInstanceOf(client.module.NetworkError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('middleware', () => {
  it('logging and a tracing header: pre, post and onError run in order around every attempt', async () => {
    failThenSucceed(1, 502);
    const log: string[] = [];
    const middleware = [
      {
        pre: ({ url, init }: { url: string; init: RequestInit }) => {
          const headers = new Headers(init.headers);
          headers.set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
          log.push(`→ ${init.method} ${url}`);
          return { url, init: { ...init, headers } };
        },
        post: ({ response }: { response: Response }) => void log.push(`← ${response.status}`),
      },
      {
        post: ({ response }: { response: Response }) =>
          response.status === 200 ? new Response(JSON.stringify({ ...job, name: 'rewritten' }), { headers: { 'Content-Type': 'application/json' } }) : undefined,
      },
    ];
    await expect(jobs({ middleware }).getJob('j1')).resolves.toEqual({ ...job, name: 'rewritten' });
    expect(server.requests.map((r) => r.headers.traceparent)).toEqual(['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01']);
    expect(log).toEqual([`→ GET ${server.origin}/v1/jobs/j1`, '← 502', `→ GET ${server.origin}/v1/jobs/j1`, '← 200']);
  });

  it('onError may turn a network failure into a response', async () => {
    const dead = await startServer(() => undefined);
    const basePath = `${dead.origin}/v1`;
    await dead.close();
    const errors: string[] = [];
    const api = new client.module.JobsApi(
      new client.module.Configuration({
        basePath,
        retries: 0,
        middleware: [{ onError: ({ error }: { error: Error }) => (errors.push(error.name), new Response(JSON.stringify(job), { headers: { 'Content-Type': 'application/json' } })) }],
      }),
    );
    await expect(api.getJob('j1')).resolves.toEqual(job);
    expect(errors).toEqual(['NetworkError']);
  });
});
