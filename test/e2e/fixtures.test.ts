/**
 * Behaviour of clients generated from the fixture specs (test/fixtures/specs): what the generator
 * wires into each method (query styles, header/cookie parameters, security per operation, media
 * types, 2XX ranges, Blob/text results) must arrive on the wire as the spec says. The clients are
 * generated in memory, written to a temp dir and imported from there.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../src/pipeline.js';
import { startTestServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js';

const specsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/specs');

// The clients exist only at run time, so they are typed loosely here; test/compile type-checks them.
type Client = Record<string, any>;

let server: TestServer;
let outDir = '';
const clients = new Map<string, Client>();

async function load(fixture: string): Promise<Client> {
  const { files } = await generate({ input: path.join(specsDir, `${fixture}.yaml`) });
  for (const [file, content] of files) {
    const target = path.join(outDir, fixture, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return (await import(path.join(outDir, fixture, 'index.ts'))) as Client;
}

beforeAll(async () => {
  server = await startTestServer();
  outDir = await mkdtemp(path.join(os.tmpdir(), 'oasgen-e2e-fixtures-'));
  for (const fixture of ['petstore-3.0', 'swagger-2.0', 'features-3.1', 'refs-and-inline-3.0']) clients.set(fixture, await load(fixture));
});
afterAll(async () => {
  await server?.close();
  if (outDir !== '') await rm(outDir, { recursive: true, force: true });
});
beforeEach(() => server.reset());

function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

async function rejection(call: Promise<unknown>): Promise<any> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('petstore-3.0 (bodies, query arrays, enums, nested refs, untagged operation)', () => {
  const petstore = () => clients.get('petstore-3.0')!;
  const config = (extra: object = {}) => new (petstore().Configuration)({ basePath: `${server.origin}/api/v1`, ...extra });

  it('listPets: an exploded array repeats the query parameter; required and enum values are sent', async () => {
    server.reply({ status: 200, json: [] });
    await expect(new (petstore().PetsApi)(config()).listPets({ tags: ['a b', 'c&d'], status: 'sold', limit: 5 })).resolves.toEqual([]);
    const request = server.single();
    expect([request.method, request.rawPath]).toEqual(['GET', '/api/v1/pets']);
    expect([...request.query]).toEqual([['tags', 'a b'], ['tags', 'c&d'], ['status', 'sold'], ['limit', '5']]);
  });

  it('createPet: nested objects travel as JSON with quoted property names intact', async () => {
    const pet = { name: 'Rex', status: 'available', owner: { name: 'Ann', address: { 'postal-code': '1000' } } };
    server.reply({ status: 201, json: { ...pet, id: 1 } });
    await expect(new (petstore().PetsApi)(config()).createPet(pet)).resolves.toEqual({ ...pet, id: 1 });
    const request = server.single();
    expect([request.method, request.rawUrl, header(request, 'Content-Type')]).toEqual(['POST', '/api/v1/pets', 'application/json']);
    expect(JSON.parse(request.body)).toEqual(pet);
  });

  it('updatePet: an omitted optional body sends no body and no Content-Type; the If-Match header is sent', async () => {
    server.reply({ status: 200, json: { name: 'Rex', id: 7 } });
    await new (petstore().PetsApi)(config()).updatePet(7, undefined, { ifMatch: 'W/"1"' });
    const request = server.single();
    expect([request.method, request.rawUrl, request.body]).toEqual(['PUT', '/api/v1/pets/7', '']);
    expect(header(request, 'Content-Type')).toBeUndefined();
    expect(header(request, 'If-Match')).toBe('W/"1"');
  });

  it('getPetById: 404 without a body throws ApiError; deletePet resolves to undefined', async () => {
    server.reply({ status: 404 }, { status: 204 });
    const api = new (petstore().PetsApi)(config());
    const error = await rejection(api.getPetById(42));
    expect(error).toBeInstanceOf(petstore().ApiError);
    expect([error.status, error.body]).toEqual([404, undefined]);
    await expect(api.deletePet(42)).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.rawUrl}`)).toEqual(['GET /api/v1/pets/42', 'DELETE /api/v1/pets/42']);
  });

  it('DefaultApi.getHealth (untagged): text/plain is requested and returned as a string', async () => {
    server.reply({ status: 200, text: 'ok', headers: { 'Content-Type': 'text/plain' } });
    await expect(new (petstore().DefaultApi)(config()).getHealth()).resolves.toBe('ok');
    expect(header(server.single(), 'Accept')).toBe('text/plain');
  });
});

describe('swagger-2.0 (collectionFormat, apiKey in query, per-operation basic auth, file response)', () => {
  const legacy = () => clients.get('swagger-2.0')!;
  const api = () => new (legacy().StoreApi)(new (legacy().Configuration)({ basePath: server.origin, apiKey: 'k-1', username: 'ann', password: 'pä' }));

  it('findOrders: csv joins the array into one value; the apiKey goes into the api_key query parameter', async () => {
    server.reply({ status: 200, json: [] });
    await api().findOrders({ ids: [1, 2, 3] });
    const request = server.single();
    expect(request.query.getAll('ids')).toEqual(['1,2,3']);
    expect(request.query.get('api_key')).toBe('k-1');
    expect(header(request, 'Authorization')).toBeUndefined();
  });

  it('placeOrder: the operation overrides global security with basic auth (UTF-8), and sends no api_key', async () => {
    server.reply({ status: 200, json: { quantity: 1 } });
    await api().placeOrder({ quantity: 1, lines: [{ sku: 'x', price: 1.5 }] });
    const request = server.single();
    expect(header(request, 'Authorization')).toBe(`Basic ${Buffer.from('ann:pä', 'utf8').toString('base64')}`);
    expect(request.query.get('api_key')).toBeNull();
    expect(JSON.parse(request.body)).toEqual({ quantity: 1, lines: [{ sku: 'x', price: 1.5 }] });
  });

  it('getReceipt: a file response resolves to a Blob; Accept is the operation\'s produces', async () => {
    server.reply({ status: 200, text: '%PDF-1.7', headers: { 'Content-Type': 'application/pdf' } });
    const receipt = await api().getReceipt('o/1');
    expect(receipt).toBeInstanceOf(Blob);
    expect(await receipt.text()).toBe('%PDF-1.7');
    const request = server.single();
    expect([request.rawPath, header(request, 'Accept')]).toEqual(['/orders/o%2F1/receipt', 'application/pdf']);
  });
});

describe('features-3.1 (bearer, cookie and nullable query parameters, 2XX, oneOf body)', () => {
  const tour = () => clients.get('features-3.1')!;
  const config = () => new (tour().Configuration)({ basePath: server.origin, accessToken: 'tok' });

  it('getNode: bearer token, cookie parameter encoded, nullable query parameter omitted when null', async () => {
    server.reply({ status: 200, json: { id: 'n', children: [] } }, { status: 200, json: { id: 'n', children: [] } });
    const api = new (tour().TreeApi)(config());
    await api.getNode('n 1', { depth: 2, session: 's v;x' });
    await api.getNode('n 1', { depth: null });
    const [withParams, withNull] = server.requests;
    expect(withParams!.rawUrl).toBe('/nodes/n%201?depth=2');
    expect(header(withParams!, 'Authorization')).toBe('Bearer tok');
    expect(header(withParams!, 'Cookie')).toBe('session=s%20v%3Bx');
    expect(withNull!.rawUrl).toBe('/nodes/n%201');
    expect(header(withNull!, 'Cookie')).toBeUndefined();
  });

  it('addShape: any 2XX status is success for a 2XX response', async () => {
    server.reply({ status: 202, json: { type: 'circle', radius: 1 } });
    const raw = await new (tour().ShapesApi)(config()).addShapeRaw({ type: 'circle', radius: 1 });
    expect([raw.status, raw.data]).toEqual([202, { type: 'circle', radius: 1 }]);
  });
});

describe('refs-and-inline-3.0 ($ref parameters and responses, same wire name in path and query, merge-patch, multipart)', () => {
  const refs = () => clients.get('refs-and-inline-3.0')!;
  const api = () => new (refs().ItemsApi)(new (refs().Configuration)({ basePath: server.origin }));

  it('patchItem: path id and query id stay apart; the preferred media type is sent; the $ref header parameter is sent', async () => {
    server.reply({ status: 200, json: { id: 'i/1' } });
    await api().patchItem('i/1', { name: 'x' }, { id: 'q', xTraceId: 't-1' });
    const request = server.single();
    expect([request.method, request.rawUrl]).toEqual(['PATCH', '/items/i%2F1?id=q']);
    expect(header(request, 'Content-Type')).toBe('application/merge-patch+json');
    expect(header(request, 'X-Trace-Id')).toBe('t-1');
    expect(JSON.parse(request.body)).toEqual({ name: 'x' });
  });

  it('patchItem: the problem+json 404 body is parsed into ApiError.body', async () => {
    server.reply({ status: 404, json: { title: 'gone', status: 404 }, headers: { 'Content-Type': 'application/problem+json' } });
    const error = await rejection(api().patchItem('i1'));
    expect([error.status, error.body]).toEqual([404, { title: 'gone', status: 404 }]);
  });

  it('uploadItem: multipart/form-data with a boundary, the Blob as a file part and the note as a field', async () => {
    server.reply({ status: 201, json: { id: 'new' } });
    await expect(api().uploadItem({ file: new Blob(['hello file']), note: 'n-1' })).resolves.toEqual({ id: 'new' });
    const request = server.single();
    expect(header(request, 'Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.body).toMatch(/name="file"; filename="[^"]*"\r\n(?:Content-Type: [^\r]*\r\n)?\r\nhello file\r\n/);
    expect(request.body).toMatch(/name="note"\r\n\r\nn-1\r\n/);
  });
});
