import type { FoundReferences } from './reference-sites.js';

/**
 * Decides whether swagger-parser's `bundle` would change a parsed document at all.
 *
 * `bundle` crawls every node and resolves every `$ref` (about 0.7 s on GitHub's 13 MB spec).
 * For a self-contained document it changes nothing when every `$ref` is a plain local pointer
 * that resolves to a node which is not itself a `$ref` and is reached without passing through
 * one: then bundling is the identity and can be skipped. Anything else (external files, `$ref`
 * chains, pointers through `$ref`s, escapes it might re-encode, dangling pointers) still goes
 * through `bundle`, so those documents get exactly the same result and the same errors.
 *
 * `references`, when given, are the document's `$ref`s as `findReferences` found them (the root's
 * `SpecDocument.references`): when every `$ref` there is a string, they are all of them, and the
 * document is not walked a second time (~15 ms on GitHub's spec). The answer is the same: the walk
 * only looks at each distinct `$ref` once.
 */
export function bundleIsIdentity(document: unknown, references?: FoundReferences): boolean {
  if (references?.allStrings === true) return referencesAreIdentity(document, references.sites);
  const resolved = new Map<string, boolean>();
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') {
      if (node === document) return false;
      let ok = resolved.get(ref);
      if (ok === undefined) {
        ok = isPlainLocalTarget(document, ref);
        resolved.set(ref, ok);
      }
      if (!ok) return false;
    }
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const value = record[key];
      if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return true;
}

/** `bundleIsIdentity` from the document's distinct `$ref`s: the root itself is no `$ref`, each target is plain. */
function referencesAreIdentity(document: unknown, sites: FoundReferences['sites']): boolean {
  if (typeof document !== 'object' || document === null) return true;
  if (!Array.isArray(document) && typeof (document as Record<string, unknown>)['$ref'] === 'string') return false;
  return sites.every(([, ref]) => isPlainLocalTarget(document, ref));
}

/** Pointers whose text no URL parsing or RFC 6901 decoding can change (bundle may re-encode others). */
const PLAIN_POINTER = /^#(?:\/[A-Za-z0-9_.$-]+)+$/;

/** `#/a/b` of plain tokens, resolving through plain objects to a non-`$ref` object. */
function isPlainLocalTarget(document: unknown, ref: string): boolean {
  if (!PLAIN_POINTER.test(ref)) return false;
  let node: unknown = document;
  for (const token of ref.slice(2).split('/')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
    const record = node as Record<string, unknown>;
    if (record['$ref'] !== undefined || !Object.prototype.hasOwnProperty.call(record, token)) return false;
    node = record[token];
  }
  return typeof node === 'object' && node !== null && !Array.isArray(node) && (node as Record<string, unknown>)['$ref'] === undefined;
}
