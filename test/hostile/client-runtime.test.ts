/**
 * The generated client under hostile values, tested from outside: a client is generated from
 * test/fixtures/hostile/client.yaml, imported, and called against servers on 127.0.0.1.
 * - path parameters cannot add segments or make `.`/`..` segments (the server sees one segment,
 *   or nothing is sent);
 * - header values with CR/LF are refused before anything is sent;
 * - credentials (API key header, bearer token, API key cookie) do not follow a redirect to
 *   another origin, but do follow one to the same origin.
 */
import path from 'node:path';
import { generate } from '../../src/pipeline.js';
import { writeOutput } from '../../src/write/index.js';
import { startServer, type RecordingServer } from '../helpers/http-server.js';
import { FIXTURES, removeDir, tempDir } from './support.js';

/** The generated DefaultApi's methods these tests call. */
interface Api {
  getItem(...args: unknown[]): Promise<unknown>;
  getFile(...args: unknown[]): Promise<unknown>;
}
interface Client {
  Configuration: new (parameters: Record<string, unknown>) => unknown;
  DefaultApi: new (configuration: unknown) => Api;
}

let work = '';
let client: Client;
let server: RecordingServer;
let other: RecordingServer;

beforeAll(async () => {
  work = await tempDir();
  const result = await generate({ input: path.join(FIXTURES, 'client.yaml') });
  await writeOutput(work, result.files);
  client = (await import(path.join(work, 'index.ts'))) as Client;
  other = await startServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  // `…/hop-other…` redirects to the other server (another origin: another port), `…/hop-same…` to itself.
  server = await startServer((request, response) => {
    const url = request.url ?? '';
    if (url.includes('hop-other')) response.writeHead(302, { location: `${other.origin}/landed` }).end();
    else if (url.includes('hop-same')) response.writeHead(307, { location: '/landed' }).end();
    else response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

afterAll(async () => {
  await server.close();
  await other.close();
  await removeDir(work);
});

beforeEach(() => {
  server.requests.length = 0;
  other.requests.length = 0;
});

const api = (parameters: Record<string, unknown> = {}) => new client.DefaultApi(new client.Configuration({ basePath: server.origin, retries: 0, ...parameters }));

describe('path parameters cannot add path segments', () => {
  it.each([
    ['a/b'],
    ['../admin'],
    ['..\\admin'],
    ['a?admin=1'],
    ['a#admin'],
    ['%2e%2e'],
    ['%2F..%2Fadmin'],
    ['%2E%2e'],
    ['a\r\nb'],
    ['\u2028'],
  ])('%j is one encoded segment', async (value) => {
    await api().getItem(value);
    expect(server.requests).toHaveLength(1);
    const url = server.requests[0]!.url;
    expect(url.split('/')).toHaveLength(3); // '', 'items', the value
    expect(url.startsWith('/items/')).toBe(true);
    expect(decodeURIComponent(url.slice('/items/'.length))).toBe(value);
  });

  it.each([['..'], ['.']])('%j as a whole segment is refused, nothing sent', async (value) => {
    await expect(api().getItem(value)).rejects.toThrow(/segment|Path parameter/i);
    await expect(api().getFile(value, 'x')).rejects.toThrow(/segment|Path parameter/i);
    expect(server.requests).toEqual([]);
  });

  it('two parameters stay two segments', async () => {
    await api({ apiKey: 'k' }).getFile('../..', 'etc/passwd');
    expect(server.requests.map((request) => request.url)).toEqual(['/files/..%2F../etc%2Fpasswd']);
  });
});

describe('header values with CR/LF are refused before anything is sent', () => {
  it.each([
    ['a header parameter', () => api().getItem('x', { xTrace: 'a\r\nX-Injected: 1' })],
    ['a header parameter (bare LF)', () => api().getItem('x', { xTrace: 'a\nX-Injected: 1' })],
    ['an API key', () => api({ apiKey: 'k\r\nX-Injected: 1' }).getItem('x')],
    ['a bearer token', () => api({ accessToken: 't\r\nX-Injected: 1' }).getItem('x')],
    ['a per-call header', () => api().getItem('x', {}, { headers: { 'X-Extra': 'v\r\nX-Injected: 1' } })],
  ])('%s', async (_name, call) => {
    await expect(call()).rejects.toThrow();
    expect(server.requests).toEqual([]);
  });
});

describe('credentials are not sent to another origin after a redirect', () => {
  it.each([
    ['an API key header', { apiKey: 'secret-key' }, 'x-api-key'],
    ['a bearer token', { accessToken: 'secret-token' }, 'authorization'],
  ])('%s: dropped on the hop to another origin', async (_name, credentials, header) => {
    await api(credentials).getItem('hop-other');
    expect(server.requests[0]!.headers[header]).toBeDefined();
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]!.headers[header]).toBeUndefined();
    expect(JSON.stringify(other.requests[0]!.headers)).not.toMatch(/secret/);
  });

  it('an API key cookie: dropped on the hop to another origin', async () => {
    await api({ apiKey: 'secret-cookie' }).getFile('hop-other', 'x');
    expect(server.requests[0]!.headers['cookie']).toBe('session=secret-cookie');
    expect(other.requests).toHaveLength(1);
    expect(JSON.stringify(other.requests[0]!.headers)).not.toMatch(/secret/);
  });

  it('control: kept on a redirect to the same origin', async () => {
    await api({ apiKey: 'secret-key' }).getItem('hop-same');
    expect(server.requests.map((request) => request.headers['x-api-key'])).toEqual(['secret-key', 'secret-key']);
    expect(other.requests).toEqual([]);
  });
});
