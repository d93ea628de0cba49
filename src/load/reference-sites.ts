import { pointerJoin } from '../shared/errors.js';

/**
 * Every distinct `$ref` string in a document, in document order, with the JSON pointer of the
 * first object holding it: a reference resolves the same way wherever it is written, so checking
 * its first use is checking them all, and a failure is reported where it was met first (big specs
 * repeat each `$ref` a dozen times; building a pointer for each use cost more than the checks).
 */
export interface FoundReferences {
  /** `[pointer of the first `$ref` holding it, the reference]`, in document order. */
  readonly sites: [string, string][];
  /** No `$ref` had a value other than a string (such a value is not searched for references). */
  readonly allStrings: boolean;
}

/**
 * Takes `FoundReferences` notes during a depth-first walk that visits keys in `Object.keys`
 * order: the walk calls `note` on each object before its children, and does not call it inside
 * a `$ref`'s value. Shared by `findReferences` and the parser's limits check, which finds them on
 * its own walk of a JSON document.
 */
export class ReferenceSites {
  readonly #seen = new Set<string>();
  readonly #sites: [string, string][] = [];
  #allStrings = true;

  /** Notes the object's own `$ref`; `path`: the object's tokens from the document's root. */
  note(record: Record<string, unknown>, path: readonly (string | number)[]): void {
    const ref = record['$ref'];
    if (typeof ref === 'string') {
      if (!this.#seen.has(ref) && Object.prototype.hasOwnProperty.call(record, '$ref')) {
        this.#seen.add(ref);
        this.#sites.push([pointerJoin('', ...path, '$ref'), ref]);
      }
    } else if (ref !== undefined) {
      this.#allStrings = false;
    }
  }

  found(): FoundReferences {
    return { sites: this.#sites, allStrings: this.#allStrings };
  }
}
