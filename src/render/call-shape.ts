import type * as ir from '../model/ir.js';
import type { NamedOperation, NamedParameter } from '../names/index.js';
import { jsdoc, stringLiteral } from '../shared/escape.js';
import { mediaKind, type TypeWriter } from './type-text.js';

/*
 * How a generated method is called and what it sends: its arguments, its body overloads, the
 * media types it may send and accepts. The client declares these (ts/api-class.ts) and the docs
 * print the same (docs/helpers.ts, docs/example.ts).
 */

/** The path parameters, in order: the method's leading arguments. */
export function pathParameters(operation: NamedOperation): NamedParameter[] {
  return operation.parameters.filter((parameter) => parameter.in === 'path');
}

/** Query, header and cookie parameters: the params object's properties. */
export function objectParameters(operation: NamedOperation): NamedParameter[] {
  return operation.parameters.filter((parameter) => parameter.in !== 'path');
}

/** One argument of a generated method: `name?: type = initializer` (type text from TypeWriter). */
export interface MethodParameter {
  readonly name: string;
  readonly type: string;
  readonly hasQuestionToken?: boolean;
  readonly initializer?: string;
}

/** Arguments shared by the method and its Raw variant: path params, body, params object, options. The docs print the same list. */
export function methodParameters(operation: NamedOperation, types: TypeWriter): MethodParameter[] {
  const list: MethodParameter[] = pathParameters(operation).map((parameter) => ({
    name: parameter.identifier,
    type: types.type(parameter.schema),
  }));
  const body = operation.requestBody;
  const paramsRequired = objectParameters(operation).some((parameter) => parameter.required);
  if (body && operation.bodyName) {
    const type = types.type(selectableBodySchema(body));
    // A required argument may not follow an optional one: then the body takes `| undefined` instead of `?`.
    if (body.required) list.push({ name: operation.bodyName, type });
    else if (paramsRequired) list.push({ name: operation.bodyName, type: `${type} | undefined` });
    else list.push({ name: operation.bodyName, type, hasQuestionToken: true });
  }
  if (operation.paramsName && operation.paramsTypeName) {
    list.push(paramsRequired ? { name: operation.paramsName, type: operation.paramsTypeName } : { name: operation.paramsName, type: operation.paramsTypeName, initializer: '{}' });
  }
  list.push({ name: operation.optionsName, type: optionsType(operation), hasQuestionToken: true });
  return list;
}

/**
 * Request media types the caller may choose between: the preferred (JSON) one first, then every
 * other one the runtime can encode from a typed body (JSON, `+json`, forms, text as a string,
 * binary as a Blob). XML and the like stay out: an object body could not be sent as them.
 */
export function selectableContents(body: ir.RequestBody): ir.MediaContent[] {
  const [preferred, ...rest] = body.contents;
  if (!preferred) return [];
  const encodable = (content: ir.MediaContent) => {
    const schema = requestBodySchema(content);
    const kind = mediaKind(content.mediaType, schema);
    if (kind === 'json' || /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(content.mediaType)) return true;
    return kind === 'text' ? schema.kind === 'string' : schema.kind === 'binary';
  };
  return [preferred, ...rest.filter(encodable)];
}

/** The body argument's schema: the selectable media types' schemas as one union (equal types collapse). Docs use it too. */
export function selectableBodySchema(body: ir.RequestBody): ir.Schema {
  const schemas = selectableContents(body).map(requestBodySchema);
  return schemas.length === 1 ? schemas[0]! : { kind: 'union', variants: schemas };
}

/**
 * `RequestOptions`, plus `contentType` when the body can be sent as several media types: the
 * preferred one is the default, the others are chosen per call (`{ contentType: 'application/x-www-form-urlencoded' }`).
 */
