import type * as ir from '../../model/ir.js';
import type { NamedApi, NamedModel, NamedOperation } from '../../names/index.js';
import { stringLiteral } from '../../shared/escape.js';
import { byCodePoint } from '../../shared/sort.js';
import { defaultServerUrl } from '../servers.js';
import { successShape, tagged, type TypeWriter } from '../type-text.js';
import { objectParameters, pathParameters, requestBodySchema } from '../call-shape.js';

/** How deep example objects follow named schemas before stopping at optional fields. */
const MAX_EXAMPLE_DEPTH = 3;

/**
 * TypeScript examples for the docs. They are compiled by the test suite, so every value is
 * produced from the schema with the same names the client uses; spec text enters only as
 * string literals.
 */
export class ExampleWriter {
  /** Each API's client setup, with and without credentials (built once: it looks at every operation of the API). */
  readonly #setups = new Map<NamedApi, { credentials?: string; anonymous?: string }>();

  constructor(
    private readonly model: NamedModel,
    private readonly types: TypeWriter,
  ) {}

  /** A complete example program calling one operation. */
  operation(api: NamedApi, operation: NamedOperation): string {
    // A writer of its own records the named types this program mentions: exactly those are imported.
    const types = this.types.recording();
    const values = new ExampleWriter(this.model, types);
    const imports = new Set<string>(['ApiError', 'Configuration', api.className]);
    const typeImports = new Set<string>();
    const lines: string[] = [];
    const args: string[] = [];
    for (const parameter of pathParameters(operation)) {
      lines.push(`  const ${parameter.identifier}: ${types.type(parameter.schema)} = ${values.value(parameter.schema, parameter.name, 0, new Set())};`);
      args.push(parameter.identifier);
    }
    const content = operation.requestBody?.contents[0];
    if (content && operation.bodyName) {
      const body = requestBodySchema(content);
      lines.push(`  const ${operation.bodyName}: ${types.type(body)} = ${values.value(body, operation.bodyName, 0, new Set())};`);
      args.push(operation.bodyName);
    }
    const paramsProperties = objectParameters(operation);
    if (operation.paramsName && operation.paramsTypeName && paramsProperties.length > 0) {
      typeImports.add(operation.paramsTypeName);
      const fields = paramsProperties.map((p) => `    ${p.identifier}: ${values.value(p.schema, p.name, 1, new Set())},`);
      lines.push(`  const ${operation.paramsName}: ${operation.paramsTypeName} = {`, ...fields, '  };');
      args.push(operation.paramsName);
    }
    for (const name of types.used) typeImports.add(types.typeName(name));
    const call = `api.${operation.methodName}(${args.join(', ')})`;
    const isVoid = successShape(operation).kind === 'void';
    // By name, imported as a type or not: each key made once, not per comparison (1,223 examples on GitHub).
    const specifiers = [...[...imports].map((name) => ({ name, text: name })), ...[...typeImports].map((name) => ({ name, text: `type ${name}` }))];
    const sorted = specifiers.sort((a, b) => byCodePoint(a.name, b.name)).map((specifier) => specifier.text);
    return [
      `import { ${sorted.join(', ')} } from '../index.js';`,
      '',
      this.#clientSetup(api, operation.security.length > 0),
      '',
      'async function example(): Promise<void> {',
      ...lines,
      '  try {',
      isVoid ? `    await ${call};` : `    const result = await ${call};\n    console.log(result);`,
      '  } catch (error) {',
      '    if (error instanceof ApiError) console.error(error.status, error.body);',
      '    else throw error;',
      '  }',
      '}',
      '',
      'void example();',
    ].join('\n');
  }

  /** The README's getting-started program: the first operation of the first API. */
  readme(): string {
    const api = this.model.apis[0];
    const operation = api?.operations[0];
    if (!api || !operation) return "import { Configuration } from './index.js';\n\nexport const configuration = new Configuration();";
    return this.operation(api, operation).replace("from '../index.js'", "from './index.js'");
  }

