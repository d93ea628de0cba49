import type * as ir from './ir.js';
import { decodePointerToken, pointerJoin } from '../shared/errors.js';
import { withFields } from '../shared/with-fields.js';
import { isObject, resolvePointer, stringOrUndefined, warn, type BuildContext, type SpecObject } from './context.js';

/** Deeper than this, a schema is treated as `unknown` (bounded work on hostile input). */
const MAX_DEPTH = 64;

const PRIMITIVE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object', 'file']);

/**
 * Where a schema sits: a JSON pointer, or a step of one or two tokens below another place.
 * The pointer is written out only for a warning: every schema read gets a place, and joining a
 * pointer string for each (GitHub's spec: 100,000) cost more than converting most of them.
 */
export type SchemaAt = string | { readonly base: SchemaAt; readonly token: string | number; readonly next?: string | number };

function below(base: SchemaAt, token: string | number, next?: string | number): SchemaAt {
  return next === undefined ? { base, token } : { base, token, next };
}

/** The place as a JSON pointer. */
function pointerOf(at: SchemaAt): string {
  if (typeof at === 'string') return at;
  const base = pointerOf(at.base);
  return at.next === undefined ? pointerJoin(base, at.token) : pointerJoin(base, at.token, at.next);
}

/**
 * Schema Object (OAS 3.1 §4.8.24, 3.0 §4.7.24, Swagger 2.0 Schema/Items) → IR schema.
 * Component `$ref`s stay references, which is what makes recursive schemas work.
 */
export function schemaToIr(context: BuildContext, node: unknown, pointer: SchemaAt, depth = 0): ir.Schema {
  if (node === true || node === undefined) return { kind: 'unknown' };
  if (node === false) return { kind: 'unknown' };
  if (!isObject(node)) {
    warn(context, 'schema is not an object; treated as unknown', pointerOf(pointer));
    return { kind: 'unknown' };
  }
  if (depth > MAX_DEPTH) {
    warn(context, `schema nested deeper than ${MAX_DEPTH} levels; treated as unknown`, pointerOf(pointer));
    return { kind: 'unknown' };
  }
  const info = schemaInfo(node);
  if (typeof node['$ref'] === 'string') return withInfo(refToIr(context, node['$ref'], pointer, depth), info);

  const nullable = node['nullable'] === true || node['x-nullable'] === true;
  const base = withInfo(bareSchemaToIr(context, node, pointer, depth), info);
  return nullable ? makeNullable(base) : base;
}

/**
 * `schemaToIr` for a schema at the top of an operation's parameter, body, response or header.
 * Shared components are `$ref`ed by hundreds of operations (GitHub's spec: 5,000 uses of 260
 * parameters and responses), and each use used to be converted again, then compared by its JSON
 * text while hoisting. At the top (depth 0, nothing being expanded) the result depends only on
 * the node and its pointer, so the same node read at the same pointer gets the same IR object
 * back, and the warnings its conversion gave are given again: the diagnostics stay as they were.
 */
export function operationSchemaToIr(context: BuildContext, node: unknown, pointer: string): ir.Schema {
  if (!isObject(node)) return schemaToIr(context, node, pointer);
  const known = context.operationSchemas.get(node);
  if (known !== undefined && known.pointer === pointer) {
    for (const diagnostic of known.diagnostics) context.diagnostics.push(diagnostic);
    return known.schema;
  }
  const before = context.diagnostics.length;
  const schema = schemaToIr(context, node, pointer);
  if (known === undefined) context.operationSchemas.set(node, { pointer, schema, diagnostics: context.diagnostics.slice(before) });
  return schema;
}

/**
 * A named schema (component). One addition to `schemaToIr`: a schema that extends a base with a
 * `discriminator` through `allOf` (OAS inheritance: `Cat: allOf [Pet, {…}]`, `Pet.discriminator`)
 * carries its tag, `petType: 'Cat'` (the base's mapping value for it, else its component name),
 * where that does not contradict its own declaration, so a value of it says which kind it is.
 */
