import type * as ir from './ir.js';
import { withFields } from '../shared/with-fields.js';
import { mapOperations } from './operations.js';
import { forEachChild, mapChildren, type ChildSlot } from './schema-children.js';

/** Which messages a named schema appears in, as far as its origin tells. */
type Role = 'request' | 'response' | 'any';

/**
 * readOnly and writeOnly properties (OAS Schema Object: "SHOULD NOT be sent as part of the
 * request" / "response"): a named schema's own type is its response shape, writeOnly properties
 * left out. Where request bodies use a schema that has (itself or through the schemas it refers
 * to) readOnly or writeOnly properties, a second named schema holds its request shape: readOnly
 * properties left out, writeOnly ones kept, references pointing at request shapes; the request
 * bodies refer to it. Schemas hoisted from a request body are request-only and take the request
 * shape themselves; those hoisted from a response the response shape. Runs after hoisting, so
 * every object with properties is a named schema.
 */
export function splitReadWrite(apis: readonly ir.Api[], schemas: readonly ir.NamedSchema[]): { apis: ir.Api[]; schemas: ir.NamedSchema[] } {
  const facts = new Map(schemas.map((named) => [named.name, ownFacts(named.schema)]));
  if (![...facts.values()].some((fact) => fact.readOnly || fact.writeOnly)) return { apis: [...apis], schemas: [...schemas] };

  const roles = new Map<string, Role>();
  for (const named of schemas) roles.set(named.name, roleOf(named, roles));
  const differs = writeShapeDiffers(facts);

  // Request shapes only for the schemas request bodies reach (directly or through others).
  const reached = new Set<string>();
  const visited = new Set<string>();
  const queue: string[] = [];
  for (const operation of new Set(apis.flatMap((api) => api.operations))) for (const content of operation.requestBody?.contents ?? []) queue.push(...ownFacts(content.schema).references);
  for (let index = 0; index < queue.length; index++) {
    const name = queue[index]!;
    if (visited.has(name) || !facts.has(name)) continue;
    visited.add(name);
    const role = roles.get(name);
    if (role === 'response' || !differs.has(name)) continue;
    if (role === 'any') reached.add(name);
    queue.push(...facts.get(name)!.references);
  }
  const keys = new Set(schemas.map((named) => named.name));
  const writable = new Map<string, string>();
  for (const name of schemas.map((named) => named.name).filter((name) => reached.has(name))) {
    let key = `${name}#writable`;
    for (let n = 2; keys.has(key); n++) key = `${name}#writable${n}`;
    keys.add(key);
    writable.set(name, key);
  }

  const toWrite = (schema: ir.Schema) => writeShape(schema, writable);
  const shaped = schemas.map((named): ir.NamedSchema => {
    const schema = roles.get(named.name) === 'request' ? toWrite(named.schema) : facts.get(named.name)!.writeOnly ? readShape(named.schema) : named.schema;
    const key = writable.get(named.name);
    return key !== undefined ? withFields(named, { schema, writable: key }) : { ...named, schema };
  });
  const variants = schemas
    .filter((named) => writable.has(named.name))
    .map((named): ir.NamedSchema => ({ name: writable.get(named.name)!, schema: toWrite(named.schema), pointer: named.pointer, origin: { kind: 'writable', of: named.name } }));

  const withRequestShapes = (operation: ir.Operation): ir.Operation =>
    operation.requestBody ? { ...operation, requestBody: { ...operation.requestBody, contents: operation.requestBody.contents.map((content) => ({ ...content, schema: toWrite(content.schema) })) } } : operation;
  return { apis: mapOperations(apis, withRequestShapes), schemas: [...shaped, ...variants] };
}

interface OwnFacts {
  /** A property of the schema's own tree (refs not followed) is readOnly / writeOnly. */
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  /** Named schemas the own tree refers to. */
  readonly references: readonly string[];
}

function ownFacts(schema: ir.Schema): OwnFacts {
  let readOnly = false;
  let writeOnly = false;
  const references = new Set<string>();
  const visit = (node: ir.Schema, slot?: ChildSlot): void => {
    if (node.kind === 'ref') references.add(node.name);
    if (slot?.kind === 'property' && node.readOnly === true) readOnly = true;
    if (slot?.kind === 'property' && node.writeOnly === true) writeOnly = true;
    forEachChild(node, visit);
  };
  visit(schema);
  return { readOnly, writeOnly, references: [...references] };
}

/** Request-body and parameter roots are request-only, response roots response-only; nested schemas inherit. */
function roleOf(named: ir.NamedSchema, roles: ReadonlyMap<string, Role>): Role {
  const origin = named.origin;
  if (origin?.kind !== 'inline') return 'any';
  const root = origin.root;
  if (root.kind === 'requestBody' || root.kind === 'parameter' || (root.kind === 'component' && root.section !== 'responses')) return 'request';
  if (root.kind === 'response' || root.kind === 'component') return 'response';
  return roles.get(root.name) ?? 'any';
}

/** Schemas whose request shape differs from their own type: readOnly or writeOnly properties, here or in what they refer to. */
function writeShapeDiffers(facts: ReadonlyMap<string, OwnFacts>): Set<string> {
  const referrers = new Map<string, string[]>();
  for (const [name, fact] of facts) {
    for (const target of fact.references) {
      const list = referrers.get(target);
      if (list) list.push(name);
      else referrers.set(target, [name]);
    }
  }
  const differs = new Set<string>();
  const queue = [...facts].filter(([, fact]) => fact.readOnly || fact.writeOnly).map(([name]) => name);
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (differs.has(name)) continue;
    differs.add(name);
    queue.push(...(referrers.get(name) ?? []));
  }
  return differs;
}

/** The response shape: writeOnly properties of the own tree left out. */
function readShape(schema: ir.Schema): ir.Schema {
  return mapOwnTree(schema, (property) => property.schema.writeOnly !== true, (name) => name);
}

/**
 * The request shape: readOnly properties left out, references to schemas with a request shape
 * redirected to it, and so are discriminator mappings (which name schemas too).
 */
function writeShape(schema: ir.Schema, writable: ReadonlyMap<string, string>): ir.Schema {
  return mapOwnTree(schema, (property) => property.schema.readOnly !== true, (name) => writable.get(name) ?? name);
}

/**
 * Rewrites the own tree (refs not followed): keeps the properties `keep` accepts and renames
 * the schemas that refs and discriminator mappings name, wherever they sit (items, tuple members,
 * map values, variants, members).
 */
function mapOwnTree(schema: ir.Schema, keep: (property: ir.Property) => boolean, rename: (name: string) => string): ir.Schema {
  const map = (node: ir.Schema): ir.Schema => {
    switch (node.kind) {
      case 'ref': {
        const name = rename(node.name);
        return name === node.name ? node : { ...node, name };
      }
      case 'object': {
        // Every property left out leaves an open object (`Record<string, unknown>`), not a closed one:
        // a closed one would make `allOf: [Resource, …]` uninhabitable where Resource is all readOnly.
        const properties = node.properties.filter(keep);
        return mapChildren(properties.length === node.properties.length ? node : { ...node, properties }, map);
      }
      case 'union': {
        if (!node.discriminator) return mapChildren(node, map);
        const mapping = node.discriminator.mapping.map((entry) => ({ ...entry, schema: rename(entry.schema) }));
        return mapChildren({ ...node, discriminator: { ...node.discriminator, mapping } }, map);
      }
      default:
        return mapChildren(node, map);
    }
  };
  return map(schema);
}
