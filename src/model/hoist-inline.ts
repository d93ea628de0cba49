import type * as ir from './ir.js';
import { pointerJoin, pointerTokens } from '../shared/errors.js';
import { withFields } from '../shared/with-fields.js';
import { mapShared, type ChildSlot } from './schema-children.js';
import { mapOperations } from './operations.js';
import { infoOf } from './schema.js';

/**
 * Hoists inline schemas worth a name of their own (objects with properties, enums of two or more
 * values, allOf combinations with such an object) out of request bodies, responses and named
 * schemas into named schemas, replaced by a `ref` where they were. Each hoisted schema records its
 * `origin` (root and steps); the names stage turns that into its type name. Trivial schemas stay
 * inline: primitives, arrays and maps (their items and values may be hoisted), free-form objects,
 * unions of those, single-value enums (`const` tags). Parameters' schemas are hoisted the same
 * way (`ListPetsStatus`); response headers are not. A body or parameter schema written once (one
 * JSON pointer) is hoisted once, even when a shared component brings it to several operations.
 */
export function hoistInlineSchemas(apis: readonly ir.Api[], schemas: readonly ir.NamedSchema[]): { apis: ir.Api[]; schemas: ir.NamedSchema[] } {
  const hoister = new Hoister(schemas.map((schema) => schema.name));
  const components = schemas.map((named) => {
    const schema = hoister.descend(named.schema, { kind: 'schema', name: named.name }, undefined, named.pointer);
    return schema === named.schema ? named : { ...named, schema };
  });
  const hoistedApis = mapOperations(apis, (operation) => hoister.operation(operation));
  return { apis: hoistedApis, schemas: [...components, ...hoister.hoisted] };
}

/** True when an inline schema gets a named schema of its own. */
function isHoistable(schema: ir.Schema): boolean {
  switch (schema.kind) {
    case 'object':
      return schema.properties.length > 0;
    case 'enum':
      return schema.values.filter((value) => value !== null).length >= 2;
    case 'intersection':
      return schema.members.some((member) => (member.kind === 'object' && member.properties.length > 0) || (member.kind === 'intersection' && isHoistable(member)));
    default:
      return false;
  }
}

class Hoister {
  /** Hoisted schemas in the order found; a parent comes before what it contains. */
  readonly hoisted: ir.NamedSchema[] = [];
  /**
   * Body and parameter schemas already visited, by their spec pointer (a shared component): the
   * schema read there, its shape (JSON text, made when first compared) and the result.
   */
  readonly #visited = new Map<string, { readonly source: ir.Schema; shape?: string; readonly schema: ir.Schema }>();
  readonly #keys: Set<string>;

  constructor(componentNames: readonly string[]) {
    this.#keys = new Set(componentNames);
  }

