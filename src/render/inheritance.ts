import type * as ir from '../model/ir.js';
import type { NamedModel } from '../names/index.js';
import { TypeWriter } from './type-text.js';

/** How a named schema renders as `interface X extends A, B { …own properties }` (no parents: `interface X { … }`). */
export interface InterfaceExtends {
  /** Names (`model.schemas[].name`) of the `$ref` members, in spec order, without repeats. */
  readonly parents: readonly string[];
  /** The inline object members (merged): the interface's own properties and index signature. */
  readonly own?: Extract<ir.Schema, { kind: 'object' }>;
}

/** A property as the checker compares it: type text (type names are unique, so equal text is the same type) and optionality. */
interface MemberShape {
  readonly text: string;
  readonly required: boolean;
  readonly schema: ir.Schema;
}

/** Every property an interface has (its own and inherited), and its index signature's value type. */
interface InterfaceShape {
  readonly properties: ReadonlyMap<string, MemberShape>;
  readonly index?: string;
}

/**
 * Decides which named `allOf` schemas render as interfaces with `extends` (clearer than an
 * intersection, and what a reader of the docs expects: "Extends A, B"). Only where TypeScript
 * accepts it: every `$ref` member must itself render as an interface (an object schema, or an
 * `allOf` that qualifies), the inline object members merge into one body, no inheritance cycle, no
 * property that two parents declare differently, no own property that does not fit the one it
 * redeclares, and no index signature narrower than `unknown`. Anything else stays an intersection.
 * Both renderers ask the same instance (one per model), so the code and the docs agree.
 */
export class Inheritance {
  readonly #types: TypeWriter;
  readonly #plans = new Map<string, InterfaceExtends | null>();
  readonly #shapes = new Map<string, InterfaceShape | null>();
  readonly #visiting = new Set<string>();

  /** `types` writes type text only to compare it: a recording writer would record what no file prints. */
  constructor(types: TypeWriter) {
    this.#types = types;
  }

  /**
   * How a named schema renders as an interface: an object schema is its own body, an `allOf`
   * extends its parents where TypeScript accepts it; undefined when it renders as a type alias.
   * The models file declares and the model page documents exactly this.
   */
  interfaceOf(name: string): InterfaceExtends | undefined {
    const schema = this.#types.schemaOf(name);
    if (schema?.kind === 'object') return { parents: [], own: schema };
    return this.#plan(name) ?? undefined;
  }

  #plan(name: string): InterfaceExtends | null {
    const known = this.#plans.get(name);
    if (known !== undefined) return known;
    if (this.#visiting.has(name)) return null; // an inheritance cycle: `interface A extends B`, `B extends A`
    this.#visiting.add(name);
    try {
      const plan = this.#decide(name);
      this.#plans.set(name, plan);
      return plan;
    } finally {
      this.#visiting.delete(name);
    }
  }

  #decide(name: string): InterfaceExtends | null {
    const schema = this.#types.schemaOf(name);
    if (schema?.kind !== 'intersection') return null;
    const parents: string[] = [];
    const owns: Extract<ir.Schema, { kind: 'object' }>[] = [];
    // An inline allOf inside the allOf is part of the same list.
    const flat = (members: readonly ir.Schema[]): ir.Schema[] => members.flatMap((member) => (member.kind === 'intersection' ? flat(member.members) : [member]));
    for (const member of flat(schema.members)) {
      if (member.kind === 'ref') {
        if (!parents.includes(member.name)) parents.push(member.name);
      } else if (member.kind === 'object') owns.push(member);
      else if (member.kind !== 'unknown') return null;
    }
    if (parents.includes(name)) return null;
    const own = owns.length > 1 ? this.#merge(owns) : owns[0];
    if (own === null || (parents.length === 0 && !own)) return null;