  /**
   * `const api = new PetsApi(new Configuration({ … }))`, with the credentials any operation of the
   * API uses when this one needs some. Built once per API and kind: building it scans the API's
   * operations, which per operation made docs quadratic in an API's size (4,000 secured operations
   * under one tag: 7.5 s).
   */
  #clientSetup(api: NamedApi, needsCredentials: boolean): string {
    let setups = this.#setups.get(api);
    if (setups === undefined) this.#setups.set(api, (setups = {}));
    const key = needsCredentials ? 'credentials' : 'anonymous';
    return (setups[key] ??= this.#buildClientSetup(api, needsCredentials));
  }

  #buildClientSetup(api: NamedApi, needsCredentials: boolean): string {
    const server = defaultServerUrl(this.model);
    // Without a server the client has no usable default: the example shows where the URL goes.
    const options = [server === '' ? "  basePath: 'https://api.example.com', // the spec declares no server" : `  basePath: ${stringLiteral(server)},`];
    if (needsCredentials) {
      const schemes = new Map(this.model.securitySchemes.map((scheme) => [scheme.name, scheme]));
      const used = new Set(api.operations.flatMap((op) => op.security.flatMap((requirement) => requirement.schemes.map((s) => schemes.get(s.name)))));
      for (const scheme of used) {
        if (!scheme) continue;
        if (scheme.type === 'apiKey') options.push("  apiKey: 'YOUR_API_KEY',");
        else if (scheme.type === 'http' && scheme.scheme === 'basic') options.push("  username: 'YOUR_USERNAME',", "  password: 'YOUR_PASSWORD',");
        else options.push("  accessToken: 'YOUR_ACCESS_TOKEN',");
      }
    }
    return [`const api = new ${api.className}(`, '  new Configuration({', ...[...new Set(options)].map((o) => '  ' + o), '  }),', ');'].join('\n');
  }

  /** A value of the schema's type, as TypeScript source. */
  value(schema: ir.Schema, hint: string, depth: number, seen: Set<string>): string {
    switch (schema.kind) {
      case 'ref': {
        const target = this.types.schemaOf(schema.name);
        // `{}` converts to an object type only; anything else goes through `unknown`.
        if (!target || seen.has(schema.name)) return `{} as ${target?.kind === 'object' ? '' : 'unknown as '}${this.types.typeName(schema.name)}`;
        return this.value({ ...target, ...(schema.example !== undefined ? { example: schema.example } : {}) } as ir.Schema, hint, depth, new Set([...seen, schema.name]));
      }
      case 'string':
        return stringLiteral(typeof schema.example === 'string' ? schema.example : typeof schema.example === 'number' ? String(schema.example) : stringExample(schema.format, hint));
      case 'number':
      case 'integer':
        return typeof schema.example === 'number' && Number.isFinite(schema.example) ? String(schema.example) : '56';
      case 'boolean':
        return typeof schema.example === 'boolean' ? String(schema.example) : 'true';
      case 'null':
        return 'null';
      case 'binary':
        return "new Blob(['file contents'])";
      case 'unknown':
        return '{}';
      case 'enum': {
        // No value fits `never` (a contradiction in the spec): a typed placeholder.
        if (schema.values.length === 0) return '{} as unknown as never';
        const first = schema.values.find((value) => value !== null) ?? null;
        return typeof first === 'string' ? stringLiteral(first) : String(first);
      }
      case 'array':
        return `[${this.value(schema.items, hint, depth, seen)}]`;
      case 'tuple':
        return `[${schema.items.map((item) => this.value(item, hint, depth, seen)).join(', ')}]`;
      case 'union': {
        const candidates = schema.variants.filter((v) => v.kind !== 'null');
        if (candidates.length === 0) return schema.variants.length > 0 ? 'null' : `{} as unknown as ${this.types.type(schema)}`;
        // A variant whose own discriminator property rejects its mapped tag is `never` in TypeScript: take another.
        const variants = candidates.map((variant) => tagged(variant, schema.discriminator));
        const chosen = variants.find((variant) => this.#inhabited(variant)) ?? variants[0]!;
        // The tag first: the literal starts with the property that says which variant it is.
        const value = this.value(chosen.kind === 'intersection' && !candidates.includes(chosen) ? { kind: 'intersection', members: [...chosen.members].reverse() } : chosen, hint, depth, seen);
        // Another variant declaring `toString`/`constructor`… makes TypeScript widen the literal's
        // values (`'a'` to string); checking it against its own variant first keeps them literal.
        return candidates.length > 1 && candidates.some((variant) => this.#declaresPrototypeName(variant)) ? `${value} satisfies ${this.types.type(chosen)}` : value;
      }
      case 'intersection': {
        // allOf of objects: one literal with every member's properties.
        const merged = this.#mergeObjects(schema.members);
        if (!merged) return `{} as unknown as ${this.types.type(schema)}`;
        return this.#objectLiteral(merged.properties, hint, depth, seen);
      }
      case 'object':
        return this.#objectLiteral(schema.properties, hint, depth, seen);
    }
  }

  /** An object literal with the required properties (and optional ones near the top). */
  #objectLiteral(properties: readonly LiteralProperty[], hint: string, depth: number, seen: Set<string>): string {
    const indent = '  '.repeat(depth + 2);
    const fields = properties
      // An omitted `toString`/`constructor`… would be Object.prototype's function, which the declared type rejects.
      .filter((property) => property.required || PROTOTYPE_NAMES.has(property.name) || (depth < MAX_EXAMPLE_DEPTH && !property.schema.readOnly && !property.omit))
      // `__proto__: …` in an object literal sets the prototype; the computed key makes a property.
      .map((property) => `${indent}${property.name === '__proto__' ? "['__proto__']" : this.types.propertyKey(property.name)}: ${this.value(property.schema, property.name, depth + 1, seen)},\n`);
    return fields.length === 0 ? '{}' : `{\n${fields.join('')}${indent.slice(2)}}`;
  }

  /**
   * allOf members as one object: each property's schemas together with the index signatures of
   * the other members (`{ [key: string]: boolean } & { a?: number }`); undefined unless every member is an object.
   */
  #mergeObjects(members: readonly ir.Schema[]): { properties: LiteralProperty[] } | undefined {
    const objects = this.#flatten(members, 0);
    if (!objects) return undefined;
    const constraints = objects.flatMap((object) => indexConstraint(object) ?? []);
    const byName = new Map<string, { required: boolean; schemas: ir.Schema[] }>();
    for (const object of objects) {
      for (const property of object.properties) {
        const entry = byName.get(property.name) ?? { required: false, schemas: [] };
        byName.set(property.name, { required: entry.required || property.required, schemas: [...entry.schemas, property.schema] });
      }
    }
    const properties: LiteralProperty[] = [];
    for (const [name, { required, schemas }] of byName) {
      // An index signature only constrains when its object declares no properties, so never its own.
      const all = [...schemas, ...constraints];
      const schema = this.#narrowest(all);
      // An optional property no single value fits is left out; a required one gets a typed placeholder.
      if (schema) properties.push({ name, required, schema });
      else properties.push({ name, required, schema: { kind: 'intersection', members: all }, omit: true });
    }
    return { properties };
  }

  /** Object members behind refs and nested allOf, a few levels deep; undefined when one is not an object. */
  #flatten(members: readonly ir.Schema[], depth: number): Extract<ir.Schema, { kind: 'object' }>[] | undefined {
    const objects: Extract<ir.Schema, { kind: 'object' }>[] = [];
    for (const member of members) {
      const target = this.types.resolve(member);
      // `unknown` adds nothing to an intersection.
      if (target?.kind === 'unknown') continue;
      if (target?.kind === 'object') objects.push(target);
      else if (target?.kind === 'intersection' && depth < MAX_EXAMPLE_DEPTH) {
        const inner = this.#flatten(target.members, depth + 1);
        if (!inner) return undefined;
        objects.push(...inner);
      } else return undefined;
    }
    return objects;
  }

  /**
   * One schema that every value of it satisfies all of `schemas` (as TypeScript types), or
   * undefined when there is none this writer can produce.
   */
  #narrowest(schemas: readonly ir.Schema[]): ir.Schema | undefined {
    const distinct = [...new Map(schemas.filter((s) => this.types.resolve(s)?.kind !== 'unknown').map((s) => [JSON.stringify(typeOnly(this.types.resolve(s) ?? s)), s])).values()];
    if (distinct.length <= 1) return distinct[0] ?? schemas[0];
    // A literal set the others accept (a discriminator tag on `type: string`): its accepted values.
    for (const candidate of distinct) {
      const target = this.types.resolve(candidate);
      if (target?.kind !== 'enum') continue;
      const values = target.values.filter((value) => distinct.every((other) => this.#accepts(other, value, 0)));
      if (values.length > 0) return { kind: 'enum', values };
    }
    // Objects merge into one literal.
    if (this.#flatten(distinct, 0)) return { kind: 'intersection', members: distinct };
    return undefined;
  }

  /** True when the literal `value` has the schema's TypeScript type. */
  #accepts(schema: ir.Schema, value: string | number | boolean | null, depth: number): boolean {
    const target = depth > MAX_EXAMPLE_DEPTH ? undefined : this.types.resolve(schema);
    switch (target?.kind) {
      case 'unknown':
        return true;
      case 'string':
        return typeof value === 'string';
      case 'number':
      case 'integer':
        return typeof value === 'number';
      case 'boolean':
        return typeof value === 'boolean';
      case 'null':
        return value === null;
      case 'enum':
        return target.values.includes(value);
      case 'union':
        return target.variants.some((variant) => this.#accepts(variant, value, depth + 1));
      case 'intersection':
        return target.members.every((member) => this.#accepts(member, value, depth + 1));
      default:
        return false;
    }
  }

  /** False when a (tagged) variant is an object no value fits: its tag contradicts its own properties. */
  #inhabited(variant: ir.Schema): boolean {
    if (variant.kind !== 'intersection') return true;
    const merged = this.#mergeObjects(variant.members);
    return merged === undefined || merged.properties.every((property) => !property.omit || !property.required);
  }

  /** True when the schema's object (through refs and allOf) declares a property named like an Object.prototype member. */
  #declaresPrototypeName(schema: ir.Schema): boolean {
    return this.#flatten([schema], 0)?.some((object) => object.properties.some((property) => PROTOTYPE_NAMES.has(property.name))) ?? false;
  }
}

