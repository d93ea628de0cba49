import type * as ir from './ir.js';
import { pointerJoin } from '../shared/errors.js';
import { byCodePoint } from '../shared/sort.js';
import { deref, isObject, stringOrUndefined, warn, type BuildContext, type SpecObject } from './context.js';

const HTTP_METHODS: readonly ir.HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** What differs between Swagger 2.0 and OpenAPI 3.x when reading one operation. */
export interface OperationReader {
  parameter(context: BuildContext, node: SpecObject, pointer: string): ir.Parameter | undefined;
  requestBody(context: BuildContext, operation: SpecObject, parameters: readonly SpecObjectAt[], pointer: string): ir.RequestBody | undefined;
  response(context: BuildContext, status: string, node: SpecObject, operation: SpecObject, pointer: string): ir.Response;
}

/** A spec object and the pointer where it was found (after following `$ref`). */
export interface SpecObjectAt {
  readonly node: SpecObject;
  readonly pointer: string;
}

/** Paths Object → operations grouped by tag, in order of first appearance. */
export function pathsToApis(context: BuildContext, reader: OperationReader): ir.Api[] {
  const paths = context.document['paths'];
  const byTag = new Map<string, ir.Operation[]>();
  const declaredTags = Array.isArray(context.document['tags']) ? context.document['tags'].filter(isObject) : [];
  for (const tag of declaredTags) if (typeof tag['name'] === 'string' && !byTag.has(tag['name'])) byTag.set(tag['name'], []);
  if (!isObject(paths)) return [];
  // The global requirement is checked (and warned about) once, not once per operation using it.
  const globalSecurity = securityToIr(context, context.document['security'], '/security');

  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = pointerJoin('/paths', path);
    if (!path.startsWith('/')) {
      if (!path.startsWith('x-')) warn(context, `path "${path}" does not start with "/"; skipped`, itemPointer);
      continue;
    }
    const { value: item } = deref(context, rawItem);
    if (!isObject(item)) continue;
    const pathParameters = parameterList(context, item['parameters'], pointerJoin(itemPointer, 'parameters'));
    // Spec order of the path item's keys: the order the author wrote the operations in.
    for (const method of Object.keys(item).filter((key): key is ir.HttpMethod => (HTTP_METHODS as readonly string[]).includes(key))) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = pointerJoin(itemPointer, method);
      const built = operationToIr(context, reader, { path, method, operation, pathParameters, pointer, globalSecurity });
      const tags = Array.isArray(operation['tags']) ? operation['tags'].filter((t): t is string => typeof t === 'string') : [];
      for (const tag of tags.length > 0 ? [...new Set(tags)] : ['default']) {
        const list = byTag.get(tag) ?? [];
        list.push(built);
        byTag.set(tag, list);
      }
    }
  }
  const descriptions = new Map(declaredTags.map((tag) => [tag['name'], stringOrUndefined(tag['description'])]));
  return [...byTag]
    .filter(([, operations]) => operations.length > 0)
    .map(([tag, operations]) => {
      const description = descriptions.get(tag);
      return description === undefined ? { tag, operations } : { tag, description, operations };
    });
}

interface OperationSource {
  readonly path: string;
  readonly method: ir.HttpMethod;
  readonly operation: SpecObject;
  readonly pathParameters: readonly SpecObjectAt[];
  readonly pointer: string;
  readonly globalSecurity: OperationSecurity;
}

function operationToIr(context: BuildContext, reader: OperationReader, source: OperationSource): ir.Operation {
  const { path, method, operation, pointer } = source;
  const own = parameterList(context, operation['parameters'], pointerJoin(pointer, 'parameters'));
  // OAS Path Item `parameters`: an operation-level parameter with the same name and location overrides it.
  const key = (p: SpecObjectAt) => `${String(p.node['in'])}\u0000${String(p.node['name'])}`;
  const ownKeys = new Set(own.map(key));
  const merged = [...source.pathParameters.filter((p) => !ownKeys.has(key(p))), ...own];

  const parameters: ir.Parameter[] = [];
  for (const { node, pointer: at } of merged) {
    const parameter = reader.parameter(context, node, at);
    if (parameter) parameters.push(parameter);
  }
  const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  for (const name of templateNames) {
    // Lenient: the client still generates; calling it fails with "Path parameter … is missing" instead of sending `{name}`.
    if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === name)) warn(context, `path template variable "${name}" has no path parameter`, pointer);
  }
  const requestBody = reader.requestBody(context, operation, merged, pointer);
  const responses = responsesToIr(context, reader, operation, pointer);
  const operationId = stringOrUndefined(operation['operationId'])?.trim();
  const summary = stringOrUndefined(operation['summary']);
  const description = stringOrUndefined(operation['description']);
  return {
    operationId: operationId || deriveOperationId(method, path),
    operationIdDerived: !operationId,
    method,
    path,
    ...(summary !== undefined ? { summary } : {}),
    ...(description !== undefined ? { description } : {}),
    deprecated: operation['deprecated'] === true,
    parameters: orderParameters(parameters, templateNames),
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...(operation['security'] === undefined ? source.globalSecurity : securityToIr(context, operation['security'], pointerJoin(pointer, 'security'))),
    pointer,
  };
}