    const inherited = new Map<string, MemberShape>();
    for (const parent of parents) {
      const shape = this.#shape(parent);
      if (!shape) return null;
      // TS2320: two base types may not declare one property differently.
      for (const [key, member] of shape.properties) {
        const seen = inherited.get(key);
        if (seen && (seen.text !== member.text || seen.required !== member.required)) return null;
        inherited.set(key, member);
      }
      if (shape.index !== undefined && shape.index !== 'unknown') return null;
    }
    if (own) {
      // TS2430: an own property must be assignable to the inherited one it redeclares.
      for (const property of own.properties) {
        const seen = inherited.get(property.name);
        if (seen && (!this.#fits(property.schema, seen) || (seen.required && !property.required))) return null;
      }
      const index = this.#types.indexSignatureType(own);
      if (index !== undefined && index !== 'unknown') return null;
    }
    return own ? { parents, own } : { parents };
  }

  /**
   * Whether an own property's type is assignable to the inherited one it redeclares, in the cases
   * that are certain without a checker: the same type, anything into `unknown`, and the usual
   * discriminator narrowing (`petType: 'dog'` redeclaring `petType: string` or `'cat' | 'dog'`).
   */
  #fits(own: ir.Schema, inherited: MemberShape): boolean {
    if (inherited.text === 'unknown' || this.#types.type(own) === inherited.text) return true;
    if (own.kind !== 'enum' || own.values.length === 0) return false;
    // A hoisted enum (`CanineKind`) is a reference.
    const parent = this.#types.resolve(inherited.schema) ?? { kind: 'unknown' };
    if (parent.kind === 'string') return own.values.every((value) => typeof value === 'string');
    return parent.kind === 'enum' && own.values.every((value) => parent.values.includes(value));
  }

  /**
   * Several inline objects of one allOf as one body (`{ a } & { b }` → `{ a; b }`): only when no
   * property is declared with two types and none has an index signature other than `unknown` (or a
   * closed object, whose meaning would change); required when any declares it required.
   */
  #merge(owns: readonly Extract<ir.Schema, { kind: 'object' }>[]): Extract<ir.Schema, { kind: 'object' }> | null {
    const properties = new Map<string, ir.Property>();
    let open = false;
    for (const own of owns) {
      if (own.additionalProperties === false || typeof own.additionalProperties === 'object') return null;
      if (own.additionalProperties === true) open = true;
      for (const property of own.properties) {
        const seen = properties.get(property.name);
        if (seen && this.#types.type(seen.schema) !== this.#types.type(property.schema)) return null;
        properties.set(property.name, seen ? { ...seen, required: seen.required || property.required } : property);
      }
    }
    return open ? { kind: 'object', properties: [...properties.values()], additionalProperties: true } : { kind: 'object', properties: [...properties.values()] };
  }

  /** The members of a named schema that renders as an interface; null when it does not. */
  #shape(name: string): InterfaceShape | null {
    const known = this.#shapes.get(name);
    if (known !== undefined) return known;
    const schema = this.#types.schemaOf(name);
    let shape: InterfaceShape | null = null;
    if (schema?.kind === 'object') shape = this.#objectShape(schema, new Map());
    else if (schema?.kind === 'intersection') {
      const plan = this.#plan(name);
      if (plan) {
        const properties = new Map<string, MemberShape>();
        for (const parent of plan.parents) for (const [key, member] of this.#shape(parent)?.properties ?? []) properties.set(key, member);
        shape = plan.own ? this.#objectShape(plan.own, properties) : { properties };
      }
    }
    this.#shapes.set(name, shape);
    return shape;
  }

  #objectShape(schema: Extract<ir.Schema, { kind: 'object' }>, inherited: Map<string, MemberShape>): InterfaceShape {
    for (const property of schema.properties) inherited.set(property.name, { text: this.#types.type(property.schema), required: property.required, schema: property.schema });
    const index = this.#types.indexSignatureType(schema);
    return index === undefined ? { properties: inherited } : { properties: inherited, index };
  }
}

const byModel = new WeakMap<NamedModel, Inheritance>();

/** The one `Inheritance` of a model, built on first use (with a writer of its own: see the constructor). */
export function inheritanceOf(model: NamedModel): Inheritance {
  let inheritance = byModel.get(model);
  if (!inheritance) {
    inheritance = new Inheritance(new TypeWriter(model));
    byModel.set(model, inheritance);
  }
  return inheritance;
}
