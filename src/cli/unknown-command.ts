import { UserError } from '../shared/errors.js';

/**
 * A usage error for a first argument that is not one of `commands`, saying what was likely meant:
 * a spec given without `generate` (`oasgen api.yaml -o out`), a shortened or misspelt command,
 * `version` for `--version`. Undefined when the first argument is a command, `help` or a flag:
 * yargs reads those (and would report `oasgen api.yaml -o out` as "Unknown arguments: o, api.yaml").
 */
export function unknownCommandError(argv: readonly string[], commands: readonly string[]): UserError | undefined {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || first === 'help' || commands.includes(first)) return undefined;
  const meant = closestCommand(first, commands);
  const hint = /\.(ya?ml|json)$/i.test(first)
    ? `; to generate from a spec: oasgen generate ${first} -o <folder>`
    : first === 'version'
      ? '; the version: oasgen --version'
      : meant !== undefined
        ? `; did you mean "${meant}"?`
        : `; the commands are ${commands.join(', ')}`;
  return new UserError(`unknown command "${first}"${hint}\nRun "oasgen --help" for usage.`);
}

/** The command `text` starts (at least 3 letters) or is at most two edits away from. */
function closestCommand(text: string, commands: readonly string[]): string | undefined {
  const word = text.toLowerCase();
  return commands.find((command) => (word.length >= 3 && command.startsWith(word)) || editDistance(word, command) <= 2);
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
