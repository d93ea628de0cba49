/**
 * Encoding and decoding end to end: a client generated from test/fixtures/specs/runtime-encoding.yaml
 * (OpenAPI 3.1) puts parameters where the spec says with the spec's style, encodes bodies by content
 * type, decodes responses by content type, and throws ApiError typed per documented status.
 */
import type { ServerResponse } from 'node:http';
import { startServer, type RecordingServer, type WireRequest } from '../helpers/http-server.js';
import { fixtureSpec, generateClient, type GeneratedClient } from './generate-client.js';

let client: GeneratedClient;
let server: RecordingServer;
let answer: (request: WireRequest, response: ServerResponse) => void;
beforeAll(async () => {
  client = await generateClient(fixtureSpec('runtime-encoding.yaml'));
  server = await startServer((request, response) => answer(request, response));
});
afterAll(async () => {
  await Promise.all([server.close(), client.remove()]);
});
beforeEach(() => {
  server.requests.length = 0;
  answer = (_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"p"}');
});

const config = () => new client.module.Configuration({ basePath: `${server.origin}/base` });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const encoding = (): any => new client.module.EncodingApi(config());
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const files = (): any => new client.module.FilesApi(config());
const only = () => {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
};

describe('parameters', () => {
  it('path parameters are percent-encoded in path order; query per style/explode; header arrays comma-joined; cookies', async () => {
    await encoding().getPart('a/b?c', 7, {
      ids: [1, 2],
      csv: ['x', 'y'],
      spaced: ['x', 'y'],
      piped: ['x', 'y'],
      filter: { color: 'red', size: 3 },
      xRequestTags: ['t1', 't2'],
      xTrace: 'abc',
      pref: 'dark; mode',
    });
    const request = only();
    const [path, query] = request.url.split('?');
    expect(path).toBe('/base/items/a%2Fb%3Fc/parts/7');
    expect([...new URLSearchParams(query)]).toEqual([
      ['ids', '1'], ['ids', '2'], ['csv', 'x,y'], ['spaced', 'x y'], ['piped', 'x|y'], ['filter[color]', 'red'], ['filter[size]', '3'],
    ]);
    expect(request.headers).toMatchObject({ 'x-request-tags': 't1,t2', 'x-trace': 'abc', cookie: 'pref=dark%3B%20mode', accept: 'application/json, text/plain, application/problem+json' });
  });

  it('label and matrix path parameters, simple-style header objects (exploded and not)', async () => {
    answer = (_request, response) => response.writeHead(204).end();
    await encoding().getStyled([1, 2], { x: 3, y: 4 }, 'v 1', { xPoint: { x: 3, y: 4 }, xPair: { x: 5, y: 6 } });
    const request = only();
    expect(request.url).toBe('/base/styled/.1.2/;x=3;y=4/;version=v%201');
    expect(request.headers).toMatchObject({ 'x-point': 'x=3,y=4', 'x-pair': 'x,5,y,6' });
  });

  it('omitted optional parameters are not sent at all', async () => {
    await encoding().getPart('a', 1);
    expect(only().url).toBe('/base/items/a/parts/1');
    expect(only().headers['x-trace']).toBeUndefined();
    expect(only().headers.cookie).toBeUndefined();
  });

  it.each(['..', '.'])('a path parameter %p cannot climb out of the path: TypeError, nothing sent', async (value) => {
    await expect(encoding().getPart(value, 1)).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('a header value with CR/LF is rejected before sending', async () => {
    await expect(encoding().getPart('a', 1, { xTrace: 'x\r\nInjected: yes' })).rejects.toThrow(/line break/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('bodies by content type', () => {
  it('multipart/form-data with a Blob file, a string and an array', async () => {
    answer = (_request, response) => response.writeHead(201, { 'Content-Type': 'application/json' }).end('{"id":"u1"}');
    const file = new Blob(['%PDF-1.7 bytes'], { type: 'application/pdf' });
    await expect(files().upload({ file, description: 'scan', tags: ['a', 'b'] })).resolves.toEqual({ id: 'u1' });
    const request = only();
    const form = await new Response(new Uint8Array(request.body), { headers: { 'Content-Type': request.headers['content-type']! } }).formData();
    const part = form.get('file') as Blob;
    expect(await part.text()).toBe('%PDF-1.7 bytes');
    expect(part.type).toBe('application/pdf');
    expect(form.get('description')).toBe('scan');
    expect(form.getAll('tags')).toEqual(['a', 'b']);
  });

  it('application/x-www-form-urlencoded; a 204 resolves to undefined', async () => {
    answer = (_request, response) => response.writeHead(204).end();
    await expect(files().submitForm({ name: 'a b&c', count: 3 })).resolves.toBeUndefined();
    expect(only().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(only().body.toString()).toBe('name=a+b%26c&count=3');
  });

  it('application/octet-stream up (Blob) and down (Blob)', async () => {
    answer = (request, response) =>
      request.method === 'PUT' ? response.writeHead(204).end() : response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(Buffer.from([0, 255, 7]));
    await files().putBlob('x.bin', new Blob([new Uint8Array([1, 2, 3])]));
    const blob = await files().getBlob('x.bin');
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0, 255, 7]);
    const put = server.requests[0]!;
    expect([put.method, put.url, put.headers['content-type'], [...put.body]]).toEqual(['PUT', '/base/blobs/x.bin', 'application/octet-stream', [1, 2, 3]]);
  });

  it('text/plain up and down stays text (no JSON parsing)', async () => {
    answer = (request, response) => response.writeHead(200, { 'Content-Type': 'text/plain' }).end(request.body);
    await expect(files().echoText('{"looks":"like json"}')).resolves.toBe('{"looks":"like json"}');
    expect(only().headers['content-type']).toBe('text/plain');
  });

  it('an empty JSON response decodes to undefined; the Raw variant gives status, headers, data, response', async () => {
    answer = (_request, response) => response.writeHead(200, { 'Content-Type': 'application/json', 'X-Count': '0' }).end();
    await expect(files().getNothing()).resolves.toBeUndefined();
    const raw = await files().getNothingRaw();
    expect(raw.status).toBe(200);
    expect(raw.data).toBeUndefined();
    expect(raw.headers.get('x-count')).toBe('0');
    expect(raw.response).toBeInstanceOf(Response);
  });
});

describe('typed errors', () => {
  it.each([
    [404, 'application/json', '{"missing":"part"}', { missing: 'part' }],
    [409, 'text/plain', 'already locked', 'already locked'],
    [418, 'application/problem+json', '{"title":"teapot","status":418}', { title: 'teapot', status: 418 }],
  ])('%i → ApiError whose body is decoded per the documented content type', async (status, contentType, text, body) => {
    answer = (_request, response) => response.writeHead(status, { 'Content-Type': contentType }).end(text);
    const error = await encoding().getPart('a', 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.module.ApiError);
    expect(error).toMatchObject({ status, body, message: `GET ${server.origin}/base/items/a/parts/1 failed with status ${status}` });
    expect(server.requests).toHaveLength(1); // 4xx are not retried
  });
});

describe('relative server URL', () => {
  it('outside a browser it asks for an absolute basePath; in a browser it resolves against the page', async () => {
    await expect(new client.module.FilesApi().getNothing()).rejects.toThrow('basePath "/relative/base" is not absolute');
    const global = globalThis as { location?: { href: string } };
    global.location = { href: `${server.origin}/app/page.html` };
    try {
      await new client.module.FilesApi().getNothing();
    } finally {
      delete global.location;
    }
    expect(only().url).toBe('/relative/base/nothing');
  });
});
