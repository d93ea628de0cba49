/**
 * Names from the spec (test/fixtures/hostile/names.yaml: reserved words, `__proto__`,
 * `constructor`, `then`, case-folding and camel-casing collisions, `/`, `\`, `..`, device names,
 * 320-character names) become valid, distinct identifiers and safe, distinct file names inside
 * the output folder; the client compiles strictly, its API objects are not thenables, and an
 * optional parameter named after an Object.prototype member is not read from the prototype.
 */
import path from 'node:path';
import { generate, type GenerateResult } from '../../src/pipeline.js';
import { RESERVED_WORDS } from '../../src/names/identifiers.js';
import { writeOutput } from '../../src/write/index.js';
import { startServer, type RecordingServer } from '../helpers/http-server.js';
import { FIXTURES, listFiles, removeDir, tempDir, typeCheck } from './support.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)$/i;
const INHERITED = Object.getOwnPropertyNames(Object.prototype).concat('then');

let work = '';
let result: GenerateResult;
let tscOutput = '';

beforeAll(async () => {
  work = await tempDir();
  result = await generate({ input: path.join(FIXTURES, 'names.yaml') });
  await writeOutput(path.join(work, 'out'), result.files);
  tscOutput = await typeCheck(path.join(work, 'out'));
}, 120_000);

afterAll(() => removeDir(work));

describe('hostile names', () => {
  it('file names: safe characters, no device names, short, distinct even case-insensitively, all inside the output folder', async () => {
    const files = [...result.files.keys()];
    for (const file of files) {
      expect(file).toMatch(/^(README\.md|index\.ts|runtime\.ts|\.oasgen\/manifest\.json|(apis|models)\/[A-Za-z_$][A-Za-z0-9_$]*\.ts|docs\/[A-Za-z_$][A-Za-z0-9_$]*\.md)$/);
      expect(path.basename(file).replace(/\..*$/, '')).not.toMatch(DEVICE);
      expect(file.length).toBeLessThanOrEqual(100);
    }
    expect(new Set(files.map((file) => file.toLowerCase())).size).toBe(files.length);
    expect(await listFiles(work)).toEqual([...files.map((file) => `out/${file}`), 'out/package.json', 'out/tsconfig.json'].sort());
  });

  it('every class, type, method and argument name is a valid identifier that shadows nothing', () => {
    const exported = [...result.model.apis.map((api) => api.className), ...result.model.schemas.map((schema) => schema.typeName)];
    for (const api of result.model.apis) {
      const members = api.operations.flatMap((operation) => [operation.methodName, operation.rawMethodName]);
      expect(new Set(members).size).toBe(members.length);
      for (const operation of api.operations) {
        if (operation.paramsTypeName) exported.push(operation.paramsTypeName);
        for (const name of [operation.methodName, operation.rawMethodName]) {
          expect(name).toMatch(IDENTIFIER);
          expect(INHERITED).not.toContain(name);
          expect(['configuration', 'request', 'defaultBasePath']).not.toContain(name);
        }
        const locals = [...operation.parameters.filter((p) => p.in === 'path').map((p) => p.identifier), operation.bodyName, operation.paramsName, operation.optionsName].filter(
          (name): name is string => name !== undefined,
        );
        expect(new Set(locals).size).toBe(locals.length);
        for (const local of locals) {
          expect(local).toMatch(IDENTIFIER);
          expect(RESERVED_WORDS.has(local)).toBe(false);
        }
        const properties = operation.parameters.filter((p) => p.in !== 'path').map((p) => p.identifier);
        expect(new Set(properties).size).toBe(properties.length);
        for (const property of properties) expect(INHERITED).not.toContain(property);
      }
    }
    for (const name of exported) {
      expect(name).toMatch(IDENTIFIER);
      expect(RESERVED_WORDS.has(name)).toBe(false);
    }
    expect(new Set(exported.map((name) => name.toLowerCase())).size).toBe(exported.length);
  });

  it('camel-casing collisions are renamed in spec order, each with a warning at its pointer', () => {
    const api = result.model.apis.find((candidate) => candidate.tag === 'a/b')!;
    expect(api.operations.map((operation) => operation.methodName)).toEqual(['getUser', 'getUser2', 'getUser3', 'getUserRaw2']);
    expect(result.diagnostics.filter((d) => /clashes/.test(d.message)).map((d) => d.pointer)).toEqual(['/paths/~1paths/put', '/paths/~1paths/post', '/paths/~1paths/patch']);
  });

  it('the client compiles under tsc --strict (TypeScript 7)', () => {
    expect(tscOutput).toBe('');
  });
});

describe('spec values that name Object.prototype members are not looked up on the prototype', () => {
  it('collectionFormat "constructor"/"__proto__"/"toString" fall back to csv; security names "constructor"/"__proto__" are undefined schemes', async () => {
    const swagger = await generate({ input: path.join(FIXTURES, 'swagger-inherited-keys.yaml') });
    const operation = swagger.model.apis[0]!.operations[0]!;
    expect(operation.parameters.map((p) => [p.name, p.style, p.explode])).toEqual([
      ['a', 'form', false],
      ['b', 'form', false],
      ['c', 'form', false],
      ['d', 'pipeDelimited', false],
    ]);
    const text = swagger.files.get(swagger.model.apis[0]!.fileName)!;
    // Their alternatives are dropped with a warning (not sent as anonymous ones: see security.test.ts).
    expect(text).toContain("security: [[{ id: 'key', type: 'apiKey', in: 'header', name: 'X-Key' }]]");
    expect(swagger.diagnostics.filter((d) => /undefined security scheme/.test(d.message)).map((d) => d.pointer)).toEqual(['/paths/~1items/get/security/0/constructor', '/paths/~1items/get/security/1/__proto__']);
  });
});

describe('the generated client with those names', () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  afterAll(() => server.close());

  it('an API object is not a thenable, and an omitted `constructor` parameter is not sent', async () => {
    const client = (await import(path.join(work, 'out', 'index.ts'))) as Record<string, new (...args: unknown[]) => Record<string, (...args: unknown[]) => Promise<unknown>>>;
    const api = result.model.apis.find((candidate) => candidate.tag === '__proto__')!;
    const operation = api.operations[0]!;
    const instance = new client[api.className]!(new client['Configuration']!({ basePath: server.origin }));
    expect(await Promise.resolve(instance)).toBe(instance);
    await instance[operation.methodName]!('x', {});
    const constructorParam = operation.parameters.find((p) => p.name === 'constructor')!.identifier;
    await instance[operation.methodName]!('x', { [constructorParam]: 'c' });
    expect(server.requests.map((request) => request.url)).toEqual(['/proto/x', '/proto/x?constructor=c']);
  });
});
