import type * as ir from '../../model/ir.js';
import type { NamedApi, NamedModel, NamedOperation } from '../../names/index.js';
import { stringLiteral } from '../../shared/escape.js';
import { byCodePoint } from '../../shared/sort.js';
import { defaultServerUrl } from '../servers.js';
import { tagged, type TypeWriter } from '../type-text.js';
import { requestBodySchema } from '../ts/api-class.js';

/** How deep example objects follow named schemas before stopping at optional fields. */
const MAX_EXAMPLE_DEPTH = 3;

/**
 * TypeScript examples for the docs. They are compiled by the test suite, so every value is
 * produced from the schema with the same names the client uses; spec text enters only as
 * string literals.
 */
export class ExampleWriter {
  readonly #schemas: ReadonlyMap<string, ir.Schema>;

  constructor(
    private readonly model: NamedModel,
    private readonly types: TypeWriter,
    schemas?: ReadonlyMap<string, ir.Schema>,
  ) {
    // Shared with the per-operation writers: building it for each one made docs quadratic.
    this.#schemas = schemas ?? new Map(model.schemas.map((schema) => [schema.name, schema.schema]));
  }

  /** A complete example program calling one operation. */
  operation(api: NamedApi, operation: NamedOperation): string {
    // A writer of its own records the named types this program mentions: exactly those are imported.
    const types = this.types.recording();
    const values = new ExampleWriter(this.model, types, this.#schemas);
    const imports = new Set<string>(['ApiError', 'Configuration', api.className]);
    const typeImports = new Set<string>();
    const lines: string[] = [];
    const args: string[] = [];
    for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
      lines.push(`  const ${parameter.identifier}: ${types.type(parameter.schema)} = ${values.value(parameter.schema, parameter.name, 0, new Set())};`);
      args.push(parameter.identifier);
    }
    const content = operation.requestBody?.contents[0];
    if (content && operation.bodyName) {
      const body = requestBodySchema(content);
      lines.push(`  const ${operation.bodyName}: ${types.type(body)} = ${values.value(body, operation.bodyName, 0, new Set())};`);
      args.push(operation.bodyName);
    }
    const objectParameters = operation.parameters.filter((p) => p.in !== 'path');
    if (operation.paramsName && operation.paramsTypeName && objectParameters.length > 0) {
      typeImports.add(operation.paramsTypeName);
      const fields = objectParameters.map((p) => `    ${p.identifier}: ${values.value(p.schema, p.name, 1, new Set())},`);
      lines.push(`  const ${operation.paramsName}: ${operation.paramsTypeName} = {`, ...fields, '  };');
      args.push(operation.paramsName);
    }
    for (const name of types.used) typeImports.add(types.typeName(name));
    const call = `api.${operation.methodName}(${args.join(', ')})`;
    const isVoid = operation.responses.filter((r) => /^2/.test(r.status)).every((r) => r.contents.length === 0);
    const sorted = [...imports, ...[...typeImports].map((name) => `type ${name}`)].sort((a, b) => byCodePoint(a.replace(/^type /, ''), b.replace(/^type /, '')));
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

  #clientSetup(api: NamedApi, needsCredentials: boolean): string {
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
    const indent = '  '.repeat(depth + 2);
    switch (schema.kind) {
      case 'ref': {
        const target = this.#schemas.get(schema.name);
        // `{}` converts to an object type only; anything else goes through `unknown`.
        if (!target || seen.has(schema.name)) return `{} as ${target?.kind === 'object' ? '' : 'unknown as '}${this.types.typeName(schema.name)}`;
        return this.value({ ...target, ...(schema.example !== undefined ? { example: schema.example } : {}) } as ir.Schema, hint, depth, new Set([...seen, schema.name]));
      }
      case 'string':
        return stringLiteral(typeof schema.example === 'string' ? schema.example : schema.format === 'date-time' ? '2024-01-01T00:00:00Z' : schema.format === 'date' ? '2024-01-01' : `${hint}_example`);
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
        const first = schema.values.find((value) => value !== null) ?? null;
        return typeof first === 'string' ? stringLiteral(first) : String(first);
      }
      case 'array':
        return `[${this.value(schema.items, hint, depth, seen)}]`;
      case 'tuple':
        return `[${schema.items.map((item) => this.value(item, hint, depth, seen)).join(', ')}]`;
      case 'union': {
        const variant = schema.variants.find((v) => v.kind !== 'null') ?? schema.variants[0];
        if (!variant) return 'null';
        // A tagged variant's literal carries the mapped tag: its own members come after, so the tag wins the merge.
        const withTag = tagged(variant, schema.discriminator);
        return withTag !== variant && withTag.kind === 'intersection' ? this.value({ kind: 'intersection', members: [withTag.members[1]!, withTag.members[0]!] }, hint, depth, seen) : this.value(variant, hint, depth, seen);
      }
      case 'intersection': {
        // allOf of objects: one literal with every member's properties.
        const members = schema.members.map((member) => this.#resolveObject(member));
        if (members.some((member) => member === undefined)) return `{} as unknown as ${this.types.type(schema)}`;
        return this.value({ kind: 'object', properties: mergeProperties(members.flatMap((member) => member!.properties)) }, hint, depth, seen);
      }
      case 'object': {
        const fields = schema.properties
          .filter((property) => property.required || depth < MAX_EXAMPLE_DEPTH)
          .filter((property) => !property.schema.readOnly || property.required)
          // `__proto__: …` in an object literal sets the prototype; the computed key makes a property.
          .map((property) => `${indent}${property.name === '__proto__' ? "['__proto__']" : this.types.propertyKey(property.name)}: ${this.value(property.schema, property.name, depth + 1, seen)},\n`);
        return fields.length === 0 ? '{}' : `{\n${fields.join('')}${indent.slice(2)}}`;
      }
    }
  }

  /** The object schema behind a schema, following references; undefined when it is not an object. */
  #resolveObject(schema: ir.Schema, depth = 0): Extract<ir.Schema, { kind: 'object' }> | undefined {
    const target = schema.kind === 'ref' ? this.#schemas.get(schema.name) : schema;
    if (target?.kind === 'object') return target;
    // allOf of allOf (Dog = AnimalBase & {…}): one object of all their properties, a few levels deep.
    if (target?.kind !== 'intersection' || depth >= MAX_EXAMPLE_DEPTH) return undefined;
    const members = target.members.map((member) => this.#resolveObject(member, depth + 1));
    if (members.some((member) => member === undefined)) return undefined;
    return { kind: 'object', properties: mergeProperties(members.flatMap((member) => member!.properties)) };
  }
}

/**
 * allOf members may declare one property twice (`{ name?: string } & { name?: unknown }`): one
 * literal key, required when any member requires it, typed by the first member that says more than unknown.
 */
function mergeProperties(properties: readonly ir.Property[]): ir.Property[] {
  const byName = new Map<string, ir.Property>();
  for (const property of properties) {
    const seen = byName.get(property.name);
    if (!seen) byName.set(property.name, property);
    else byName.set(property.name, { ...seen, required: seen.required || property.required, schema: seen.schema.kind === 'unknown' ? property.schema : seen.schema });
  }
  return [...byName.values()];
}
