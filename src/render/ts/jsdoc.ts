/**
 * One JSDoc block from lines that are already escaped with `escape.jsdoc` (or are our own
 * text); undefined lines are skipped. Returns no docs when nothing is left. Plain strings, as
 * the declaration printer (declaration-printer.ts) takes them.
 */
export function docsFromLines(lines: readonly (string | undefined)[]): string[] {
  const kept = lines.filter((line): line is string => line !== undefined && line !== '');
  return kept.length === 0 ? [] : [kept.join('\n')];
}
