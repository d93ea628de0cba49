import type HandlebarsApi from 'handlebars';
import type * as ir from '../../model/ir.js';
import { schemaByKey, type NamedModel, type NamedOperation, type NamedParameter, type NamedSchema } from '../../names/index.js';
import { escapeInline, isPlainInline, markdown, markdownInline } from '../../shared/escape.js';
import { defaultServerUrl } from '../servers.js';
import { inheritanceOf } from '../inheritance.js';
import { resultType, successShape, tagValues, type TypeWriter } from '../type-text.js';
import { acceptHeader, bodyOverloads, methodParameters, objectParameters, pathParameters, selectableBodySchema, selectableContents } from '../call-shape.js';
import type { ExampleWriter } from './example.js';
import { Handlebars } from './handlebars.js';
import { describeInlineOrigin } from './inline-origin.js';
import { anchorOf, hasOwnPage, modelHref, modelLink } from './links.js';

type Helper = HandlebarsApi.HelperDelegate;

const safe = (text: string) => new Handlebars.SafeString(text);

/**
 * The helpers every template may use (documented in templates/README.md). Spec text is
 * escaped here, at the sink: `md` for prose, `cell` for table cells and headings.
 */
export function docsHelpers(model: NamedModel, types: TypeWriter, examples: ExampleWriter): Record<string, Helper> {
  const inheritance = inheritanceOf(model);
  const schemasByName = schemaByKey(model);
  const apiOf = new Map(model.apis.flatMap((api) => api.operations.map((operation) => [operation, api] as const)));
  // Table cells repeat (GitHub's docs: 68k cells, 13k distinct texts; type texts far fewer): each text is escaped once.
  // Most are plain (109k of 148k inline texts): one regex test answers those without a lookup.
  const escapedInline = memoized(escapeInline);
  const inline = (text: string): string => (isPlainInline(text) ? text : escapedInline(text));
  const prose = memoized(markdown);
  // An operation's result type shows in its signatures and its return type.
  const resultOf = memoized((operation: NamedOperation) => resultType(types, operation));
  /** The named schema a type is about (see onlyReference); undefined when it is about none of the model's. */
  const modelOf = (schema: ir.Schema): NamedSchema | undefined => {
    const target = onlyReference(schema);
    return target !== undefined ? schemasByName.get(target) : undefined;
  };
  /** `[**Pet[]**](Pet.md)` to the docs of `named`, or `**text**` without one: the text escaped as inline text. */
  const bold = (text: string, named?: NamedSchema): string => (named !== undefined ? `[**${inline(text)}**](${modelHref(named)})` : `**${inline(text)}**`);
  const typeLink = (schema: ir.Schema, typeText?: string): string => {
    const shown = typeText ?? types.type(schema);
    const named = modelOf(schema);
    if (named === undefined && schema.kind === 'union') return linkEach(schema.variants, shown) ?? bold(shown);
    return bold(shown, named);
  };
  /**
   * `A | B` with each member linked (`[**A**](…) \| [**B**](…)`), when the members' own type texts
   * make up `shown` exactly and one of them is a model; undefined otherwise. So a union of body or response models links every
   * one of them, while a type the links would misquote stays one bold text.
   */
  const linkEach = (members: readonly ir.Schema[], shown: string): string | undefined => {
    // Nothing to link unless a member is about a model (most unions are `string | null`).
    if (!members.some((member) => modelOf(member) !== undefined)) return undefined;
    // Each distinct type text with the first member that has it, in order (one type text per member: a `find` per text made big unions quadratic).
    const firstByText = new Map<string, ir.Schema>();
    for (const member of members) {
      const text = types.type(member);
      if (!firstByText.has(text)) firstByText.set(text, member);
    }
    if (firstByText.size < 2 || [...firstByText.keys()].join(' | ') !== shown) return undefined;
    let linked = false;
    const links = [...firstByText].map(([text, member]) => {
      const named = modelOf(member);
      if (named !== undefined) linked = true;
      return bold(text, named);
    });
    return linked ? links.join(' \\| ') : undefined;
  };
  const ownProperties = (schema: NamedSchema): readonly ir.Property[] => inheritance.interfaceOf(schema.name)?.own?.properties ?? [];
  const notes = (item: NamedParameter | ir.Property): string => {
    const schema = item.schema;
    // One string built as it goes (a row each, 41k on GitHub's docs): `[a] [b]`.
    let notes = item.required ? '' : ' [optional]';
    if (schema.default !== undefined) notes += ` [default to ${inline(JSON.stringify(schema.default))}]`;
    if (schema.readOnly) notes += ' [readonly]';
    if (schema.writeOnly) notes += ' [writeonly]';
    if (schema.deprecated || ('deprecated' in item && item.deprecated === true)) notes += ' [deprecated]';
    if ('in' in item && item.in !== 'path') notes += ` [${item.in}: ${inline(item.name)}]`;
    return notes.slice(1);
  };
  // Templates ask twice in a row (`{{#if (members x)}}` then `{{#each (members x)}}`): the second time is free.
  const members = lastCallCached((schema: ir.Schema) => {
    const list = schema.kind === 'union' ? schema.variants : schema.kind === 'intersection' ? schema.members : [];
    const discriminator = schema.kind === 'union' ? schema.discriminator : undefined;
    return list.map((member) => {
      const values = tagValues(member, discriminator);
      const link = safe(typeLink(member));
      return values.length === 0 ? { link } : { link, tag: safe(`${markdownInline(discriminator!.propertyName)}: ${values.map((value) => markdownInline(JSON.stringify(value))).join(' or ')}`) };
    });
  });
  const parentLinks = lastCallCached((schema: NamedSchema) => {
    const parents = inheritance.interfaceOf(schema.name)?.parents ?? [];
    return parents.length === 0 ? '' : safe(parents.map((parent) => typeLink({ kind: 'ref', name: parent })).join(', '));
  });
  const helpers: Record<string, Helper> = {
    /** Markdown prose from the spec: formatting kept, HTML neutralised. */
    md: (text: unknown) => safe(prose(String(text ?? ''))),
    /** One-line table cell or heading text. */
    cell: (text: unknown) => safe(inline(String(text ?? ''))),
    /** `delete` → `DELETE`. */
    upper: (text: unknown) => String(text).toUpperCase(),
    /** Anchor id for a name (identifiers and scheme names). */
    anchor: (text: unknown) => anchorOf(String(text)),
    eq: (a: unknown, b: unknown) => a === b,
    /** The client's default base URL. */
    baseUrl: () => defaultServerUrl(model),
    /** Summary, else description, else the operation id. */
    summaryOf: (operation: NamedOperation) => operation.summary ?? operation.description ?? operation.operationId,
    /** Where a hoisted inline schema was written, linked: "property *owner* of [**Pet**](Pet.md)". */
    inlineOrigin: (schema: NamedSchema) => safe(schema.origin?.kind === 'inline' ? describeInlineOrigin(schema.origin, model) : ''),
    /** A link to the docs of a named schema, by its key (`schema.name`, `schema.writable`). */
    modelLink: (name: unknown) => {
      const named = schemasByName.get(String(name));
      return safe(named ? modelLink(named) : '');
    },
    /** Where a named schema is documented, relative to the docs folder: `Pet.md`, or `Pet.md#petowner` for a section of another model's page (`PetsApi.md#createpetrequest`: of an API page). */
    modelHref: (schema: NamedSchema) => modelHref(schema),
    /** Whether a named schema has a page of its own (the README lists those). */
    hasOwnPage: (schema: NamedSchema) => hasOwnPage(schema),
    /** The named schemas among `schemas` that have a docs page of their own, in order (the README lists them: 1,003 of 6,787 on GitHub's spec). */
    withOwnPage: (schemas: readonly NamedSchema[]) => schemas.filter(hasOwnPage),
    /** The TypeScript type of a schema, linked to its model page when it is a named schema. */
    typeLink: (schema: ir.Schema) => safe(typeLink(schema)),
    /** The method's TypeScript signature (with body overloads: the first). */
    signature: (operation: NamedOperation) => safe(signatures(operation, types, resultOf(operation))[0]!),
    /** Every signature callers see: one, or one per request content type whose body type differs. */
    signatures: (operation: NamedOperation) => signatures(operation, types, resultOf(operation)).map(safe),
    /** The result type, linked; `void (empty response body)` when there is none. */
    returnType: (operation: NamedOperation) => {
      const result = resultOf(operation);
      if (result === 'void') return 'void (empty response body)';
      const schemas = successShape(operation).schemas;
      const first = schemas[0];
      // The one schema, linked; several 2xx schemas make a union: each member linked.
      if (first !== undefined) {
        const firstText = types.type(first);
        if (firstText === result) return safe(typeLink(first, firstText));
      }
      return safe(linkEach(schemas, result) ?? bold(result));
    },
    /** The path parameters, in order: the method's leading arguments. */
    pathParameters: (operation: NamedOperation) => pathParameters(operation),
    /** The query, header and cookie parameters, in order: the properties of the method's params object. */
    objectParameters: (operation: NamedOperation) => objectParameters(operation),
    /** The request body's preferred schema (binary media without a schema: `binary`, i.e. `Blob`, as the client types it). */
    bodySchema: (operation: NamedOperation): ir.Schema => {
      return operation.requestBody === undefined || operation.requestBody.contents.length === 0 ? { kind: 'unknown' } : selectableBodySchema(operation.requestBody);
    },
    /** The Content-Type the client sends: the preferred media type, then those `options.contentType` may choose instead. */
    contentTypes: (operation: NamedOperation) => {
      const contents = operation.requestBody ? selectableContents(operation.requestBody) : [];
      if (contents.length < 2) return contents[0]?.mediaType ?? '';
      return `${contents[0]!.mediaType} (default; or per call through options.contentType: ${contents.slice(1).map((c) => c.mediaType).join(', ')})`;
    },
    /** The Accept header the client sends. */
    accept: (operation: NamedOperation) => acceptHeader(operation),
    /** `[optional]`, `[default to …]`, `[deprecated]`, `[readonly]`, `[writeonly]`. */
    notes: (item: NamedParameter | ir.Property) => safe(notes(item)),
    isObject: (schema: ir.Schema) => schema.kind === 'object',
    /** A named schema's type exactly as its model file declares it (a self-reference that TypeScript rejects is `unknown` there), linked like `typeLink`. */
    aliasType: (schema: NamedSchema) => safe(typeLink(schema.schema, types.aliasType(schema))),
    /** Whether a named schema renders as an interface: an object, or an `allOf` written `interface X extends A, B`. */
    isInterface: (schema: NamedSchema) => inheritance.interfaceOf(schema.name) !== undefined,
    /** The interfaces a named schema extends, linked (`[A](A.md), [B](B.md)`); empty when it extends none. */
    parentLinks: (schema: NamedSchema) => parentLinks(schema),
    /** The properties a named interface declares itself (inherited ones are on its parents' pages). */
    ownProperties: (schema: NamedSchema): readonly ir.Property[] => ownProperties(schema),
    /**
     * The rows of a named interface's Properties table, each cell escaped and linked:
     * `[{ name, type, description, notesText }]`, what `cell name`, `typeLink schema`,
     * `cell schema.description` and `notes this` give for each of its `ownProperties`. One call
     * instead of four helper calls a row (GitHub's docs: 38k rows).
     */
    propertyRows: (schema: NamedSchema) =>
      ownProperties(schema).map((property) => ({
        name: safe(inline(property.name)),
        type: safe(typeLink(property.schema)),
        description: safe(inline(property.schema.description ?? '')),
        notesText: safe(notes(property)),
      })),
    /**
     * The members of a union (`oneOf`/`anyOf`) or intersection (`allOf`), each linked to its model page;
     * a discriminated variant with its tag value(s): `[{ link, tag? }]`. Empty for other schemas.
     */
    members: (schema: ir.Schema) => members(schema),
    /** A compiling TypeScript example calling the operation. */
    example: (operation: NamedOperation) => safe(examples.operation(apiOf.get(operation)!, operation)),
    /** The README's getting-started program. */
    readmeExample: () => safe(examples.readme()),
  };
  return helpers;
}

