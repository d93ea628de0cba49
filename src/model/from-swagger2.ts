import type * as ir from './ir.js';
import { pointerJoin } from '../shared/errors.js';
import { isObject, stringOrUndefined, warn, type BuildContext, type SpecObject } from './context.js';
import { preferJson, type OperationReader, type SpecObjectAt } from './operations.js';
import { operationSchemaToIr } from './schema.js';

/** Swagger 2.0 `collectionFormat` → OAS 3 style/explode. A Map: the key comes from the spec (`constructor` must miss). */
const COLLECTION_FORMATS: ReadonlyMap<string, { style: ir.Parameter['style']; explode: boolean }> = new Map([
  ['csv', { style: 'form', explode: false }],
  ['ssv', { style: 'spaceDelimited', explode: false }],
  ['tsv', { style: 'tabDelimited', explode: false }],
  ['pipes', { style: 'pipeDelimited', explode: false }],
  ['multi', { style: 'form', explode: true }],
]);

function mediaTypes(context: BuildContext, operation: SpecObject, key: 'consumes' | 'produces'): string[] {
  const list = operation[key] ?? context.document[key];
  const types = Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
  return types.length > 0 ? types : ['application/json'];
}

/** Swagger 2.0 operations: body/formData parameters become the request body. */
export const swagger2Reader: OperationReader = {
  parameter(context, node, pointer) {
    const location = node['in'];
    if (location === 'body' || location === 'formData') return undefined;
    if (location !== 'path' && location !== 'query' && location !== 'header') {
      warn(context, `parameter location "${String(location)}" is not one of path, query, header, body, formData; skipped`, pointerJoin(pointer, 'in'));
      return undefined;
    }
    const format = COLLECTION_FORMATS.get(String(node['collectionFormat'] ?? 'csv')) ?? COLLECTION_FORMATS.get('csv')!;
    const style = node['type'] === 'array' ? (location === 'query' ? format.style : 'simple') : location === 'query' ? 'form' : 'simple';
    const description = stringOrUndefined(node['description']);
    return {
      name: String(node['name']),
      in: location,
      required: location === 'path' || node['required'] === true,
      ...(description !== undefined ? { description } : {}),
      deprecated: false,
      schema: operationSchemaToIr(context, node, pointer),
      style,
      // OAS 3 defaults: only `form` explodes; a scalar path or header parameter is `simple`, not exploded.
      explode: node['type'] === 'array' ? format.explode : style === 'form',
      pointer,
    };
  },

  requestBody(context, operation, parameters: readonly SpecObjectAt[], pointer) {
    const body = parameters.find((p) => p.node['in'] === 'body');
    const consumes = mediaTypes(context, operation, 'consumes');
    if (body) {
      const at = pointerJoin(body.pointer, 'schema');
      const schema = operationSchemaToIr(context, body.node['schema'], at);
      const description = stringOrUndefined(body.node['description']);
      const contents = preferJson(consumes.filter((t) => !/form/i.test(t)).map((mediaType) => ({ mediaType, schema, pointer: at })));
      return {
        required: body.node['required'] === true,
        ...(description !== undefined ? { description } : {}),
        contents: contents.length > 0 ? contents : [{ mediaType: 'application/json', schema, pointer: at }],
      };
    }
    const fields = parameters.filter((p) => p.node['in'] === 'formData');
    if (fields.length === 0) return undefined;
    const properties: ir.Property[] = fields.map(({ node, pointer }) => ({
      name: String(node['name']),
      required: node['required'] === true,
      schema: operationSchemaToIr(context, node, pointer),
    }));
    const hasFile = fields.some((p) => p.node['type'] === 'file');
    const mediaType = hasFile || consumes.includes('multipart/form-data') ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
    return { required: properties.some((p) => p.required), contents: [{ mediaType, schema: { kind: 'object', properties }, pointer: pointerJoin(pointer, 'requestBody', mediaType) }] };
  },

  response(context, status, node, operation, pointer) {
    const headers: ir.ResponseHeader[] = [];
    if (isObject(node['headers'])) {
      for (const [name, value] of Object.entries(node['headers'])) {
        if (!isObject(value)) continue;
        const description = stringOrUndefined(value['description']);
        headers.push({ name, ...(description !== undefined ? { description } : {}), schema: operationSchemaToIr(context, value, pointerJoin(pointer, 'headers', name)) });
      }
    }
    const contents: ir.MediaContent[] = [];
    if (node['schema'] !== undefined) {
      const at = pointerJoin(pointer, 'schema');
      const schema = operationSchemaToIr(context, node['schema'], at);
      contents.push(...preferJson(mediaTypes(context, operation, 'produces').map((mediaType) => ({ mediaType, schema, pointer: at }))));
    }
    return { status, description: stringOrUndefined(node['description']) ?? '', contents, headers };
  },
};

/** `host` + `basePath` + `schemes` → one server per scheme. */
export function swagger2Servers(document: SpecObject): ir.Server[] {
  const host = stringOrUndefined(document['host']);
  const basePath = stringOrUndefined(document['basePath']) ?? '';
  if (!host) return basePath ? [{ url: basePath, variables: [] }] : [];
  const schemes = Array.isArray(document['schemes']) ? document['schemes'].filter((s): s is string => typeof s === 'string') : [];
  return (schemes.length > 0 ? schemes : ['https']).map((scheme) => ({ url: `${scheme}://${host}${basePath}`, variables: [] }));
}

/** `securityDefinitions` → security schemes. */
export function swagger2SecuritySchemes(document: SpecObject): ir.SecurityScheme[] {
  const definitions = document['securityDefinitions'];
  if (!isObject(definitions)) return [];
  const out: ir.SecurityScheme[] = [];
  for (const [name, node] of Object.entries(definitions)) {
    if (!isObject(node)) continue;
    const description = stringOrUndefined(node['description']);
    const extra = description !== undefined ? { description } : {};
    if (node['type'] === 'basic') out.push({ name, type: 'http', scheme: 'basic', ...extra });
    else if (node['type'] === 'apiKey' && (node['in'] === 'header' || node['in'] === 'query')) {
      out.push({ name, type: 'apiKey', in: node['in'], parameterName: String(node['name'] ?? name), ...extra });
    } else if (node['type'] === 'oauth2') out.push({ name, type: 'oauth2', ...extra });
  }
  return out;
}
