/**
 * Property-based: random specs (built from OpenAPI parts with hostile strings and names) and
 * mutated real specs (the built-in and fixture specs with random values put in random places)
 * go through `generate()`. Each must either fail with a UserError (a clear message, never a
 * crash) or produce output that compiles under tsc --strict: every generated output, docs
 * examples included, is type-checked in ONE TypeScript 7 run at the end.
 *
 * The seed is fixed so a failure reproduces; OASGEN_FUZZ_SEED and OASGEN_FUZZ_RUNS explore more.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { generate } from '../../src/pipeline.js';
import { UserError } from '../../src/shared/errors.js';
import { fencedBlocks } from '../helpers/markdown.js';
import { ROOT, removeDir, tempDir, typeCheck } from './support.js';

const SEED = Number(process.env['OASGEN_FUZZ_SEED'] ?? 20261129);
const RUNS = Number(process.env['OASGEN_FUZZ_RUNS'] ?? 40);

/** Strings that broke other generators. */
const HOSTILE = [
  "'", '"', '`', '\\', '${x}', '*/', '/*', '\r\n', '\u2028', '\u202e', '\u200b', '@param', '<script>', '__proto__', 'constructor',
  'then', 'toString', 'class', 'default', 'CON', 'a/b', '..', '../x', 'a\\b', '', ' ', '0', '-1', 'x'.repeat(300), '{id}', '}', '#', '%2F',
];
const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));
const name = fc.oneof(fc.constantFrom('id', 'name', 'A', 'B', ...HOSTILE), fc.string({ maxLength: 8 }));
const json = fc.jsonValue({ maxDepth: 2 });

type Json = unknown;

const { schema } = fc.letrec<{ schema: Json }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.record({ type: fc.constantFrom('string', 'integer', 'number', 'boolean', 'null'), format: fc.option(text, { nil: undefined }) }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('string'), enum: fc.array(fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)), { minLength: 1, maxLength: 4 }) }),
    fc.record({ type: fc.constant('array'), items: tie('schema') }),
    fc.record(
      {
        type: fc.constant('object'),
        properties: fc.dictionary(name, tie('schema'), { maxKeys: 4 }),
        required: fc.array(name, { maxLength: 2 }),
        additionalProperties: fc.oneof(fc.boolean(), tie('schema')),
        description: text,
        default: json,
        example: json,
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }), discriminator: fc.option(fc.record({ propertyName: name }), { nil: undefined }) }, { requiredKeys: ['oneOf'] }),
    fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }), nullable: fc.boolean() }, { requiredKeys: ['anyOf'] }),
    fc.record({ $ref: fc.constantFrom('#/components/schemas/A', '#/components/schemas/B') }),
  ),
}));

const mediaType = fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/vnd.x+json', '*/*'), text);
const content = fc.dictionary(mediaType, fc.record({ schema }), { minKeys: 1, maxKeys: 2 });
const parameter = fc.record(
  { name, in: fc.constantFrom('query', 'header', 'cookie', 'path'), required: fc.boolean(), schema, description: text, style: fc.constantFrom('form', 'simple', 'deepObject', 'pipeDelimited'), explode: fc.boolean() },
  { requiredKeys: ['name', 'in', 'schema'] },
);
const operation = fc.record(
  {
    operationId: name,
    tags: fc.array(name, { maxLength: 2 }),
    summary: text,
    description: text,
    deprecated: fc.boolean(),
    parameters: fc.array(parameter, { maxLength: 4 }),
    requestBody: fc.record({ required: fc.boolean(), description: text, content }, { requiredKeys: ['content'] }),
    responses: fc.dictionary(fc.constantFrom('200', '201', '204', '2XX', '404', 'default'), fc.record({ description: text, content }, { requiredKeys: ['description'] }), {
      minKeys: 1,
      maxKeys: 3,
    }),
    security: fc.array(fc.dictionary(fc.constantFrom('key', 'bearer', 'basic', 'missing'), fc.constant([]), { maxKeys: 2 }), { maxLength: 2 }),
  },
  { requiredKeys: ['responses'] },
);
const pathItem = fc.dictionary(fc.constantFrom('get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'), operation, { minKeys: 1, maxKeys: 3 });

/** A random OAS 3.x spec: path templates carry the names of their path parameters. */
const randomSpec = fc
  .record({
    openapi: fc.constantFrom('3.0.3', '3.1.0'),
    info: fc.record({ title: text, version: text, description: text }, { requiredKeys: ['title', 'version'] }),
    servers: fc.array(fc.record({ url: fc.oneof(fc.constant('http://localhost:9'), text) }), { maxLength: 2 }),
    paths: fc.dictionary(fc.array(fc.oneof(fc.constantFrom('items', 'a', '{id}', '..'), name), { maxLength: 3 }).map((segments) => '/' + segments.join('/')), pathItem, { maxKeys: 4 }),
    components: fc.record({
      schemas: fc.record({ A: schema, B: schema }).chain((fixed) => fc.dictionary(name, schema, { maxKeys: 3 }).map((more) => ({ ...more, ...fixed }))),
      securitySchemes: fc.constant({
        key: { type: 'apiKey', in: 'header', name: 'X-Key' },
        bearer: { type: 'http', scheme: 'bearer' },
        basic: { type: 'http', scheme: 'basic' },
      }),
    }),
  })
  .map((spec) => {
    for (const [template, item] of Object.entries(spec.paths) as [string, Record<string, { parameters?: { name: string; in: string }[] }>][]) {
      for (const op of Object.values(item)) {
        for (const p of op.parameters ?? []) if (p.in === 'path' && !template.includes(`{${p.name}}`)) p.in = 'query';
      }
    }
    return spec;
  });

