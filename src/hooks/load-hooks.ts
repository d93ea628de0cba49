import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../shared/errors.js';
import { UserError } from '../shared/errors.js';
import { loadTsMorph } from '../shared/ts-morph.js';
import type { Hooks, LoadedHooks } from './hooks.js';

const HOOK_NAMES = ['transformModel', 'transformSourceFile'] as const;

/** Origin shown in messages for hooks passed as an object to the programmatic API. */
export const INLINE_HOOKS = '(inline hooks)';

/**
 * Imports a hooks module (an ES module) and checks its exports: known hooks must be functions;
 * any other export is reported as a warning (usually a misspelt hook name).
 */
export async function loadHooks(source: string | Hooks): Promise<{ hooks: LoadedHooks; diagnostics: Diagnostic[] }> {
  if (typeof source !== 'string') return { hooks: checkHooks(source, INLINE_HOOKS, undefined), diagnostics: [] };
  const file = path.resolve(source);
  const stats = await stat(file).catch(() => undefined);
  if (stats === undefined) throw new UserError('hooks module not found', { file });
  if (!stats.isFile()) throw new UserError('hooks module must be a file (an ES module such as hooks.mjs)', { file });
  // The modification time in the URL: a long-lived process (a watcher calling generate()) picks
  // up an edited hooks module instead of Node's cached copy of the first one.
  const url = `${pathToFileURL(file).href}?mtime=${stats.mtimeMs}-${stats.size}`;
  let exports: Record<string, unknown>;
  try {
    exports = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const where = error instanceof SyntaxError ? await syntaxErrorLocation(file) : undefined;
    const loadError = hookError({ origin: file, url }, undefined, 'could not be loaded', error);
    throw where ? new UserError(loadError.message, { ...loadError.location, ...where }) : loadError;
  }
  const diagnostics: Diagnostic[] = Object.keys(exports)
    .filter((name) => !(HOOK_NAMES as readonly string[]).includes(name))
    .map((name) => ({ severity: 'warning', file, message: `hooks module exports "${name}", which is not a hook (expected ${HOOK_NAMES.join(' or ')}); ignored` }));
  return { hooks: checkHooks(exports, file, url), diagnostics };
}

function checkHooks(exports: Record<string, unknown> | Hooks, origin: string, url: string | undefined): LoadedHooks {
  const record = exports as Record<string, unknown>;
  for (const name of HOOK_NAMES) {
    if (record[name] !== undefined && typeof record[name] !== 'function') {
      throw new UserError(`hooks module: "${name}" must be a function, not ${typeof record[name]}`, { file: origin });
    }
  }
  return {
    origin,
    ...(url !== undefined ? { url } : {}),
    ...(typeof record.transformModel === 'function' ? { transformModel: record.transformModel as Hooks['transformModel'] } : {}),
    ...(typeof record.transformSourceFile === 'function' ? { transformSourceFile: record.transformSourceFile as Hooks['transformSourceFile'] } : {}),
  };
}

/**
 * A user error for a failing hook: names the module, the hook function and, when the stack
 * trace passes through the module, the line and column there.
 */
export function hookError(hooks: Pick<LoadedHooks, 'origin' | 'url'>, hook: string | undefined, what: string, error: unknown): UserError {
  const message = error instanceof Error ? error.message : String(error);
  const where = hooks.url !== undefined && error instanceof Error ? lineIn(error, hooks.url) : undefined;
  const subject = hook !== undefined ? `hook ${hook}` : 'hooks module';
  return new UserError(`${subject} ${what}: ${message.split('\n')[0]}`, { file: hooks.origin, ...(where ?? {}) });
}

/**
 * Node does not say where a syntax error in a dynamically imported module is; TypeScript's
 * parser (which reads JavaScript too) does.
 */
async function syntaxErrorLocation(file: string): Promise<{ line: number; column: number } | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const { diagnostics = [] } = loadTsMorph().ts.transpileModule(text, { fileName: path.basename(file), reportDiagnostics: true, compilerOptions: { allowJs: true } });
  const first = diagnostics.find((diagnostic) => diagnostic.file !== undefined && diagnostic.start !== undefined);
  if (!first) return undefined;
  const { line, character } = first.file!.getLineAndCharacterOfPosition(first.start!);
  return { line: line + 1, column: character + 1 };
}

/** The first `line:column` of the stack trace that is inside the module. */
function lineIn(error: Error, url: string): { line: number; column: number } | undefined {
  for (const frame of String(error.stack ?? '').split('\n')) {
    const index = frame.indexOf(url + ':');
    if (index < 0) continue;
    const match = /^:(\d+):(\d+)/.exec(frame.slice(index + url.length));
    if (match) return { line: Number(match[1]), column: Number(match[2]) };
  }
  return undefined;
}
