import type * as ir from './ir.js';
import type { Diagnostic } from '../shared/errors.js';
import { decodePointerToken, pointerJoin, UserError } from '../shared/errors.js';

/** A JSON object as parsed from the spec (untrusted: any key may be missing or mistyped). */
export type SpecObject = Record<string, unknown>;

/** Shared state while one document is turned into the IR. */
export interface BuildContext {
  readonly document: SpecObject;
  /** Prefix of `$ref`s that name a schema component: `#/components/schemas/` or `#/definitions/`. */
  readonly schemaRefPrefix: string;
  readonly diagnostics: Diagnostic[];
  /** Local `$ref`s being expanded right now, to break cycles outside the named components. */
  readonly expanding: Set<string>;
  /** Schemas read at an operation's top (parameter, body, response, header), by spec node: see `operationSchemaToIr`. */
  readonly operationSchemas: Map<SpecObject, ConvertedSchema>;
  /** Each `$ref` resolved so far (see `resolvePointer`). */
  readonly resolved: Map<string, ResolvedRef>;
  /** How `format: int64` integers are typed (`BuildModelOptions.int64`). */
  readonly int64: Int64Mapping;
  /** Every security scheme the spec declares, by name, with what a client can do with it. */
  readonly securitySchemes: ReadonlyMap<string, SecuritySchemeUse>;
}

/** A schema converted once, where it was read, with the warnings converting it gave. */
export interface ConvertedSchema {
  readonly pointer: string;
  readonly schema: ir.Schema;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `send`: the client sends the credential (apiKey, HTTP, OAuth2, OpenID Connect). `transport`:
 * the TLS connection carries it (mutualTLS), not a request. `unusable`: declared in a way no
 * request can carry (an apiKey whose `in` is none of header, query, cookie; an unknown type).
 */
export type SecuritySchemeUse = 'send' | 'transport' | 'unusable';

/**
 * `number` (default): int64 values are JSON numbers, exact up to 2^53. `string`: the API sends
 * int64 values as JSON strings (as protobuf's JSON mapping and many Google APIs do), so the IR
 * types them as strings. No `bigint`: `JSON.parse` never yields one, so the type would lie.
 */
export type Int64Mapping = 'number' | 'string';

/** The values `--int64` and the config's `int64` accept. */
export const INT64_MAPPINGS: readonly Int64Mapping[] = ['number', 'string'];

export function isObject(value: unknown): value is SpecObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A `$ref` resolved: the node, and its pointer as the document's keys spell it (`Not%20Found` → `Not Found`). */
export interface ResolvedRef {
  readonly node: unknown;
  readonly pointer: string;
}

/**
 * Reads a JSON pointer fragment (`#/a/b~1c`) of the document. Each `$ref` is resolved once per
 * model (the document does not change): GitHub's spec writes 1,500 distinct ones 9,000 times, and
 * each use was split, decoded and walked again. A failure is not kept, so it is thrown at every use.
 */
export function resolvePointer(context: BuildContext, ref: string): unknown {
  return resolveRef(context, ref).node;
}

function resolveRef(context: BuildContext, ref: string): ResolvedRef {
  let resolved = context.resolved.get(ref);
  if (resolved === undefined) context.resolved.set(ref, (resolved = walkPointer(context.document, ref)));
  return resolved;
}

function walkPointer(document: SpecObject, ref: string): ResolvedRef {
  if (!ref.startsWith('#')) throw new UserError(`unsupported $ref "${ref}" (only local references remain after bundling)`);
  if (ref === '#') return { node: document, pointer: '' };
  // A plain-name fragment (`#Pet`, an $anchor) is refused where it is written when the spec is loaded.
  if (ref[1] !== '/') throw new UserError(`unsupported $ref "${ref}": a fragment must be a JSON pointer`);
  let node: unknown = document;
  const tokens: string[] = [];
  for (const raw of ref.slice(2).split('/')) {
    const token = decodePointerToken(raw);
    if (!isObject(node) && !Array.isArray(node)) throw new UserError(`dangling $ref "${ref}"`, { pointer: ref.slice(1) });
    if (!Object.prototype.hasOwnProperty.call(node, token)) throw new UserError(`dangling $ref "${ref}"`, { pointer: ref.slice(1) });
    node = (node as Record<string, unknown>)[token];
    tokens.push(token);
  }
  return { node, pointer: pointerJoin('', ...tokens) };
}

/** Follows `$ref` chains of non-schema objects (parameters, responses, path items, bodies). */
export function deref(context: BuildContext, node: unknown): { value: unknown; pointer?: string } {
  let current = node;
  let pointer: string | undefined;
  for (let hops = 0; isObject(current) && typeof current['$ref'] === 'string'; hops++) {
    if (hops > 50) throw new UserError(`$ref chain too long or circular at "${String(current['$ref'])}"`);
    const resolved = resolveRef(context, current['$ref'] as string);
    current = resolved.node;
    pointer = resolved.pointer;
  }
  return pointer === undefined ? { value: current } : { value: current, pointer };
}

export function warn(context: BuildContext, message: string, pointer: string): void {
  context.diagnostics.push({ severity: 'warning', message, pointer });
}
