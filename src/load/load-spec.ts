import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import yaml from 'js-yaml';
import { pointerJoin, UserError, type Diagnostic } from '../shared/errors.js';

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
  try {
    document = (await SwaggerParser.bundle(file, parsed as never, confinedResolverOptions(root) as never)) as unknown as Record<string, unknown>;
  } catch (error) {
    throw refError(error, input);
  }
  const diagnostics: Diagnostic[] = [];
  if (options.validate !== false) {
    diagnostics.push(...(await validateDocument(document, options.strict === true)));
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

/** YAML is a superset of JSON, so one parser serves both; errors carry line and column. */
function parseText(text: string, shown: string): unknown {
  if (text.trim() === '') throw new UserError('the spec file is empty', { file: shown });
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

/** Full schema validation by swagger-parser, on a copy (it dereferences in place). */
async function validateDocument(document: Record<string, unknown>, strict: boolean): Promise<Diagnostic[]> {
  try {
    await SwaggerParser.validate(structuredClone(document) as never, {
      resolve: { external: false },
      dereference: { circular: 'ignore' },
    } as never);
    return [];
  } catch (error) {
    const details = (error as { details?: { message: string; path?: (string | number)[] }[] }).details;
    const severity = strict ? 'error' : 'warning';
    if (Array.isArray(details) && details.length > 0) {
      return details.map((detail) => ({
        severity,
        message: detail.message,
        pointer: pointerJoin('', ...(detail.path ?? [])),
      }));
    }
    const message = error instanceof Error ? error.message : String(error);
    return [{ severity, message: message.split('\n')[0] ?? message }];
  }
}