/** `compute` run once per distinct argument (an escape of a text, an operation's result type: pure functions of it). */
function memoized<A, R>(compute: (argument: A) => R): (argument: A) => R {
  const done = new Map<A, R>();
  return (argument) => {
    let result = done.get(argument);
    if (result === undefined) done.set(argument, (result = compute(argument)));
    return result;
  };
}

/** `compute` remembering its last argument and result (the result is shared: templates only read it). */
function lastCallCached<A, R>(compute: (argument: A) => R): (argument: A) => R {
  let last: { readonly argument: A; readonly result: R } | undefined;
  return (argument) => {
    if (last === undefined || last.argument !== argument) last = { argument, result: compute(argument) };
    return last.result;
  };
}

/**
 * The one named schema a type is about, through arrays, maps and `| null`: `Pet`, `Pet[]`,
 * `{ [key: string]: Pet }`, `Pet | null` link to Pet. Undefined when there is none or several.
 */
function onlyReference(schema: ir.Schema): string | undefined {
  switch (schema.kind) {
    case 'ref':
      return schema.name;
    case 'array':
      return onlyReference(schema.items);
    case 'object':
      return schema.properties.length === 0 && typeof schema.additionalProperties === 'object' ? onlyReference(schema.additionalProperties) : undefined;
    case 'union': {
      const [variant, ...others] = schema.variants.filter((member) => member.kind !== 'null');
      return variant !== undefined && others.length === 0 ? onlyReference(variant) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The signatures callers see, `getSession(sessionId: string, options?: RequestOptions): Promise<SessionResponse>`,
 * from the class's own argument lists: one, or one per body overload (a body type per content type).
 */
function signatures(operation: NamedOperation, types: TypeWriter, result: string): string[] {
  const overloads = bodyOverloads(operation, types);
  const lists = overloads.length > 0 ? overloads.map((overload) => overload.parameters) : [methodParameters(operation, types)];
  return lists.map((parameters) => {
    const args = parameters.map((p) => `${p.name}${p.hasQuestionToken === true || p.initializer !== undefined ? '?' : ''}: ${p.type}`);
    return `${operation.methodName}(${args.join(', ')}): Promise<${result}>`;
  });
}
