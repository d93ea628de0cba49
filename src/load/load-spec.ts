import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pointerJoin, UserError, type Diagnostic } from '../shared/errors.js';
import { LIMITS, type Limits } from './limits.js';
import { bundleIsIdentity } from './local-refs.js';
import { openApiSchemaProblems } from './schema-check.js';
import { parseDocument } from './parse-document.js';
import { readLocalText } from './read-local.js';
import { isHttpUrl, readRemoteText } from './read-remote.js';
import { parseSpecDocument, ReferencedDocuments, type ReferencePolicy, type SpecDocument } from './references.js';

/** A spec read, bundled into one document (internal `$ref`s kept) and checked. */
export interface LoadedSpec {
  /** Absolute path (or URL) of the spec. */
  readonly file: string;
  /** The bundled document: external files inlined, component `$ref`s kept so names survive. */
  readonly document: Record<string, unknown>;
  readonly version: '2.0' | '3.0' | '3.1';
  /** Raw bytes' text. */
  readonly text: string;
  /** Hex SHA-256 of the text as UTF-8 (the manifest's spec hash), hashed from the bytes as read. */
  readonly textHash: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoadOptions {
  /** Run swagger-parser's full schema validation (reported as warnings unless `strict`). */
  readonly validate?: boolean;
  /** Validation problems become errors. */
  readonly strict?: boolean;
  /** `--allow-remote`: `$ref`s (and the input) may be http(s) URLs. Without it nothing is fetched,
   *  except a URL given as the input itself, whose host is then allowed. */
  readonly allowRemote?: boolean;
  /** Overrides of the resource limits (tests lower them). */
  readonly limits?: Partial<Limits>;
}

/**
 * Reads, parses, checks every `$ref`, bundles and validates a spec. Local `$ref`s stay inside
 * the spec's folder; nothing is fetched from the network unless the options allow it.
 */
export async function loadSpec(input: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const limits: Limits = { ...LIMITS, ...options.limits };
  const remoteInput = isHttpUrl(input);
  let root: SpecDocument;
  let policy: ReferencePolicy;
  if (remoteInput) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new UserError('invalid URL', { file: input });
    }
    url.hash = '';
    policy = { allowRemote: options.allowRemote === true, allowedHosts: new Set([url.host]) };
    root = parseSpecDocument(url, input, await readRemoteText(url, policy, limits, input), limits);
  } else {
    const file = path.resolve(input);
    root = parseSpecDocument(pathToFileURL(file), input, await readLocalText(file, input, limits), limits);
    policy = { allowRemote: options.allowRemote === true, allowedHosts: new Set(), root: await realpath(path.dirname(file)) };
  }
  const version = detectVersion(root.document, input);
  const documents = new ReferencedDocuments(root, policy, limits);
  await documents.collect();
  // Bundling inlines external files; a self-contained document skips it (it would change nothing).
  const document = bundleIsIdentity(root.document, root.references) ? (root.document as Record<string, unknown>) : await bundle(root, documents, limits);

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
  return { file: remoteInput ? input : path.resolve(input), document, version, text: root.text, textHash: root.sha256, diagnostics };
}

function detectVersion(document: unknown, shown: string): LoadedSpec['version'] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new UserError('not an OpenAPI document: expected a YAML or JSON object at the top level', { file: shown, pointer: '' });
  }
  const record = document as Record<string, unknown>;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(record, key) && record[key] !== undefined && record[key] !== null;
  let version: LoadedSpec['version'];
  if (has('swagger')) {
    if (String(record['swagger']) !== '2.0') throw new UserError(`unsupported swagger version "${String(record['swagger'])}" (supported: 2.0)`, { file: shown, pointer: '/swagger' });
    version = '2.0';
  } else if (has('openapi')) {
    const match = typeof record['openapi'] === 'string' ? /^3\.([01])\.\d+(?:[-+][\w.-]*)?$/.exec(record['openapi']) : null;
    if (!match) {
      throw new UserError(`unsupported openapi version ${JSON.stringify(record['openapi'])} (supported: "2.0", "3.0.x", "3.1.x"; write it as a string)`, {
        file: shown,
        pointer: '/openapi',
      });
    }
    version = match[1] === '0' ? '3.0' : '3.1';
  } else {
    throw new UserError('not an OpenAPI document: neither "openapi" nor "swagger" is set', { file: shown, pointer: '' });
  }
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  // OAS 3.1 makes `paths` optional when `components` or `webhooks` are given; the others require it.
  const pathsOptional = version === '3.1' && (has('components') || has('webhooks'));
  if (!has('paths') && !pathsOptional) throw new UserError('missing "paths"', { file: shown, pointer: '/paths' });
  if (has('paths') && !isObject(record['paths'])) throw new UserError('"paths" must be an object', { file: shown, pointer: '/paths' });
  return version;
}

