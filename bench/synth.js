// @ts-check
/**
 * Synthetic OpenAPI 3.0 specs of any size, for the linear-scaling check: every 20 operations
 * form one tag, and every operation brings the same mix as a real API (path, query and header
 * parameters, a JSON body, typed success and error responses, security) plus one new schema
 * with nested objects, arrays, enums and `$ref`s to earlier schemas (shared parameters and error
 * responses are `$ref`s to components, as in most real specs). Deterministic: the same
 * count always gives the same bytes, so per-operation costs are comparable across sizes.
 *
 * Written as compact JSON: the 20k-operation spec must stay under oasgen's 32 MiB input limit.
 *
 * CLI: node bench/synth.js <operations> <out.json>
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Builds a spec with `operations` operations (and as many schemas, plus a few shared ones). */
export function synthesizeSpec(operations) {
  /** @type {Record<string, unknown>} */
  const paths = {};
  /** @type {Record<string, unknown>} */
  const schemas = {
    Error: {
      type: 'object',
      description: 'An error returned by every operation.',
      required: ['code', 'message'],
      properties: { code: { type: 'integer', format: 'int32' }, message: { type: 'string' }, details: { type: 'array', items: { type: 'string' } } },
    },
    Page: {
      type: 'object',
      description: 'Pagination links.',
      properties: { next: { type: 'string', format: 'uri', nullable: true }, total: { type: 'integer' } },
    },
  };
  const tags = [];
  for (let i = 0; i < operations; i++) {
    const tag = `group${Math.floor(i / 20)}`;
    if (i % 20 === 0) tags.push({ name: tag, description: `Operations of ${tag}.` });
    const name = `Resource${i}`;
    const other = i > 0 ? `Resource${(i * 7919) % i}` : 'Page';
    schemas[name] = {
      type: 'object',
      description: `A ${name}.`,
      required: ['id', 'name', 'status'],
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        name: { type: 'string', minLength: 1, maxLength: 100, example: `name-${i}` },
        status: { type: 'string', enum: ['active', 'pending', 'archived'], default: 'active' },
        count: { type: 'integer', format: 'int64', minimum: 0 },
        ratio: { type: 'number', format: 'double', nullable: true },
        labels: { type: 'array', items: { type: 'string' } },
        metadata: { type: 'object', additionalProperties: { type: 'string' } },
        related: { $ref: `#/components/schemas/${other}` },
        owner: {
          type: 'object',
          properties: { login: { type: 'string' }, url: { type: 'string', format: 'uri' }, admin: { type: 'boolean', deprecated: true } },
        },
        created_at: { type: 'string', format: 'date-time' },
      },
    };
    const methods = ['get', 'post', 'put', 'patch', 'delete'];
    const method = methods[i % methods.length] ?? 'get';
    const hasBody = method === 'post' || method === 'put' || method === 'patch';
    /** @type {Record<string, unknown>} */
    const operation = {
      tags: [tag],
      operationId: `${method}${name}`,
      summary: `${method.toUpperCase()} a ${name}`,
      description: `Does ${method} on a ${name}. Requires the \`repo\` scope.`,
      parameters: [
        { $ref: '#/components/parameters/owner' },
        { $ref: '#/components/parameters/id' },
        { $ref: '#/components/parameters/per_page' },
        { name: 'sort', in: 'query', schema: { type: 'string', enum: ['created', 'updated'] } },
        { name: 'X-Request-Id', in: 'header', schema: { type: 'string' } },
      ],
      responses: {
        [method === 'delete' ? '204' : '200']:
          method === 'delete'
            ? { description: 'Deleted.' }
            : { description: 'The resource.', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } },
        404: { $ref: '#/components/responses/NotFound' },
        default: { $ref: '#/components/responses/Error' },
      },
      security: [{ token: [] }],
    };
    if (hasBody) {
      operation['requestBody'] = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
    }
    paths[`/owners/{owner}/${tag}/r${i}/{id}`] = { [method]: operation };
  }
  return {
    openapi: '3.0.3',
    info: { title: `Synthetic API (${operations} operations)`, version: '1.0.0' },
    servers: [{ url: 'https://api.example.com/v1' }],
    tags,
    paths,
    components: {
      schemas,
      parameters: {
        owner: { name: 'owner', in: 'path', required: true, description: 'The account owner.', schema: { type: 'string' } },
        id: { name: 'id', in: 'path', required: true, description: 'The resource id.', schema: { type: 'integer' } },
        per_page: { name: 'per_page', in: 'query', description: 'Results per page (max 100).', schema: { type: 'integer', default: 30 } },
      },
      responses: {
        NotFound: { description: 'Not found.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        Error: { description: 'Any other error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2]);
  const out = process.argv[3];
  if (!Number.isInteger(count) || count < 1 || !out) {
    process.stderr.write('usage: node bench/synth.js <operations> <out.json>\n');
    process.exit(1);
  }
  writeFileSync(out, JSON.stringify(synthesizeSpec(count)) + '\n');
}
