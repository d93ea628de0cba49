/** Readable failure messages for file comparisons: unified diffs (`---`/`+++`/`@@`) of the first few files. */
import { createTwoFilesPatch } from 'diff';

/** One file whose expected (committed) and actual (generated) contents differ; `undefined`: absent. */
export interface FileDifference {
  readonly file: string;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
}

/** Longest diff shown per file; the rest is summarised. */
const MAX_LINES_PER_FILE = 120;

/** A unified diff of one file, from its committed content to what the generator produces now. */
export function unifiedDiff({ file, expected, actual }: FileDifference): string {
  const patch = createTwoFilesPatch(
    expected === undefined ? '/dev/null' : `a/${file}`,
    actual === undefined ? '/dev/null' : `b/${file}`,
    expected ?? '',
    actual ?? '',
    expected === undefined ? '' : 'committed',
    actual === undefined ? '' : 'generated now',
    { context: 3 },
  );
  const lines = patch.split('\n').filter((line) => !line.startsWith('====='));
  if (lines.length <= MAX_LINES_PER_FILE) return lines.join('\n').trimEnd();
  return [...lines.slice(0, MAX_LINES_PER_FILE), `… ${lines.length - MAX_LINES_PER_FILE} more diff lines`].join('\n');
}

/** The diffs of the first `count` differences, then the names of the others. */
export function firstDiffs(differences: readonly FileDifference[], count = 3): string {
  const shown = differences.slice(0, count).map(unifiedDiff);
  const rest = differences.slice(count).map((d) => d.file);
  return [...shown, ...(rest.length > 0 ? [`… and ${rest.length} more differing file(s): ${rest.join(', ')}`] : [])].join('\n\n');
}