  operation(operation: ir.Operation): ir.Operation {
    const requestBody = operation.requestBody && {
      ...operation.requestBody,
      contents: this.#contents(operation.requestBody.contents, (content, preferred) =>
        componentRoot(content.pointer, 'requestBodies') ?? { kind: 'requestBody', operation: operation.pointer, mediaType: content.mediaType, preferred },
      ),
    };
    const responses = operation.responses.map((response) => ({
      ...response,
      contents: this.#contents(response.contents, (content, preferred) =>
        componentRoot(content.pointer, 'responses') ?? { kind: 'response', operation: operation.pointer, status: response.status, mediaType: content.mediaType, preferred },
      ),
    }));
    const parameters = mapShared(operation.parameters, (parameter) => {
      const root = componentRoot(parameter.pointer, 'parameters') ?? { kind: 'parameter', operation: operation.pointer, name: parameter.name, in: parameter.in };
      const schema = this.#shared(parameter.schema, parameter.pointer, root);
      return schema === parameter.schema ? parameter : { ...parameter, schema };
    });
    return { ...operation, parameters, ...(requestBody ? { requestBody } : {}), responses };
  }

  /**
   * A body or parameter schema, hoisted once per place it is written (`pointer`), however many
   * operations share it. Shapes are compared (as JSON text) only when a pointer comes back: most
   * bodies and responses are written in one operation, and stringifying each was wasted work.
   */
  #shared(schema: ir.Schema, pointer: string, root: ir.InlineRoot, shape?: string): ir.Schema {
    const visited = this.#visited.get(pointer);
    if (visited !== undefined) {
      if (visited.source === schema) return visited.schema;
      visited.shape ??= JSON.stringify(visited.source);
      if (visited.shape === (shape ?? JSON.stringify(schema))) return visited.schema;
    }
    const result = this.inner(schema, root, undefined, pointer);
    if (!visited) this.#visited.set(pointer, { source: schema, ...(shape !== undefined ? { shape } : {}), schema: result });
    return result;
  }

  /** The media types of one body: equal schemas (the same shape under JSON and XML) share one hoisted schema. */
  #contents(contents: readonly ir.MediaContent[], rootOf: (content: ir.MediaContent, preferred: boolean) => ir.InlineRoot): ir.MediaContent[] {
    // One media type (most bodies and responses): nothing to share a schema with, so its shape is
    // not stringified here; `#shared` makes it only if the pointer comes back. Same result as below.
    if (contents.length === 1) {
      const content = contents[0]!;
      const schema = this.#shared(content.schema, content.pointer, rootOf(content, true));
      return [schema === content.schema ? content : { ...content, schema }];
    }
    const seen = new Map<string, ir.Schema>();
    return contents.map((content, index) => {
      const shape = JSON.stringify(content.schema);
      let schema = seen.get(shape);
      if (!schema) {
        schema = this.#shared(content.schema, content.pointer, rootOf(content, index === 0), shape);
        seen.set(shape, schema);
      }
      return { ...content, schema };
    });
  }

  /** A schema below a root: hoisted when it is worth a name, else kept inline with its children visited. */
  inner(schema: ir.Schema, root: ir.InlineRoot, steps: Steps, at: Pointer): ir.Schema {
    if (!isHoistable(schema)) return this.descend(schema, root, steps, at);
    const pointer = pointerText(at);
    const key = this.#newKey(pointer);
    const index = this.hoisted.length;
    this.hoisted.push({ name: key, schema, pointer }); // placeholder: keeps the parent ahead of its children
    const body = this.descend(schema, { kind: 'schema', name: key }, undefined, pointer);
    this.hoisted[index] = { name: key, schema: body, pointer, origin: { kind: 'inline', root, steps: stepList(steps) } };
    // The reference keeps the facts written at the use site (description for JSDoc, readOnly, default…).
    // Assigned onto infoOf's fresh object, not spread into a literal: see shared/with-fields.ts (hidden classes).
    return Object.assign(infoOf(schema), { kind: 'ref' as const, name: key });
  }

  /**
   * The schema itself stays where it is; its children are visited. Pointers and steps are built
   * only for what is hoisted, and unchanged subtrees are returned as they are (big specs: less garbage).
   * Its own switch rather than `mapChildren`: this is the model stage's hot walk, and on GitHub's
   * spec (first run, as the CLI makes it) direct calls to `inner` measured ~10 ms faster than
   * `mapChildren`'s shared callback. The slots are still `ChildSlot`s.
   */
  descend(schema: ir.Schema, root: ir.InlineRoot, steps: Steps, at: Pointer): ir.Schema {
    switch (schema.kind) {
      case 'object': {
        const properties = mapShared(schema.properties, (property) => {
          const slot = { kind: 'property', name: property.name } as const;
          const child = this.inner(property.schema, root, { up: steps, step: slot }, { base: at, slot });
          return child === property.schema ? property : { ...property, schema: child };
        });
        const additional = schema.additionalProperties;
        const values = typeof additional === 'object' ? this.#child(additional, root, steps, at, { kind: 'values' }) : additional;
        if (properties === schema.properties && values === additional) return schema;
        return values === undefined ? { ...schema, properties } : { ...schema, properties, additionalProperties: values };
      }
      case 'array': {
        const items = this.#child(schema.items, root, steps, at, { kind: 'items' });
        return items === schema.items ? schema : { ...schema, items };
      }
      case 'tuple': {
        const items = mapShared(schema.items, (item, index) => this.#child(item, root, steps, at, { kind: 'items', index }));
        const rest = schema.rest && this.#child(schema.rest, root, steps, at, { kind: 'items' });
        if (items === schema.items && rest === schema.rest) return schema;
        return rest ? { ...schema, items, rest } : { ...schema, items };
      }
      case 'union': {
        // `T | null`, `Enum | string`: the one variant worth a name takes the position's name (and its description).
        const oneNamed = schema.variants.filter(isHoistable).length === 1;
        const variants = oneNamed
          ? mapShared(schema.variants, (variant) => (isHoistable(variant) ? this.inner(inheritInfo(variant, schema), root, steps, at) : this.descend(variant, root, steps, at)))
          : mapShared(schema.variants, (variant, index) => this.#child(variant, root, steps, at, { kind: 'variant', index }));
        return variants === schema.variants ? schema : { ...schema, variants };
      }
      case 'intersection': {
        // allOf members are parts of one type: inline objects stay its body (their properties are visited).
        const members = mapShared(schema.members, (member, index) =>
          member.kind === 'object' || member.kind === 'intersection' ? this.descend(member, root, steps, at) : this.#child(member, root, steps, at, { kind: 'member', index }),
        );
        return members === schema.members ? schema : { ...schema, members };
      }
      default:
        return schema;
    }
  }

  /** The child in `slot` of the schema at `at`, one step further from the root (an allOf member is a `variant` step). */
  #child(child: ir.Schema, root: ir.InlineRoot, steps: Steps, at: Pointer, slot: ChildSlot): ir.Schema {
    return this.inner(child, root, { up: steps, step: slot.kind === 'member' ? { kind: 'variant', index: slot.index } : slot }, { base: at, slot });
  }

  /** The pointer, unless a component or an earlier hoisted schema has it (allOf members share their parent's). */
  #newKey(pointer: string): string {
    let key = pointer;
    for (let n = 2; this.#keys.has(key); n++) key = `${pointer}#${n}`;
    this.#keys.add(key);
    return key;
  }
}