export function namedSchemaToIr(context: BuildContext, name: string, node: unknown, pointer: string): ir.Schema {
  const schema = schemaToIr(context, node, pointer);
  if (!isObject(node) || !Array.isArray(node['allOf'])) return schema;
  for (const member of node['allOf']) {
    if (!isObject(member) || typeof member['$ref'] !== 'string' || !member['$ref'].startsWith(context.schemaRefPrefix)) continue;
    let base: unknown;
    try {
      base = resolvePointer(context, member['$ref']);
    } catch {
      continue;
    }
    // A discriminator beside oneOf/anyOf belongs to that union, not to an inheritance base: a schema
    // extending the union is one of its members already (a tag of its own would make it `never`).
    if (!isObject(base) || base['oneOf'] !== undefined || base['anyOf'] !== undefined) continue;
    const discriminator = discriminatorToIr(context, base['discriminator']);
    if (!discriminator) continue;
    const value = discriminator.mapping.find((entry) => entry.schema === name)?.value ?? name;
    if (!acceptsTag(context, `${context.schemaRefPrefix}${encodeToken(name)}`, discriminator.propertyName, value)) return schema;
    return withTag(schema, { name: discriminator.propertyName, required: true, schema: { kind: 'enum', values: [value] } });
  }
  return schema;
}

/** The allOf with its own (inline) object declaring `tag`, replacing a property of that name. */
function withTag(schema: ir.Schema, tag: ir.Property): ir.Schema {
  const tagObject: ir.Schema = { kind: 'object', properties: [tag] };
  if (schema.kind === 'union') return schema; // nullable: `(Cat | null) & { … }` would drop the null
  if (schema.kind !== 'intersection') {
    // `allOf: [Pet]` alone is the reference itself: the facts (description…) stay on the whole.
    const { info, bare } = splitInfo(schema);
    return withInfo({ kind: 'intersection', members: [bare, tagObject] }, info);
  }
  const index = schema.members.map((member) => member.kind).lastIndexOf('object');
  const own = schema.members[index];
  if (own?.kind !== 'object') return { ...schema, members: [...schema.members, tagObject] };
  const members = [...schema.members];
  members[index] = { ...own, properties: [...own.properties.filter((property) => property.name !== tag.name), tag] };
  return { ...schema, members };
}

function refToIr(context: BuildContext, ref: string, pointer: SchemaAt, depth: number): ir.Schema {
  if (ref.startsWith(context.schemaRefPrefix)) {
    const name = decodePointerToken(ref.slice(context.schemaRefPrefix.length));
    if (!name.includes('/')) {
      resolvePointer(context, ref); // a dangling reference is an error, not an empty type
      return { kind: 'ref', name };
    }
  }
  if (context.expanding.has(ref)) {
    warn(context, `circular $ref "${ref}" outside the named schemas; typed as unknown`, pointerOf(pointer));
    return { kind: 'unknown' };
  }
  context.expanding.add(ref);
  try {
    return schemaToIr(context, resolvePointer(context, ref), ref.slice(1), depth + 1);
  } finally {
    context.expanding.delete(ref);
  }
}


function bareSchemaToIr(context: BuildContext, node: SpecObject, pointer: SchemaAt, depth: number): ir.Schema {
  if ('const' in node) return { kind: 'enum', values: [literal(node['const'])] };
  if (Array.isArray(node['enum'])) return enumToIr(node);

  const composite = compositeToIr(context, node, pointer, depth);
  if (composite) return composite;

  const type = node['type'];
  if (Array.isArray(type)) {
    const variants = type
      .filter((t): t is string => typeof t === 'string' && PRIMITIVE_TYPES.has(t))
      .map((t) => typedSchemaToIr(context, node, t, pointer, depth));
    if (variants.length === 0) return { kind: 'unknown' };
    return variants.length === 1 ? variants[0]! : { kind: 'union', variants };
  }
  if (typeof type === 'string') {
    if (!PRIMITIVE_TYPES.has(type)) {
      warn(context, `unknown type "${type}"; treated as unknown`, pointerJoin(pointerOf(pointer), 'type'));
      return { kind: 'unknown' };
    }
    return typedSchemaToIr(context, node, type, pointer, depth);
  }
  if (isObject(node['properties']) || isObject(node['additionalProperties']) || node['additionalProperties'] === false) {
    return typedSchemaToIr(context, node, 'object', pointer, depth);
  }
  if (node['items'] !== undefined || Array.isArray(node['prefixItems'])) return typedSchemaToIr(context, node, 'array', pointer, depth);
  return { kind: 'unknown' };
}

