import { readFile, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import yaml from 'js-yaml';
import { pointerJoin, UserError, type Diagnostic } from '../shared/errors.js';
import { bundleIsIdentity } from './local-refs.js';

/** A spec read, bundled into one document (internal `$ref`s kept) and checked. */
export interface LoadedSpec {
  /** Absolute path of the spec file. */
  readonly file: string;
  /** The bundled document: external files inlined, component `$ref`s kept so names survive. */
  readonly document: Record<string, unknown>;
  readonly version: '2.0' | '3.0' | '3.1';
  /** Raw bytes' text, for the spec hash in the manifest. */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoadOptions {
  /** Run swagger-parser's full schema validation (reported as warnings unless `strict`). */
  readonly validate?: boolean;
  /** Validation problems become errors. */
  readonly strict?: boolean;
}

/** Reads, parses, bundles and validates a spec. No network: local `$ref`s stay inside the spec's folder. */
export async function loadSpec(input: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const file = path.resolve(input);
  const text = await readSpecFile(file, input);
  const parsed = parseText(text, input);
  const version = detectVersion(parsed, input);
  const root = await realpath(path.dirname(file));
  let document: Record<string, unknown>;
  if (bundleIsIdentity(parsed)) {
    document = parsed as Record<string, unknown>;
  } else {
    try {
      document = (await SwaggerParser.bundle(file, parsed as never, confinedResolverOptions(root) as never)) as unknown as Record<string, unknown>;
    } catch (error) {
      throw refError(error, input);
    }
  }
  const diagnostics: Diagnostic[] = [];
  if (options.validate !== false) {
    diagnostics.push(...(await validateDocument(document, version, options.strict === true)));
    if (options.strict && diagnostics.length > 0) {
      const first = diagnostics[0]!;
      throw new UserError(`invalid spec: ${first.message}` + (diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''), {
        file: input,
        ...(first.pointer !== undefined ? { pointer: first.pointer } : {}),
      });
    }
  }
  return { file, document, version, text, diagnostics };
}

async function readSpecFile(file: string, shown: string): Promise<string> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new UserError('spec file not found', { file: shown });
  }
  if (info.isDirectory()) throw new UserError('is a directory, expected a spec file (.yaml, .yml or .json)', { file: shown });
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the spec file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: shown });
  }
}

/**
 * YAML is a superset of JSON, so one parser serves both; errors carry line and column.
 * JSON text goes through `JSON.parse` first (5× faster on big specs; same result, duplicate keys
 * included: last wins in both); only text it rejects is read by js-yaml, which reports where.
 */
function parseText(text: string, shown: string): unknown {
  if (text.trim() === '') throw new UserError('the spec file is empty', { file: shown });
  if (/^\s*\{/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // not strict JSON: YAML's flow syntax may still read it, or it says where it fails
    }
  }
  try {
    return yaml.load(text, { filename: shown, json: true });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark;
      throw new UserError(`syntax error: ${error.reason}`, { file: shown, line: mark.line + 1, column: mark.column + 1 });
    }
    throw error;
  }
}

function detectVersion(document: unknown, shown: string): LoadedSpec['version'] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new UserError('not an OpenAPI document: expected a YAML or JSON object at the top level', { file: shown, pointer: '' });
  }
  const record = document as Record<string, unknown>;
  if (record['swagger'] !== undefined) {
    if (String(record['swagger']) !== '2.0') throw new UserError(`unsupported swagger version "${String(record['swagger'])}" (supported: 2.0)`, { file: shown, pointer: '/swagger' });
    return '2.0';
  }
  if (record['openapi'] === undefined) {
    throw new UserError('not an OpenAPI document: neither "openapi" nor "swagger" is set', { file: shown, pointer: '' });
  }
  const match = /^3\.([01])\.\d+/.exec(String(record['openapi']));
  if (!match) throw new UserError(`unsupported openapi version "${String(record['openapi'])}" (supported: 2.0, 3.0.x, 3.1.x)`, { file: shown, pointer: '/openapi' });
  if (match[1] === '0' && typeof record['paths'] !== 'object') {
    throw new UserError('missing "paths"', { file: shown, pointer: '/paths' });
  }
  return match[1] === '0' ? '3.0' : '3.1';
}

/**
 * $RefParser options: the file resolver reads only files inside `root` (after resolving
 * symlinks); HTTP is switched off entirely, so no `$ref` can reach the network.
 */
function confinedResolverOptions(root: string): object {
  return {
    resolve: {
      http: false,
      file: {
        order: 1,
        canRead: (info: { url: string }) => !/^[a-z][a-z0-9+.-]+:\/\//i.test(info.url) || info.url.startsWith('file:'),
        read: async (info: { url: string }) => {
          const target = info.url.startsWith('file:') ? fileURLToPath(info.url) : decodeURIComponent(info.url);
          let real: string;
          try {
            real = await realpath(target);
          } catch {
            throw new UserError(`$ref target not found: ${path.basename(target)}`);
          }
          if (real !== root && !real.startsWith(root + path.sep)) {
            throw new UserError(`$ref points outside the spec's folder: ${target}`);
          }
          return readFile(real);
        },
      },
    },
  };
}

function refError(error: unknown, shown: string): UserError {
  if (error instanceof UserError) return new UserError(error.message, { file: shown });
  const message = error instanceof Error ? error.message : String(error);
  return new UserError(`cannot resolve references: ${message.split('\n')[0]}`, { file: shown });
}

/** swagger-parser's JSON-schema check alone (the part of `validate` that OpenAPI 3 documents get). */
const validateSchema = createRequire(import.meta.url)('@apidevtools/swagger-parser/lib/validators/schema.js') as (api: object) => void;

/**
 * Validation problems as diagnostics. OpenAPI 3.x: the document is checked against the OAS JSON
 * schema as it is, `$ref`s in place: that is all swagger-parser's `validate` checks for 3.x, but
 * it first dereferences a copy and so re-checks every shared schema at each use (seconds on big
 * specs, and one warning per use). Swagger 2.0 also gets swagger-parser's spec checks (duplicate
 * parameters, path parameters), which need the dereferenced copy.
 */
async function validateDocument(document: Record<string, unknown>, version: LoadedSpec['version'], strict: boolean): Promise<Diagnostic[]> {
  try {
    if (version === '2.0') {
      await SwaggerParser.validate(structuredClone(document) as never, {
        resolve: { external: false },
        dereference: { circular: 'ignore' },
      } as never);
    } else {
      validateSchema(document);
    }
    return [];
  } catch (error) {
    const details = (error as { details?: { message: string; instancePath?: string; path?: (string | number)[] }[] }).details;
    const severity = strict ? 'error' : 'warning';
    if (Array.isArray(details) && details.length > 0) {
      return details.map((detail) => ({
        severity,
        message: detail.message,
        pointer: typeof detail.instancePath === 'string' ? detail.instancePath : pointerJoin('', ...(detail.path ?? [])),
      }));
    }
    const message = error instanceof Error ? error.message : String(error);
    return [{ severity, message: message.split('\n')[0] ?? message }];
  }
}
