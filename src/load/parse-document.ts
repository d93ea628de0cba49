import yaml from 'js-yaml';
import { pointerJoin, UserError } from '../shared/errors.js';
import type { Limits } from './limits.js';

/**
 * Parses YAML or JSON (YAML is a superset of JSON, so one parser serves both). Syntax errors
 * carry line and column; documents beyond the depth or expanded-size limit are refused.
 */
export function parseDocument(text: string, shown: string, limits: Limits): unknown {
  if (text.trim() === '') throw new UserError('the file is empty', { file: shown });
  let document: unknown;
  // JSON text goes through JSON.parse first (5× faster on big specs; same result, duplicate keys
  // included); only text it rejects is read by js-yaml, which reports where. JSON.parse has no
  // depth limit, so checkExpansion below enforces it for both.
  if (/^\s*\{/.test(text)) {
    try {
      document = JSON.parse(text);
      checkExpansion(document, shown, limits);
      return document;
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
  return document;
}

/**
 * YAML aliases let a few lines stand for billions of values (the "billion laughs" bomb), and an
 * alias inside its own anchor makes a cycle. Counts the values once every alias is expanded,
 * memoised per shared object so the count itself stays linear, and refuses cycles and
 * documents nested deeper than the limit.
 */
export function checkExpansion(document: unknown, shown: string, limits: Limits): void {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const sizeOf = (value: unknown, pointer: string, depth: number): number => {
    if (typeof value !== 'object' || value === null) return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    if (depth > limits.maxDepth) throw new UserError(`the document is nested more than ${limits.maxDepth} levels deep (oasgen's limit)`, { file: shown, pointer });
    if (open.has(value)) throw new UserError('a YAML alias refers to a node that contains it (a cycle)', { file: shown, pointer });
    open.add(value);
    let size = 1;
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    for (const [key, item] of entries) {
      size += sizeOf(item, pointerJoin(pointer, key), depth + 1);
      if (size > limits.maxNodes) {
        throw new UserError(`the document expands to more than ${limits.maxNodes.toLocaleString('en-US')} values (YAML aliases?); oasgen's limit`, {
          file: shown,
          pointer,
        });
      }
    }
    open.delete(value);
    sizes.set(value, size);
    return size;
  };
  sizeOf(document, '', 1);
}