/** allOf → intersection; oneOf/anyOf → union. Sibling properties join the intersection. */
function compositeToIr(context: BuildContext, node: SpecObject, pointer: SchemaAt, depth: number): ir.Schema | undefined {
  const hasOwnShape = isObject(node['properties']) || node['type'] !== undefined;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = node[keyword];
    if (!Array.isArray(list) || list.length === 0) continue;
    const variants = list.map((item, index) => schemaToIr(context, item, below(pointer, keyword, index), depth + 1));
    const discriminator = withImplicitMapping(context, discriminatorToIr(context, node['discriminator']), variants);
    const union: ir.Schema = discriminator ? { kind: 'union', variants, discriminator } : { kind: 'union', variants };
    const own = hasOwnShape && node['type'] !== 'null' ? ownShape(context, node, pointer, depth) : undefined;
    return own ? { kind: 'intersection', members: [own, union] } : union;
  }
  const allOf = node['allOf'];
  if (Array.isArray(allOf) && allOf.length > 0) {
    const members = allOf.map((item, index) => schemaToIr(context, item, below(pointer, 'allOf', index), depth + 1));
    if (hasOwnShape) {
      const own = ownShape(context, node, pointer, depth);
      if (own) members.push(own);
    }
    return members.length === 1 ? members[0]! : { kind: 'intersection', members };
  }
  return undefined;
}

/** The schema's own keywords, without its composition keywords. */
function ownShape(context: BuildContext, node: SpecObject, pointer: SchemaAt, depth: number): ir.Schema | undefined {
  const { allOf: _allOf, oneOf: _oneOf, anyOf: _anyOf, discriminator: _d, description: _desc, title: _title, ...rest } = node;
  const shape = bareSchemaToIr(context, rest, pointer, depth);
  if (shape.kind === 'unknown') return undefined;
  if (shape.kind === 'object' && shape.properties.length === 0 && shape.additionalProperties === undefined) return undefined;
  return shape;
}

function discriminatorToIr(context: BuildContext, node: unknown): ir.Discriminator | undefined {
  if (typeof node === 'string') return { propertyName: node, mapping: [] };
  if (!isObject(node) || typeof node['propertyName'] !== 'string') return undefined;
  const mapping: { value: string; schema: string }[] = [];
  if (isObject(node['mapping'])) {
    for (const [value, target] of Object.entries(node['mapping'])) {
      if (typeof target !== 'string') continue;
      const name = target.startsWith(context.schemaRefPrefix) ? decodePointerToken(target.slice(context.schemaRefPrefix.length)) : target;
      mapping.push({ value, schema: name });
    }
  }
  return { propertyName: node['propertyName'], mapping };
}

/**
 * OAS 3 Discriminator Object: a `$ref` member the mapping does not name is tagged by its
 * component name (the implicit value). Skipped where that tag would contradict the member
 * (its property is a literal or a non-string type, or it is not an object), so a tagged
 * variant never collapses to `never`; and skipped where an explicit value already has that name.
 */
function withImplicitMapping(context: BuildContext, discriminator: ir.Discriminator | undefined, variants: readonly ir.Schema[]): ir.Discriminator | undefined {
  if (!discriminator) return undefined;
  const mapped = new Set(discriminator.mapping.map((entry) => entry.schema));
  const values = new Set(discriminator.mapping.map((entry) => entry.value));
  const implicit: ir.DiscriminatorMapping[] = [];
  for (const variant of variants) {
    if (variant.kind !== 'ref' || mapped.has(variant.name) || values.has(variant.name)) continue;
    if (!acceptsTag(context, `${context.schemaRefPrefix}${encodeToken(variant.name)}`, discriminator.propertyName, variant.name)) continue;
    mapped.add(variant.name);
    values.add(variant.name);
    implicit.push({ value: variant.name, schema: variant.name, implicit: true });
  }
  return implicit.length === 0 ? discriminator : { ...discriminator, mapping: [...discriminator.mapping, ...implicit] };
}

/** Whether the schema at `ref` is an object whose `property` (own, or through allOf/$ref) may hold the string `value`. */
function acceptsTag(context: BuildContext, ref: string, property: string, value: string, depth = 0): boolean {
  if (depth > 8) return false;
  let node: unknown;
  try {
    node = resolvePointer(context, ref);
  } catch {
    return false;
  }
  if (!isObject(node)) return false;
  if (typeof node['$ref'] === 'string') return acceptsTag(context, node['$ref'], property, value, depth + 1);
  const type = node['type'];
  if (type !== undefined && type !== 'object' && !(Array.isArray(type) && type.includes('object'))) return false;
  const own = isObject(node['properties']) && Object.prototype.hasOwnProperty.call(node['properties'], property) ? node['properties'][property] : undefined;
  if (own !== undefined && !propertyAccepts(context, own, value, depth)) return false;
  if (own === undefined) {
    // An undeclared tag lands in the index signature: closed objects and typed maps must take it.
    const additional = node['additionalProperties'];
    if (additional === false || (isObject(additional) && !propertyAccepts(context, additional, value, depth))) return false;
    if (isObject(node['patternProperties']) && !Object.values(node['patternProperties']).every((schema) => propertyAccepts(context, schema, value, depth))) return false;
  }
  if (Array.isArray(node['allOf'])) {
    for (const [index, member] of node['allOf'].entries()) {
      const at = isObject(member) && typeof member['$ref'] === 'string' ? member['$ref'] : `${ref}/allOf/${index}`;
      if (!acceptsTag(context, at, property, value, depth + 1)) return false;
    }
  }
  return true;
}

