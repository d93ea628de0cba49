import type * as ir from './ir.js';
import { pointerJoin } from '../shared/errors.js';
import { deref, isObject, stringOrUndefined, warn, type BuildContext, type SpecObject } from './context.js';
import { preferJson, type OperationReader } from './operations.js';
import { operationSchemaToIr } from './schema.js';

/** The OAS 3 styles (`tabDelimited` is Swagger 2's `tsv` only). */
const STYLES = new Set<ir.Parameter['style']>(['form', 'simple', 'label', 'matrix', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

/** OpenAPI 3.0 / 3.1 operations (Parameter, Request Body and Response Objects). */
export const openApi3Reader: OperationReader = {
  parameter(context, node, pointer) {
    const location = node['in'];
    if (location !== 'path' && location !== 'query' && location !== 'header' && location !== 'cookie') {
      warn(context, `parameter location "${String(location)}" is not one of path, query, header, cookie; skipped`, pointerJoin(pointer, 'in'));
      return undefined;
    }
    let schemaNode = node['schema'];
    let schemaPointer = pointerJoin(pointer, 'schema');
    if (schemaNode === undefined && isObject(node['content'])) {
      const [mediaType, media] = Object.entries(node['content'])[0] ?? [];
      if (isObject(media)) {
        schemaNode = media['schema'];
        schemaPointer = pointerJoin(pointer, 'content', mediaType ?? '', 'schema');
      }
    }
    const defaultStyle = location === 'query' || location === 'cookie' ? 'form' : 'simple';
    const style = STYLES.has(node['style'] as ir.Parameter['style']) ? (node['style'] as ir.Parameter['style']) : defaultStyle;
    const description = stringOrUndefined(node['description']);
    return {
      name: String(node['name']),
      in: location,
      // Path parameters are always required (OAS 3 §4.8.12.1), whatever the spec says.
      required: location === 'path' || node['required'] === true,
      ...(description !== undefined ? { description } : {}),
      deprecated: node['deprecated'] === true,
      schema: operationSchemaToIr(context, schemaNode, schemaPointer),
      style,
      explode: typeof node['explode'] === 'boolean' ? node['explode'] : style === 'form',
      pointer: schemaPointer,
    };
  },

  requestBody(context, operation, _parameters, pointer) {
    if (operation['requestBody'] === undefined) return undefined;
    const { value, pointer: refPointer } = deref(context, operation['requestBody']);
    if (!isObject(value)) return undefined;
    const at = refPointer ?? pointerJoin(pointer, 'requestBody');
    const contents = contentToIr(context, value['content'], pointerJoin(at, 'content'));
    if (contents.length === 0) return undefined;
    const description = stringOrUndefined(value['description']);
    return { required: value['required'] === true, ...(description !== undefined ? { description } : {}), contents };
  },

  response(context, status, node, _operation, pointer) {
    const headers: ir.ResponseHeader[] = [];
    if (isObject(node['headers'])) {
      for (const [name, raw] of Object.entries(node['headers'])) {
        const { value } = deref(context, raw);
        if (!isObject(value)) continue;
        const description = stringOrUndefined(value['description']);
        headers.push({ name, ...(description !== undefined ? { description } : {}), schema: operationSchemaToIr(context, value['schema'], pointerJoin(pointer, 'headers', name, 'schema')) });
      }
    }
    return {
      status,
      description: stringOrUndefined(node['description']) ?? '',
      contents: contentToIr(context, node['content'], pointerJoin(pointer, 'content')),
      headers,
    };
  },
};

function contentToIr(context: BuildContext, content: unknown, pointer: string): ir.MediaContent[] {
  if (!isObject(content)) return [];
  const out: ir.MediaContent[] = [];
  for (const [mediaType, media] of Object.entries(content)) {
    const schemaNode = isObject(media) ? (media as SpecObject)['schema'] : undefined;
    const at = pointerJoin(pointer, mediaType, 'schema');
    out.push({ mediaType, schema: operationSchemaToIr(context, schemaNode, at), pointer: at });
  }
  return preferJson(out);
}
