import path from 'node:path';
import { UserError } from '../shared/errors.js';

/** Output path (relative, `/`-separated) → file text. Built in memory, written at the end. */
export type FileSet = Map<string, string>;

/**
 * Checks that a relative output path stays inside the output dir: no absolute paths, no `..`,
 * no empty or odd segments. Names come from the names stage, so this is a last line of defence.
 */
export function assertSafeRelativePath(relativePath: string): void {
  const segments = relativePath.split('/');
  const bad =
    relativePath === '' ||
    path.posix.isAbsolute(relativePath) ||
    path.win32.isAbsolute(relativePath) ||
    relativePath.includes('\\') ||
    relativePath.includes('\0') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..') ||
    path.posix.normalize(relativePath) !== relativePath;
  if (bad) throw new UserError(`refusing to write outside the output folder: ${JSON.stringify(relativePath)}`);
}