/** A property schema that a string literal tag narrows rather than contradicts. */
function propertyAccepts(context: BuildContext, node: unknown, value: string, depth: number): boolean {
  if (!isObject(node)) return true;
  if (typeof node['$ref'] === 'string') {
    if (depth > 8) return false;
    try {
      return propertyAccepts(context, resolvePointer(context, node['$ref']), value, depth + 1);
    } catch {
      return false;
    }
  }
  if ('const' in node) return node['const'] === value;
  if (Array.isArray(node['enum'])) return node['enum'].includes(value);
  const type = node['type'];
  return type === undefined || type === 'string' || (Array.isArray(type) && type.includes('string'));
}

/** A component name as a `$ref` token (`resolvePointer` percent-decodes, then unescapes `~1`, `~0`). */
function encodeToken(name: string): string {
  return encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function typedSchemaToIr(context: BuildContext, node: SpecObject, type: string, pointer: SchemaAt, depth: number): ir.Schema {
  const format = stringOrUndefined(node['format']);
  switch (type) {
    case 'string':
      if (format === 'binary') return { kind: 'binary' };
      return format ? { kind: 'string', format } : { kind: 'string' };
    case 'file':
      return { kind: 'binary' };
    case 'number':
    case 'integer':
      // `--int64 string`: the wire value is a JSON string; the format stays visible (docs, JSDoc).
      if (context.int64 === 'string' && (format === 'int64' || format === 'uint64')) return { kind: 'string', format };
      return format ? { kind: type, format } : { kind: type };
    case 'boolean':
      return { kind: 'boolean' };
    case 'null':
      return { kind: 'null' };
    case 'array':
      return arrayToIr(context, node, pointer, depth);
    default:
      return objectToIr(context, node, pointer, depth);
  }
}

function arrayToIr(context: BuildContext, node: SpecObject, pointer: SchemaAt, depth: number): ir.Schema {
  if (Array.isArray(node['prefixItems'])) {
    const items = node['prefixItems'].map((item, index) => schemaToIr(context, item, below(pointer, 'prefixItems', index), depth + 1));
    if (node['items'] === false) return { kind: 'tuple', items };
    const rest = node['items'] === undefined ? { kind: 'unknown' as const } : schemaToIr(context, node['items'], below(pointer, 'items'), depth + 1);
    return { kind: 'tuple', items, rest };
  }
  if (Array.isArray(node['items'])) {
    // JSON Schema draft 4 tuple form (`items: [...]`).
    const items = node['items'].map((item, index) => schemaToIr(context, item, below(pointer, 'items', index), depth + 1));
    return { kind: 'tuple', items, rest: { kind: 'unknown' } };
  }
  return { kind: 'array', items: schemaToIr(context, node['items'], below(pointer, 'items'), depth + 1) };
}

function objectToIr(context: BuildContext, node: SpecObject, pointer: SchemaAt, depth: number): ir.Schema {
  const required = new Set(Array.isArray(node['required']) ? node['required'].filter((r): r is string => typeof r === 'string') : []);
  const properties: ir.Property[] = [];
  if (isObject(node['properties'])) {
    for (const [name, value] of Object.entries(node['properties'])) {
      properties.push({ name, required: required.has(name), schema: schemaToIr(context, value, below(pointer, 'properties', name), depth + 1) });
    }
  }
  const additional = node['additionalProperties'];
  let additionalProperties: boolean | ir.Schema | undefined;
  if (additional === true || additional === false) additionalProperties = additional;
  else if (isObject(additional)) {
    additionalProperties = Object.keys(additional).length === 0 ? true : schemaToIr(context, additional, below(pointer, 'additionalProperties'), depth + 1);
  }
  if (isObject(node['patternProperties'])) {
    // Patterns cannot be expressed as index signatures; their value types join the index signature.
    const patterned = Object.entries(node['patternProperties']).map(([pattern, value]) =>
      schemaToIr(context, value, below(pointer, 'patternProperties', pattern), depth + 1),
    );
    const variants = [...(isObjectSchema(additionalProperties) ? [additionalProperties] : []), ...patterned];
    if (additionalProperties !== true) additionalProperties = variants.length === 1 ? variants[0]! : { kind: 'union', variants };
  }
  return additionalProperties === undefined ? { kind: 'object', properties } : { kind: 'object', properties, additionalProperties };
}

function isObjectSchema(value: boolean | ir.Schema | undefined): value is ir.Schema {
  return typeof value === 'object';
}

function enumToIr(node: SpecObject): ir.Schema {
  const values = (node['enum'] as unknown[]).map(literal);
  const names = node['x-enum-varnames'] ?? node['x-enumNames'];
  const varNames = Array.isArray(names) && names.length === values.length && names.every((n) => typeof n === 'string') ? (names as string[]) : undefined;
  const unique = [...new Set(values)];
  const withNull = (node['nullable'] === true || (Array.isArray(node['type']) && node['type'].includes('null'))) && !unique.includes(null) ? [...unique, null] : unique;
  return varNames && unique.length === values.length ? { kind: 'enum', values: withNull, varNames } : { kind: 'enum', values: withNull };
}

/** Enum and const values become literals; objects and arrays are not literal types, so stringify. */
function literal(value: unknown): string | number | boolean | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return JSON.stringify(value) ?? null;
}