function parameterList(context: BuildContext, list: unknown, pointer: string): SpecObjectAt[] {
  if (!Array.isArray(list)) return [];
  const out: SpecObjectAt[] = [];
  list.forEach((raw, index) => {
    const { value, pointer: refPointer } = deref(context, raw);
    if (isObject(value) && typeof value['name'] === 'string' && typeof value['in'] === 'string') {
      out.push({ node: value, pointer: refPointer ?? pointerJoin(pointer, index) });
    } else {
      warn(context, 'parameter without "name" or "in"; skipped', pointerJoin(pointer, index));
    }
  });
  return out;
}

/** Path parameters in path-template order (they are positional), then the rest in spec order. */
function orderParameters(parameters: ir.Parameter[], templateNames: readonly string[]): ir.Parameter[] {
  const inPath = parameters.filter((p) => p.in === 'path').sort((a, b) => templateNames.indexOf(a.name) - templateNames.indexOf(b.name));
  return [...inPath, ...parameters.filter((p) => p.in !== 'path')];
}

/** `get /users/{id}/keys` → `get_users_by_id_keys`, camelCased later by the names stage. */
function deriveOperationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith('{') && segment.endsWith('}') ? `by_${segment.slice(1, -1)}` : segment));
  return [method, ...words].join('_') || method;
}

function responsesToIr(context: BuildContext, reader: OperationReader, operation: SpecObject, pointer: string): ir.Response[] {
  const responses = operation['responses'];
  if (!isObject(responses)) {
    warn(context, 'operation has no "responses"', pointer);
    return [];
  }
  const out: ir.Response[] = [];
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^([1-5](\d\d|XX)|default)$/i.test(status)) continue;
    const at = pointerJoin(pointer, 'responses', status);
    const { value, pointer: refPointer } = deref(context, raw);
    if (!isObject(value)) continue;
    out.push(reader.response(context, status.toUpperCase() === 'DEFAULT' ? 'default' : status.toUpperCase(), value, operation, refPointer ?? at));
  }
  return out.sort((a, b) => byCodePoint(statusOrder(a.status), statusOrder(b.status)));
}

function statusOrder(status: string): string {
  return status === 'default' ? '9' : status.replace(/X/g, '9');
}

/** An operation's security fields of the IR. */
type OperationSecurity = Pick<ir.Operation, 'security' | 'undefinedSecuritySchemes'>;

/**
 * Security Requirement Objects → alternatives. An alternative naming a scheme the spec does not
 * define, or defines so that no request can carry it, cannot be met (all its schemes must apply):
 * it is dropped with a warning, never sent as anonymous; the names are kept so the docs can say
 * the operation needs them. A mutualTLS scheme is the connection's business: it is left out of
 * its alternative, which the client then sends with the rest of its schemes.
 */
function securityToIr(context: BuildContext, node: unknown, pointer: string): OperationSecurity {
  if (!Array.isArray(node)) return { security: [] };
  const security: ir.SecurityRequirement[] = [];
  const unmet = new Set<string>();
  node.forEach((requirement, index) => {
    if (!isObject(requirement)) return;
    const names = Object.keys(requirement);
    const missing = names.filter((name) => context.securitySchemes.get(name) === undefined || context.securitySchemes.get(name) === 'unusable');
    for (const name of missing) {
      const why = context.securitySchemes.has(name) ? `the security scheme "${name}", whose type (or apiKey "in") no request can carry` : `the undefined security scheme "${name}"`;
      warn(context, `security requirement names ${why}; this alternative is dropped`, pointerJoin(pointer, index, name));
      unmet.add(name);
    }
    if (missing.length > 0) return;
    security.push({
      schemes: names
        .filter((name) => context.securitySchemes.get(name) === 'send')
        .map((name) => {
          const scopes = requirement[name];
          return { name, scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [] };
        }),
    });
  });
  return unmet.size === 0 ? { security } : { security, undefinedSecuritySchemes: [...unmet].sort(byCodePoint) };
}

/** The APIs with `fn` applied to each operation once: an operation in several tags is one object in several APIs, and stays one. */
export function mapOperations(apis: readonly ir.Api[], fn: (operation: ir.Operation) => ir.Operation): ir.Api[] {
  const done = new Map<ir.Operation, ir.Operation>();
  return apis.map((api) => ({
    ...api,
    operations: api.operations.map((operation) => {
      let result = done.get(operation);
      if (!result) done.set(operation, (result = fn(operation)));
      return result;
    }),
  }));
}

/** Media types in preference order: JSON first, then `+json`, then the rest in spec order. */
export function preferJson<T extends { readonly mediaType: string }>(contents: T[]): T[] {
  const rank = (mediaType: string) => (/^application\/json\b/i.test(mediaType) ? 0 : /\+json\b/i.test(mediaType) ? 1 : 2);
  return contents.map((content, index) => ({ content, index })).sort((a, b) => rank(a.content.mediaType) - rank(b.content.mediaType) || a.index - b.index).map((entry) => entry.content);
}