function optionsType(operation: NamedOperation): string {
  const contents = operation.requestBody ? selectableContents(operation.requestBody) : [];
  if (contents.length < 2) return 'RequestOptions';
  return `RequestOptions & { contentType?: ${contents.map((content) => stringLiteral(content.mediaType)).join(' | ')} }`;
}

/** The schema a request body is typed by: binary media without a schema is `binary` (a Blob). Docs and examples use it too. */
export function requestBodySchema(content: ir.MediaContent): ir.Schema {
  return content.schema.kind === 'unknown' && mediaKind(content.mediaType, content.schema) === 'blob' ? { kind: 'binary' } : content.schema;
}

/** One overload of a method whose body type depends on the chosen content type. */
export interface BodyOverload {
  readonly parameters: MethodParameter[];
  /** What the overload is for, as a JSDoc line. */
  readonly note: string;
}

/**
 * When the selectable media types carry different body types (JSON `Pet`, a form `PetForm`), one
 * overload per body type, so the body is checked against the `contentType` chosen: the first
 * (the preferred media type) with `options` optional as today, each other with a required
 * `options: RequestOptions & { contentType: '…' }` (a required argument may not follow an optional
 * one, so earlier optional arguments become `T | undefined` there, and the body is required).
 * Empty when every media type has the same body type: the common case keeps one plain signature.
 */
export function bodyOverloads(operation: NamedOperation, types: TypeWriter): BodyOverload[] {
  const body = operation.requestBody;
  if (!body || !operation.bodyName) return [];
  const groups: { type: string; mediaTypes: string[] }[] = [];
  for (const content of selectableContents(body)) {
    const type = types.type(requestBodySchema(content));
    const group = groups.find((candidate) => candidate.type === type);
    if (group) group.mediaTypes.push(content.mediaType);
    else groups.push({ type, mediaTypes: [content.mediaType] });
  }
  if (groups.length < 2) return [];
  const parameters = methodParameters(operation, types);
  return groups.map((group, index) => {
    const literals = group.mediaTypes.map((mediaType) => stringLiteral(mediaType)).join(' | ');
    const preferred = index === 0;
    const overload = parameters.map((parameter): MethodParameter => {
      if (parameter.name === operation.bodyName) {
        if (!preferred || body.required) return { name: parameter.name, type: group.type };
        return parameter.hasQuestionToken === true ? { name: parameter.name, type: group.type, hasQuestionToken: true } : { name: parameter.name, type: `${group.type} | undefined` };
      }
      if (parameter.name === operation.optionsName) {
        return preferred
          ? { name: parameter.name, type: `RequestOptions & { contentType?: ${literals} }`, hasQuestionToken: true }
          : { name: parameter.name, type: `RequestOptions & { contentType: ${literals} }` };
      }
      // Overload signatures take no initializers; before a required argument, optional means `| undefined`.
      if (parameter.initializer !== undefined || parameter.hasQuestionToken === true) {
        return preferred ? { name: parameter.name, type: parameter.type, hasQuestionToken: true } : { name: parameter.name, type: `${parameter.type} | undefined` };
      }
      return { name: parameter.name, type: parameter.type };
    });
    const note = preferred
      ? `Sends the body as ${group.mediaTypes.map((m) => `\`${jsdoc(m)}\``).join(' or ')} (the default; choose another with \`options.contentType\`).`
      : `Sends the body as ${group.mediaTypes.map((m) => `\`${jsdoc(m)}\``).join(' or ')}: pass \`{ contentType: ${group.mediaTypes.map((m) => jsdoc(stringLiteral(m))).join(' | ')} }\` as options.`;
    return { parameters: overload, note };
  });
}

/** Every media type the responses declare, in status order, each response's own in preference order (JSON first): a 2xx `application/xml` comes before a 4xx's JSON. */
export function acceptHeader(operation: NamedOperation): string {
  const types = new Set<string>();
  for (const response of operation.responses) for (const content of response.contents) types.add(content.mediaType);
  return [...types].join(', ');
}
