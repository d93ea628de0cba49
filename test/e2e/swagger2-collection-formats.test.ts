/**
 * Swagger 2.0 `collectionFormat` reaches the wire as written (test/fixtures/specs/rw-swagger2.yaml):
 * `tsv` is its own style (`tabDelimited`: tab-separated), not `csv`; `pipes`, `ssv` and `multi`
 * keep their separators and repetition. The client is generated, imported and called against a
 * local server.
 */
import { fixtureSpec, generateClient, type GeneratedClient } from './generate-client.js';
import { startTestServer, type TestServer } from '../helpers/http-server.js';

let server: TestServer;
let client: GeneratedClient;

beforeAll(async () => {
  server = await startTestServer();
  client = await generateClient(fixtureSpec('rw-swagger2.yaml'));
});
afterAll(async () => {
  await server?.close();
  await client?.remove();
});

test('tsv is tab-delimited; pipes, ssv and multi as Swagger 2.0 defines them', async () => {
  server.reply({ status: 200, json: [] });
  const api = new client.module.FilesApi(new client.module.Configuration({ basePath: server.origin, apiKey: 'k' }));
  await api.listFiles({ columns: ['name', 'size'], tags: ['a', 'b'], words: ['x', 'y'], ids: [1, 2] });
  const request = server.single();
  expect(request.query.get('columns')).toBe('name\tsize');
  expect(request.query.get('tags')).toBe('a|b');
  expect(request.query.get('words')).toBe('x y');
  expect(request.query.getAll('ids')).toEqual(['1', '2']);
});