function schemaInfo(node: SpecObject): ir.SchemaInfo {
  const info: { -readonly [K in keyof ir.SchemaInfo]: ir.SchemaInfo[K] } = {};
  if (typeof node['title'] === 'string') info.title = node['title'];
  if (typeof node['description'] === 'string') info.description = node['description'];
  if (node['deprecated'] === true) info.deprecated = true;
  if (node['readOnly'] === true) info.readOnly = true;
  if (node['writeOnly'] === true) info.writeOnly = true;
  if (node['default'] !== undefined) info.default = toJson(node['default']);
  if (node['example'] !== undefined) info.example = toJson(node['example']);
  else if (Array.isArray(node['examples']) && node['examples'].length > 0) info.example = toJson(node['examples'][0]);
  return info;
}

/** Copies a value as plain JSON (dates from YAML become strings; cycles are impossible after parsing). */
export function toJson(value: unknown): ir.JsonValue {
  // Most defaults and examples are strings, booleans or numbers: their own copy (-0 is written 0).
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value === 0 ? 0 : value;
  return JSON.parse(JSON.stringify(value ?? null)) as ir.JsonValue;
}

function withInfo(schema: ir.Schema, info: ir.SchemaInfo): ir.Schema {
  return Object.keys(info).length === 0 ? schema : (withFields(schema, info) as ir.Schema);
}

/** `nullable: true` (3.0) and `x-nullable` (2.0): the type or null. */
function makeNullable(schema: ir.Schema): ir.Schema {
  if (schema.kind === 'null' || schema.kind === 'unknown') return schema;
  if (schema.kind === 'enum') return schema.values.includes(null) ? schema : { ...schema, values: [...schema.values, null] };
  if (schema.kind === 'union') {
    return schema.variants.some((variant) => variant.kind === 'null') ? schema : { ...schema, variants: [...schema.variants, { kind: 'null' }] };
  }
  const { info, bare } = splitInfo(schema);
  return withInfo({ kind: 'union', variants: [bare, { kind: 'null' }] }, info);
}

/** A schema split into its SchemaInfo facts (only those set) and the rest. */
export function splitInfo(schema: ir.Schema): { info: ir.SchemaInfo; bare: ir.Schema } {
  const { title: _title, description: _description, deprecated: _deprecated, readOnly: _readOnly, writeOnly: _writeOnly, default: _default, example: _example, ...bare } = schema;
  return { info: infoOf(schema), bare: bare as ir.Schema };
}

/**
 * A schema's SchemaInfo facts, only those set, in this order. Set one by one: every hoisted
 * schema's reference takes them, and building them through entries, a filter and fromEntries
 * made three arrays and a pair per fact.
 */
export function infoOf(schema: ir.Schema): ir.SchemaInfo {
  const info: { -readonly [K in keyof ir.SchemaInfo]: ir.SchemaInfo[K] } = {};
  if (schema.title !== undefined) info.title = schema.title;
  if (schema.description !== undefined) info.description = schema.description;
  if (schema.deprecated !== undefined) info.deprecated = schema.deprecated;
  if (schema.readOnly !== undefined) info.readOnly = schema.readOnly;
  if (schema.writeOnly !== undefined) info.writeOnly = schema.writeOnly;
  if (schema.default !== undefined) info.default = schema.default;
  if (schema.example !== undefined) info.example = schema.example;
  return info;
}
