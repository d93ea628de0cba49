import type { Diagnostic } from '../shared/errors.js';
import { UserError } from '../shared/errors.js';

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
}

export function isObject(value: unknown): value is SpecObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads a JSON pointer fragment (`#/a/b~1c`) of the document. */
export function resolvePointer(context: BuildContext, ref: string): unknown {
  if (!ref.startsWith('#')) throw new UserError(`unsupported $ref "${ref}" (only local references remain after bundling)`);
  let node: unknown = context.document;
  const body = ref.slice(1);
  if (body === '') return node;
  for (const raw of body.slice(1).split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) throw new UserError(`dangling $ref "${ref}"`, { pointer: ref.slice(1) });
    if (!Object.prototype.hasOwnProperty.call(node, token)) throw new UserError(`dangling $ref "${ref}"`, { pointer: ref.slice(1) });
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Follows `$ref` chains of non-schema objects (parameters, responses, path items, bodies). */
export function deref(context: BuildContext, node: unknown): { value: unknown; pointer?: string } {
  let current = node;
  let pointer: string | undefined;
  for (let hops = 0; isObject(current) && typeof current['$ref'] === 'string'; hops++) {
    if (hops > 50) throw new UserError(`$ref chain too long or circular at "${String(current['$ref'])}"`);
    const ref = current['$ref'] as string;
    pointer = ref.slice(1);
    current = resolvePointer(context, ref);
  }
  return pointer === undefined ? { value: current } : { value: current, pointer };
}

export function warn(context: BuildContext, message: string, pointer: string): void {
  context.diagnostics.push({ severity: 'warning', message, pointer });
}
