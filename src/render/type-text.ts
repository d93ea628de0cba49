import type * as ir from '../model/ir.js';
import { isPlainIdentifier, schemaByKey, type NamedModel, type NamedOperation, type NamedSchema } from '../names/index.js';
import { stringLiteral } from '../shared/escape.js';

/**
 * IR schema → TypeScript type text. Shared by the client renderer (declarations) and the docs
 * renderer (type columns), so both always show the same type.
 */
export class TypeWriter {
  readonly #model: NamedModel;
  /** The model's named schemas by key (the model's one lookup: see schemaByKey). */
  readonly #named: ReadonlyMap<string, NamedSchema>;
  /** Named schemas whose type name this writer has put into text (see `recording`). */
  readonly #used: Set<string> | undefined;
  /** While an alias is written: the names that would make it refer to itself directly. */
  #breaking: ReadonlySet<string> | undefined;

  constructor(model: NamedModel, used?: Set<string>) {
    this.#model = model;
    this.#named = schemaByKey(model);
    this.#used = used;
  }

  /**
   * A writer that records every named schema it writes, so a file imports exactly the types
   * its text mentions (an index signature widened to `unknown` drops its references).
   */
  recording(): TypeWriter & { readonly used: ReadonlySet<string> } {
    const used = new Set<string>();
    return Object.assign(new TypeWriter(this.#model, used), { used });
  }

  /**
   * The type of a named schema's alias. A schema that is, through refs, unions and intersections
   * only, one of its own members (`B: oneOf [A, B]`) would be `type B = A | B`, which TypeScript
   * rejects; those self-references become `unknown` (recursion through objects, arrays and
   * tuples is kept: TypeScript allows it).
   */
  aliasType(schema: { readonly name: string; readonly schema: ir.Schema }): string {
    if (!this.#directlyReaches(schema.name, schema.name)) return this.type(schema.schema);
    // Only for a schema that is its own member: scanning every schema per alias made rendering quadratic.
    this.#breaking = new Set([...this.#named.keys()].filter((other) => other === schema.name || this.#directlyReaches(other, schema.name)));
    try {
      return this.type(schema.schema);
    } finally {
      this.#breaking = undefined;
    }
  }

  /** True when `from`'s schema reaches the named schema `to` through refs, unions and intersections only. */
  #directlyReaches(from: string, to: string): boolean {
    const seen = new Set<string>();
    const stack: ir.Schema[] = [];
    const start = this.#named.get(from)?.schema;
    if (start) stack.push(start);
    for (let schema = stack.pop(); schema !== undefined; schema = stack.pop()) {
      if (schema.kind === 'ref') {
        if (schema.name === to) return true;
        const target = this.#named.get(schema.name)?.schema;
        if (target && !seen.has(schema.name)) (seen.add(schema.name), stack.push(target));
      } else if (schema.kind === 'union') stack.push(...schema.variants);
      else if (schema.kind === 'intersection') stack.push(...schema.members);
    }
    return false;
  }

  /** The schema a component name refers to (`model.schemas[].name`); undefined when there is none. */
  schemaOf(name: string): ir.Schema | undefined {
    return this.#named.get(name)?.schema;
  }

  /** A schema with its component references followed (alias chains a few steps); undefined when one dangles or the chain is a cycle. */
  resolve(schema: ir.Schema): ir.Schema | undefined {
    let target: ir.Schema | undefined = schema;
    for (let step = 0; target?.kind === 'ref' && step < 8; step++) target = this.schemaOf(target.name);
    return target?.kind === 'ref' ? undefined : target;
  }

  /** Type name of a named schema. */
  typeName(schemaName: string): string {
    const name = this.#named.get(schemaName)?.typeName;
    if (name !== undefined) this.#used?.add(schemaName);
    return name ?? 'unknown';
  }

  /** The type of a schema, as TypeScript source. */
  type(schema: ir.Schema): string {
    if (this.#breaking && (schema.kind === 'array' || schema.kind === 'tuple' || schema.kind === 'object')) {
      const breaking = this.#breaking;
      this.#breaking = undefined;
      try {
        return this.type(schema);
      } finally {
        this.#breaking = breaking;
      }
    }
    switch (schema.kind) {
      case 'ref':
        return this.#breaking?.has(schema.name) ? 'unknown' : this.typeName(schema.name);
      case 'string':
        return 'string';
      case 'number':
      case 'integer':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'binary':
        return 'Blob';
      case 'unknown':
        return 'unknown';
      case 'enum':
        return unique(schema.values.map(literalType)).join(' | ') || 'never';
      case 'array':
        return `${this.#operand(schema.items)}[]`;
      case 'tuple': {
        const items = schema.items.map((item) => this.type(item));
        if (schema.rest) items.push(`...${this.#operand(schema.rest)}[]`);
        return `[${items.join(', ')}]`;
      }
      case 'object':
        return this.#objectType(schema);
      case 'union':
        return unique(schema.variants.map((variant) => this.#unionMember(tagged(variant, schema.discriminator)))).join(' | ') || 'never';
      case 'intersection':
        return unique(schema.members.map((member) => this.#operand(member))).join(' & ') || 'unknown';
    }
  }

  /** Named schemas a schema refers to directly (for imports), in first-use order. */
  references(schema: ir.Schema, into: Set<string> = new Set()): Set<string> {
    switch (schema.kind) {
      case 'ref':
        into.add(schema.name);
        break;
      case 'array':
        this.references(schema.items, into);
        break;
      case 'tuple':
        for (const item of schema.items) this.references(item, into);
        if (schema.rest) this.references(schema.rest, into);
        break;
      case 'object':
        for (const property of schema.properties) this.references(property.schema, into);
        if (typeof schema.additionalProperties === 'object') this.references(schema.additionalProperties, into);
        break;
      case 'union':
        for (const variant of schema.variants) this.references(variant, into);
        break;
      case 'intersection':
        for (const member of schema.members) this.references(member, into);
        break;
      default:
        break;
    }
    return into;
  }

  /** The property key as written in a type: bare when it is an identifier, else a string literal. */
  propertyKey(name: string): string {
    return isPlainIdentifier(name) ? name : stringLiteral(name);
  }

  /** Value type of an index signature, or undefined when the object is closed or unspecified. */
  indexSignatureType(schema: Extract<ir.Schema, { kind: 'object' }>): string | undefined {
    const additional = schema.additionalProperties;
    if (additional === undefined || additional === false) return schema.properties.length === 0 && additional === undefined ? 'unknown' : undefined;
    // Declared properties must fit the index signature: with any, widen to unknown (without writing the schema).
    if (additional === true || schema.properties.length > 0) return 'unknown';
    return this.type(additional);
  }

  #objectType(schema: Extract<ir.Schema, { kind: 'object' }>): string {
    const members = schema.properties.map((p) => `${this.propertyKey(p.name)}${p.required ? '' : '?'}: ${this.type(p.schema)}`);
    const index = this.indexSignatureType(schema);
    if (index !== undefined) members.push(`[key: string]: ${index}`);
    if (members.length === 0) return schema.additionalProperties === false ? 'Record<string, never>' : 'Record<string, unknown>';
    return `{ ${members.join('; ')} }`;
  }

  /** Wraps unions and intersections in parentheses where an operand needs it (`(A | B)[]`). */
  #operand(schema: ir.Schema): string {
    const text = this.type(schema);
    return needsParens(schema, text) ? `(${text})` : text;
  }

  #unionMember(schema: ir.Schema): string {
    const text = this.type(schema);
    return schema.kind === 'intersection' && text.includes(' & ') ? `(${text})` : text;
  }
}

/**
 * A discriminated union's variant with the tag its `mapping` gives it: `Circle & { type: 'circle' }`,
 * so `switch (shape.type)` narrows. The IR's mapping already holds the implicit values (a `$ref`
 * member's component name) where they do not contradict the member; other variants stay as they are.
 */
export function tagged(variant: ir.Schema, discriminator: ir.Discriminator | undefined): ir.Schema {
  const values = tagValues(variant, discriminator);
  if (!discriminator || values.length === 0) return variant;
  const tag: ir.Schema = { kind: 'object', properties: [{ name: discriminator.propertyName, required: true, schema: { kind: 'enum', values } }] };
  return { kind: 'intersection', members: [variant, tag] };
}

/** The discriminator values `mapping` gives a `$ref` variant (none for inline variants or without a discriminator). */
export function tagValues(variant: ir.Schema, discriminator: ir.Discriminator | undefined): string[] {
  if (!discriminator || variant.kind !== 'ref') return [];
  return discriminator.mapping.filter((entry) => entry.schema === variant.name).map((entry) => entry.value);
}

function needsParens(schema: ir.Schema, text: string): boolean {
  if (schema.kind === 'union' || schema.kind === 'intersection') return text.includes(' | ') || text.includes(' & ');
  if (schema.kind === 'enum') return text.includes(' | ');
  return false;
}

function literalType(value: string | number | boolean | null): string {
  if (typeof value === 'string') return stringLiteral(value);
  // YAML's .inf and .nan parse to numbers that have no literal type.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'number';
  return String(value);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** How the 2xx body is decoded, and its media types. */
export interface SuccessShape {
  readonly kind: 'json' | 'text' | 'blob' | 'void';
  /** The schemas of the successful bodies (one per 2xx status that has content). */
  readonly schemas: readonly ir.Schema[];
}

/** Success responses → decoding kind and schemas; the first 2xx with content decides the kind. */
export function successShape(operation: NamedOperation): SuccessShape {
  const successes = operation.responses.filter((response) => /^2/.test(response.status));
  const withContent = successes.filter((response) => response.contents.length > 0);
  if (withContent.length === 0) return { kind: 'void', schemas: [] };
  const first = withContent[0]!.contents[0]!;
  const schemas = withContent.map((response) => response.contents[0]!.schema);
  return { kind: mediaKind(first.mediaType, first.schema), schemas };
}

/** JSON (including `+json`), text, or anything else as a Blob. */
export function mediaKind(mediaType: string, schema: ir.Schema): 'json' | 'text' | 'blob' {
  if (schema.kind === 'binary') return 'blob';
  if (/^application\/(?:[\w.+-]*\+)?json\b/i.test(mediaType) || /^\*\/\*/.test(mediaType)) return 'json';
  if (/^text\//i.test(mediaType)) return 'text';
  return 'blob';
}

/** The TypeScript type of a successful call's result. */
export function resultType(types: TypeWriter, operation: NamedOperation): string {
  const shape = successShape(operation);
  if (shape.kind === 'void') return 'void';
  if (shape.kind === 'blob') return 'Blob';
  if (shape.kind === 'text') return 'string';
  const texts = unique(shape.schemas.map((schema) => types.type(schema)));
  return texts.length === 1 ? texts[0]! : texts.map((text) => (text.includes(' => ') ? `(${text})` : text)).join(' | ');
}
