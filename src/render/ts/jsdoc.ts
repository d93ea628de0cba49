import type { JSDocStructure, OptionalKind } from 'ts-morph';

/**
 * One JSDoc block from lines that are already escaped with `escape.jsdoc` (or are our own
 * text); undefined lines are skipped. Returns no docs when nothing is left.
 */
export function docsFromLines(lines: readonly (string | undefined)[]): OptionalKind<JSDocStructure>[] {
  const kept = lines.filter((line): line is string => line !== undefined && line !== '');
  return kept.length === 0 ? [] : [{ description: kept.join('\n') }];
}