/** The steps from the root, innermost last, as a chain: built into a list only for hoisted schemas. */
type Steps = { readonly up: Steps; readonly step: ir.InlineStep } | undefined;

function stepList(steps: Steps): ir.InlineStep[] {
  const list: ir.InlineStep[] = [];
  for (let node = steps; node; node = node.up) list.push(node.step);
  return list.reverse();
}

/** A JSON pointer as a chain of child slots: written out only for hoisted schemas. */
type Pointer = string | { readonly base: Pointer; readonly slot: ChildSlot };

function pointerText(pointer: Pointer): string {
  return typeof pointer === 'string' ? pointer : pointerJoin(pointerText(pointer.base), ...slotTokens(pointer.slot));
}

/** The slot as pointer tokens (a union's variants are keyed `oneOf`, anyOf's too). */
function slotTokens(slot: ChildSlot): (string | number)[] {
  switch (slot.kind) {
    case 'property':
      return ['properties', slot.name];
    case 'values':
      return ['additionalProperties'];
    case 'items':
      return slot.index === undefined ? ['items'] : ['prefixItems', slot.index];
    case 'variant':
      return ['oneOf', slot.index];
    case 'member':
      return ['allOf', slot.index];
  }
}

/** A body or parameter whose schema sits in a reusable response, request body or parameter is named after that component. */
function componentRoot(pointer: string, section: 'responses' | 'requestBodies' | 'parameters'): ir.InlineRoot | undefined {
  const swagger2Section = section === 'responses' ? 'responses' : 'parameters';
  // Most are an operation's own (`/paths/…`): only a component's pointer is split into tokens.
  if (!pointer.startsWith('/components/') && !pointer.startsWith(`/${swagger2Section}/`)) return undefined;
  const tokens = pointerTokens(pointer);
  let name: string | undefined;
  if (tokens[0] === 'components' && tokens[1] === section) name = tokens[2];
  else if (tokens[0] === swagger2Section) name = tokens[1];
  return name === undefined ? undefined : { kind: 'component', section, name };
}

/** A union's only named variant documents the union: it takes the union's description when it has none. */
function inheritInfo(variant: ir.Schema, union: ir.Schema): ir.Schema {
  if (variant.description !== undefined || union.description === undefined) return variant;
  return withFields(variant, { description: union.description }) as ir.Schema;
}
