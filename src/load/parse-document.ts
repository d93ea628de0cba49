import yaml from 'js-yaml';
import { pointerJoin, UserError } from '../shared/errors.js';
import type { Limits } from './limits.js';
import { ReferenceSites, type FoundReferences } from './reference-sites.js';

/** A parsed document and, for JSON text, its `$ref`s, found by the limits check's walk. */
export interface ParsedDocument {
  readonly document: unknown;
  /** Undefined for YAML text (`findReferences` finds them then). */
  readonly references?: FoundReferences;
}

/**
 * Parses YAML or JSON (YAML is a superset of JSON, so one parser serves both). Syntax errors
 * carry line and column; documents beyond the depth or expanded-size limit are refused. For JSON
 * text the document's `$ref`s come too (as `findReferences` finds them): the limits check walks
 * every value anyway, and a second walk of GitHub's spec only to find its `$ref`s cost ~25 ms.
 */
export function parseDocument(text: string, shown: string, limits: Limits): ParsedDocument {
  if (text.trim() === '') throw new UserError('the file is empty', { file: shown });
  let document: unknown;
  // JSON text goes through JSON.parse first (5× faster on big specs; same result, duplicate keys
  // included); only text it rejects is read by js-yaml, which reports where. JSON.parse has no
  // depth limit, so checkExpansion below enforces it for both.
  if (/^\s*\{/.test(text)) {
    try {
      document = JSON.parse(text);
      const references = new ReferenceSites();
      checkExpansion(document, shown, limits, { tree: true, references });
      return { document, references: references.found() };
    } catch (error) {
      if (error instanceof UserError) throw error;
      if (error instanceof RangeError) throw new UserError('the document is nested too deeply to parse', { file: shown });
      // not strict JSON: YAML's flow syntax may still read it, or it says where it fails
    }
  }
  try {
    // `maxDepth` (js-yaml >= 4.3) is missing from @types/js-yaml.
    document = yaml.load(text, { filename: shown, json: true, maxDepth: limits.maxDepth } as yaml.LoadOptions);
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark;
      const where = { file: shown, line: mark.line + 1, column: mark.column + 1 };
      if (/maxDepth/.test(error.reason)) {
        throw new UserError(`the document is nested more than ${limits.maxDepth} levels deep (oasgen's limit)`, where);
      }
      throw new UserError(`syntax error: ${error.reason}`, where);
    }
    if (error instanceof RangeError) throw new UserError('the document is nested too deeply to parse', { file: shown });
    throw error;
  }
  checkExpansion(document, shown, limits);
  return { document };
}

/**
 * YAML aliases let a few lines stand for billions of values (the "billion laughs" bomb), and an
 * alias inside its own anchor makes a cycle. Counts the values once every alias is expanded,
 * memoised per shared object so the count itself stays linear, and refuses cycles and
 * documents nested deeper than the limit.
 */
function checkExpansion(document: unknown, shown: string, limits: Limits, options: { readonly tree?: boolean; readonly references?: ReferenceSites } = {}): void {
  // JSON.parse output is a tree (no value is shared, nothing cycles): then the memo and the cycle
  // set, one entry per object (tens of MB on big specs), are not needed; the counts are the same.
  const tree = options.tree === true;
  // Notes on `$ref`s, for a tree only (a shared node is walked once here, but may hold references
  // `findReferences` meets elsewhere); none inside a `$ref`'s value, which findReferences skips.
  const references = tree ? options.references : undefined;
  let insideRef = 0;
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  // The path is kept as tokens and joined into a pointer only for an error: building a pointer
  // string for every value cost more than the whole JSON parse on big specs.
  const path: string[] = [];
  const fail = (message: string): never => {
    throw new UserError(message, { file: shown, pointer: pointerJoin('', ...path) });
  };
  const sizeOf = (value: unknown, depth: number): number => {
    if (typeof value !== 'object' || value === null) return 1;
    if (!tree) {
      const known = sizes.get(value);
      if (known !== undefined) return known;
    }
    if (depth > limits.maxDepth) fail(`the document is nested more than ${limits.maxDepth} levels deep (oasgen's limit)`);
    if (!tree) {
      if (open.has(value)) fail('a YAML alias refers to a node that contains it (a cycle)');
      open.add(value);
    }
    let size = 1;
    const tooMany = () => fail(`the document expands to more than ${limits.maxNodes.toLocaleString('en-US')} values (YAML aliases?); oasgen's limit`);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(String(index));
        size += sizeOf(value[index], depth + 1);
        path.pop();
        if (size > limits.maxNodes) tooMany();
      }
    } else {
      const record = value as Record<string, unknown>;
      // Most objects have no `$ref`: the note is taken only where one is.
      if (references !== undefined && insideRef === 0 && record['$ref'] !== undefined) references.note(record, path);
      for (const key of Object.keys(record)) {
        const isRef = references !== undefined && key === '$ref';
        path.push(key);
        if (isRef) insideRef++;
        size += sizeOf(record[key], depth + 1);
        if (isRef) insideRef--;
        path.pop();
        if (size > limits.maxNodes) tooMany();
      }
    }
    if (!tree) {
      open.delete(value);
      sizes.set(value, size);
    }
    return size;
  };
  sizeOf(document, 1);
}
