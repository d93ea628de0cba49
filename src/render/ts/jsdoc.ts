/**
 * One JSDoc block from lines that are already escaped with `escape.jsdoc` (or are our own
 * text); undefined lines are skipped. Returns no docs when nothing is left. A plain string, not
 * `{ description }`: the printer takes a string as is, but prints a description through a
 * writer of its own (a tenth of the client's print time on big specs).
 */
export function docsFromLines(lines: readonly (string | undefined)[]): string[] {
  const kept = lines.filter((line): line is string => line !== undefined && line !== '');
  return kept.length === 0 ? [] : [kept.join('\n')];
}
