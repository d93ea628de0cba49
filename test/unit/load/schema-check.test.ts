import { createRequire } from 'node:module';
import { loadValidator, openApiSchemaProblems } from '../../../src/load/schema-check.js';

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