/** A plausible value for a string of a format (int64 sent as a string, `--int64 string`, looks like a number). */
function stringExample(format: string | undefined, hint: string): string {
  if (format === 'date-time') return '2024-01-01T00:00:00Z';
  if (format === 'date') return '2024-01-01';
  if (format === 'int64' || format === 'uint64') return '56';
  return `${hint}_example`;
}

/** A property as the example writes it; `omit` marks one no value fits (written only when required). */
interface LiteralProperty {
  readonly name: string;
  readonly required: boolean;
  readonly schema: ir.Schema;
  readonly omit?: boolean;
}

/**
 * Names TypeScript sees on every object (Object.prototype's): an object literal that leaves such
 * an optional property out still "has" it, typed as the inherited function.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The schema every other property of an object must fit, when the object's TypeScript type has
 * an index signature that constrains (`{ [key: string]: boolean }`, `Record<string, never>`).
 * Mirrors TypeWriter.indexSignatureType: with declared properties the index widens to unknown.
 */
function indexConstraint(object: Extract<ir.Schema, { kind: 'object' }>): ir.Schema | undefined {
  if (object.properties.length > 0) return undefined;
  if (object.additionalProperties === false) return { kind: 'enum', values: [] };
  if (typeof object.additionalProperties === 'object') return object.additionalProperties;
  return undefined;
}

/** The schema without what does not change its TypeScript type (for comparing two schemas). */
function typeOnly(schema: ir.Schema): unknown {
  const { title: _title, description: _description, deprecated: _deprecated, readOnly: _readOnly, writeOnly: _writeOnly, default: _default, example: _example, ...rest } = schema;
  if (rest.kind === 'integer') return { kind: 'number' };
  return 'format' in rest ? { ...rest, format: undefined } : rest;
}
