import type * as ir from './ir.js';
import type { LoadedSpec } from '../load/index.js';
import type { Diagnostic } from '../shared/errors.js';
import { pointerJoin, UserError } from '../shared/errors.js';
import { byCodePoint } from '../shared/sort.js';
import { isObject, stringOrUndefined, type BuildContext, type Int64Mapping, type SecuritySchemeUse, type SpecObject } from './context.js';
import { openApi3Reader } from './from-openapi3.js';
import { swagger2Reader, swagger2SecuritySchemes, swagger2Servers } from './from-swagger2.js';
import { hoistInlineSchemas } from './hoist-inline.js';
import { pathsToApis } from './operations.js';
import { splitReadWrite } from './read-write.js';
import { namedSchemaToIr } from './schema.js';

/** The IR and what was noticed while building it. */
export interface BuiltModel {
  readonly model: ir.Model;
  readonly diagnostics: readonly Diagnostic[];
}

export interface BuildModelOptions {
  /** `--strict`: what would be a warning (a skipped parameter, an unknown type…) is an error. */
  readonly strict?: boolean;
  /** `--int64`: how `format: int64` (and `uint64`) integers are typed. @default 'number' */
  readonly int64?: Int64Mapping;
}

/** Bundled spec → IR. Swagger 2.0 and OpenAPI 3.x differ only in the operation reader. */
export function buildModel(spec: Pick<LoadedSpec, 'document' | 'version'>, options: BuildModelOptions = {}): BuiltModel {
  const { document, version } = spec;
  const isSwagger2 = version === '2.0';
  const components = isObject(document['components']) ? document['components'] : {};
  const securitySchemes = (isSwagger2 ? swagger2SecuritySchemes(document) : securitySchemesToIr(components['securitySchemes'])).sort((a, b) => byCodePoint(a.name, b.name));
  const context: BuildContext = {
    document,
    schemaRefPrefix: isSwagger2 ? '#/definitions/' : '#/components/schemas/',
    diagnostics: [],
    expanding: new Set(),
    operationSchemas: new Map(),
    resolved: new Map(),
    int64: options.int64 ?? 'number',
    securitySchemes: securitySchemeUses(isSwagger2 ? document['securityDefinitions'] : components['securitySchemes'], securitySchemes),
  };
  const info = isObject(document['info']) ? document['info'] : {};
  const schemaContainer = isSwagger2 ? document['definitions'] : components['schemas'];
  const containerPointer = isSwagger2 ? '/definitions' : '/components/schemas';

  const schemas: ir.NamedSchema[] = [];
  if (isObject(schemaContainer)) {
    for (const name of Object.keys(schemaContainer).sort(byCodePoint)) {
      const pointer = pointerJoin(containerPointer, name);
      schemas.push({ name, schema: namedSchemaToIr(context, name, schemaContainer[name], pointer), pointer });
    }
  }
  const description = stringOrUndefined(info['description']);
  const hoisted = hoistInlineSchemas(pathsToApis(context, isSwagger2 ? swagger2Reader : openApi3Reader), schemas);
  const shaped = splitReadWrite(hoisted.apis, hoisted.schemas);
  const model: ir.Model = {
    title: stringOrUndefined(info['title']) ?? 'API',
    version: String(info['version'] ?? ''),
    ...(description !== undefined ? { description } : {}),
    specVersion: version,
    servers: isSwagger2 ? swagger2Servers(document) : serversToIr(document['servers']),
    apis: shaped.apis,
    schemas: shaped.schemas,
    securitySchemes,
  };
  const first = context.diagnostics[0];
  if (options.strict && first) {
    const more = context.diagnostics.length > 1 ? ` (and ${context.diagnostics.length - 1} more)` : '';
    throw new UserError(`${first.message}${more}`, first.pointer !== undefined ? { pointer: first.pointer } : {});
  }
  return { model, diagnostics: context.diagnostics };
}

function serversToIr(node: unknown): ir.Server[] {
  if (!Array.isArray(node)) return [];
  return node.filter(isObject).flatMap((server) => {
    if (typeof server['url'] !== 'string') return [];
    const variables: ir.ServerVariable[] = [];
    if (isObject(server['variables'])) {
      for (const [name, variable] of Object.entries(server['variables'])) {
        if (!isObject(variable)) continue;
        const values = Array.isArray(variable['enum']) ? variable['enum'].map(String) : undefined;
        const description = stringOrUndefined(variable['description']);
        variables.push({
          name,
          default: String(variable['default'] ?? values?.[0] ?? ''),
          ...(values ? { enum: values } : {}),
          ...(description !== undefined ? { description } : {}),
        });
      }
    }
    const description = stringOrUndefined(server['description']);
    return [{ url: server['url'], ...(description !== undefined ? { description } : {}), variables }];
  });
}

/** What a client can do with each declared scheme: those the IR kept are sent; mutualTLS is the connection's. */
function securitySchemeUses(declared: unknown, kept: readonly ir.SecurityScheme[]): Map<string, SecuritySchemeUse> {
  const sent = new Set(kept.map((scheme) => scheme.name));
  const uses = new Map<string, SecuritySchemeUse>();
  for (const [name, scheme] of Object.entries(isObject(declared) ? declared : {})) {
    uses.set(name, sent.has(name) ? 'send' : isObject(scheme) && scheme['type'] === 'mutualTLS' ? 'transport' : 'unusable');
  }
  return uses;
}

function securitySchemesToIr(node: unknown): ir.SecurityScheme[] {
  if (!isObject(node)) return [];
  const out: ir.SecurityScheme[] = [];
  for (const [name, scheme] of Object.entries(node)) {
    if (!isObject(scheme)) continue;
    const description = stringOrUndefined(scheme['description']);
    const extra = description !== undefined ? { description } : {};
    const type = scheme['type'];
    if (type === 'apiKey' && (scheme['in'] === 'header' || scheme['in'] === 'query' || scheme['in'] === 'cookie')) {
      out.push({ name, type, in: scheme['in'], parameterName: String(scheme['name'] ?? name), ...extra });
    } else if (type === 'http') {
      const bearerFormat = stringOrUndefined(scheme['bearerFormat']);
      out.push({ name, type, scheme: String(scheme['scheme'] ?? 'bearer').toLowerCase(), ...(bearerFormat ? { bearerFormat } : {}), ...extra });
    } else if (type === 'oauth2' || type === 'openIdConnect') {
      out.push({ name, type, ...extra });
    }
  }
  return out;
}

export type { SpecObject };