/** Puts random values (or deletions) at random places of a real spec. */
function mutated(bases: readonly unknown[]) {
  const DELETE = Symbol('delete');
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(fc.tuple(fc.nat(), fc.oneof(json, text, schema, fc.constant(DELETE))), { minLength: 1, maxLength: 4 }))
    .map(([base, edits]) => {
      const spec = structuredClone(base);
      for (const [at, value] of edits) {
        const slots: [Record<string, unknown> | unknown[], string | number][] = [];
        const walk = (node: unknown) => {
          if (Array.isArray(node)) node.forEach((item, index) => (slots.push([node, index]), walk(item)));
          else if (typeof node === 'object' && node !== null) for (const [key, item] of Object.entries(node)) slots.push([node as Record<string, unknown>, key]), walk(item);
        };
        walk(spec);
        if (slots.length === 0) continue;
        const [parent, key] = slots[at % slots.length]!;
        if (value === DELETE) {
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key as string];
        } else (parent as Record<string | number, unknown>)[key] = value;
      }
      return spec;
    });
}

let work = '';
let count = 0;
/** Sample number → its spec, for the report when the batch compile fails. */
const samples = new Map<number, string>();

beforeAll(async () => {
  work = await tempDir('oasgen-fuzz-');
});
afterAll(() => (process.env['OASGEN_FUZZ_KEEP'] ? undefined : removeDir(work)));

/** Generates one sample: a UserError is fine; any other error fails; output is staged for tsc. */
async function check(spec: unknown): Promise<void> {
  const id = ++count;
  const input = path.join(work, 'specs', `${id}.json`);
  const text = JSON.stringify(spec, null, 1);
  samples.set(id, text);
  await mkdir(path.dirname(input), { recursive: true });
  await writeFile(input, text);
  let files: Map<string, string>;
  try {
    files = (await generate({ input })).files;
  } catch (error) {
    if (error instanceof UserError) return;
    throw new Error(`sample ${id} crashed with ${String(error)}\n${(error as Error).stack}\nspec: ${text.slice(0, 4000)}`);
  }
  for (const [file, content] of files) {
    const target = path.join(work, 'out', String(id), file);
    if (!target.startsWith(path.join(work, 'out', String(id)) + path.sep)) throw new Error(`sample ${id}: ${file} is outside its output folder`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    if (file.endsWith('.md')) {
      for (const [index, block] of fencedBlocks(content, 'typescript').entries()) await writeFile(target.replace(/\.md$/, `.example-${index + 1}.ts`), block);
    }
  }
}

describe('random and mutated specs: a clean error or compiling output', () => {
  it('random specs', async () => {
    await fc.assert(fc.asyncProperty(randomSpec, check), { seed: SEED, numRuns: RUNS });
  });

  it('mutated real specs', async () => {
    const files = [...['identity.yaml', 'cohesity.yaml'].map((f) => path.join(ROOT, 'specs', f)), path.join(ROOT, 'test/fixtures/specs/petstore-3.0.yaml'), path.join(ROOT, 'test/fixtures/specs/swagger-2.0.yaml'), path.join(ROOT, 'test/fixtures/specs/features-3.1.yaml')];
    const bases = await Promise.all(files.map(async (file) => yaml.load(await readFile(file, 'utf8'))));
    await fc.assert(fc.asyncProperty(mutated(bases), check), { seed: SEED, numRuns: RUNS });
  });

  it('every generated output compiles (one TypeScript 7 run)', async () => {
    const output = await typeCheck(path.join(work, 'out'), { strictest: false });
    const failing = [...new Set([...output.matchAll(/^(\d+)\//gm)].map((match) => Number(match[1])))];
    const report = failing.slice(0, 3).map((id) => `sample ${id}:\n${samples.get(id)!.slice(0, 3000)}`).join('\n\n');
    expect({ output: output.slice(0, 6000), report }).toEqual({ output: '', report: '' });
  });
});