/**
 * swagger-parser's bundler inlines external files. It reads only what `ReferencedDocuments`
 * already checked (its own file and http resolvers are off) and parses with our limits.
 */
async function bundle(root: SpecDocument, documents: ReferencedDocuments, limits: Limits): Promise<Record<string, unknown>> {
  let failure: UserError | undefined;
  const guard = <T>(run: () => Promise<T> | T) => async () => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof UserError) failure ??= error;
      throw error;
    }
  };
  const options = {
    resolve: {
      file: false,
      http: false,
      checked: {
        order: 1,
        canRead: true,
        read: (file: { url: string }) => guard(() => documents.textFor(file.url))(),
      },
    },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      checked: {
        order: 1,
        canParse: true,
        parse: (file: { url: string; data: unknown }) =>
          guard(() => parseDocument(typeof file.data === 'string' ? file.data : String(file.data), file.url, limits).document)(),
      },
    },
  };
  const base = root.location.protocol === 'file:' ? decodeURIComponent(root.location.pathname) : root.location.href;
  try {
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    return (await SwaggerParser.bundle(base, root.document as never, options as never)) as unknown as Record<string, unknown>;
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof UserError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(`cannot resolve references: ${message.split('\n')[0]}`, { file: root.shown });
  }
}

/**
 * Validation problems as diagnostics. OpenAPI 3.x: the document is checked against the OAS JSON
 * schema as it is, `$ref`s in place: that is all swagger-parser's `validate` checks for 3.x, but
 * it first dereferences a copy and so re-checks every shared schema at each use (seconds on big
 * specs, and one warning per use). Swagger 2.0 also gets swagger-parser's spec checks (duplicate
 * parameters, path parameters), which need the dereferenced copy; it never resolves anything
 * external (the document is already bundled).
 */
async function validateDocument(document: Record<string, unknown>, version: LoadedSpec['version'], strict: boolean): Promise<Diagnostic[]> {
  try {
    if (version === '2.0') {
      const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
      await SwaggerParser.validate(structuredClone(document) as never, {
        resolve: { external: false, file: false, http: false },
        dereference: { circular: 'ignore' },
      } as never);
      return [];
    }
    // swagger-parser's JSON-schema check alone: the part of `validate` that OpenAPI 3 documents get.
    const severity = strict ? 'error' : 'warning';
    return openApiSchemaProblems(document, version).map((problem) => ({ severity, message: problem.message, pointer: problem.instancePath }));
  } catch (error) {
    const details = (error as { details?: ValidationDetail[] }).details;
    const severity = strict ? 'error' : 'warning';
    if (Array.isArray(details) && details.length > 0) {
      return withoutAlternativeNoise(details).map((detail) => ({
        severity,
        message: detail.message,
        pointer: typeof detail.instancePath === 'string' ? detail.instancePath : pointerJoin('', ...(detail.path ?? [])),
      }));
    }
    const message = error instanceof Error ? error.message : String(error);
    return [{ severity, message: message.split('\n')[0] ?? message }];
  }
}

/** One schema-validation problem as swagger-parser reports it. */
interface ValidationDetail {
  readonly message: string;
  readonly instancePath?: string;
  readonly path?: (string | number)[];
  readonly keyword?: string;
  readonly schemaPath?: string;
}

/**
 * ajv reports a failed `oneOf: [Thing, Reference]` three times (the real problem, "must have
 * required property '$ref'", "must match exactly one schema in oneOf"); keep the real one.
 */
function withoutAlternativeNoise(details: readonly ValidationDetail[]): ValidationDetail[] {
  const isNoise = (detail: ValidationDetail) => detail.keyword === 'oneOf' || (detail.schemaPath ?? '').includes('/definitions/Reference/');
  return details.filter((detail) => !isNoise(detail) || !details.some((other) => other !== detail && !isNoise(other) && other.instancePath === detail.instancePath));
}
