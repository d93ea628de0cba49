import { readFileSync } from 'node:fs';
import type { SourceFile } from 'ts-morph';
import type { NamedModel } from '../../names/index.js';
import { lineComment } from '../../shared/escape.js';
import { TypeWriter } from '../type-text.js';
import { apiClassFile } from './api-class.js';
import { relativeImport } from './imports.js';
import { modelFileText } from './model-types.js';
import { groupByFile } from '../../names/index.js';
import { loadTsMorph } from '../../shared/ts-morph.js';
import { exportAllStatement, printStatements, type Statement } from './declaration-printer.js';

/** The runtime module, copied verbatim into every client (resolved from the package, never from cwd). */
const RUNTIME_SOURCE = new URL('../../../src/runtime/runtime.ts', import.meta.url);

export interface RenderClientOptions {
  /** Text put as `//` comment lines at the top of every TypeScript file. */
  readonly banner: string;
  /** Called once per file (runtime.ts included), before its text is taken (user hooks). */
  readonly onSourceFile?: (file: SourceFile, info: { readonly path: string }) => void;
  /** Receives each file's final text as soon as it is printed (to start writing it early). */
  readonly onFile?: (path: string, text: string) => void;
}

/**
 * Builds every TypeScript file of the client from its statements (declaration-printer.ts); returns
 * path → text. Each file is printed as soon as its statements are built, so only one file's are
 * alive at a time (thousands of them at once were tens of MB of peak memory on big specs).
 */
export function renderClient(model: NamedModel, options: RenderClientOptions): Map<string, string> {
  const types = new TypeWriter(model);
  const banner = lineComment(options.banner.trimEnd()) + '\n\n';
  const files = new Map<string, string>();
  const emit = (path: string, text: string) => {
    files.set(path, text);
    options.onFile?.(path, text);
  };
  const runtime = readFileSync(RUNTIME_SOURCE, 'utf8');
  // Hooks see every file, the runtime included (a license banner belongs on all of them), as a
  // SourceFile of the printed text: a hook that changes nothing changes no byte.
  const hooked = options.onSourceFile ? sourceFileHook(options.onSourceFile) : (_path: string, text: string) => text;
  emit('runtime.ts', banner + hooked('runtime.ts', runtime));
  for (const api of model.apis) emit(api.fileName, banner + hooked(api.fileName, printStatements(apiClassFile(api, model, types))));
  for (const [fileName, schemas] of groupByFile(model.schemas, 'fileName')) {
    emit(fileName, banner + hooked(fileName, modelFileText(fileName, schemas, model, types)));
  }
  emit('index.ts', banner + hooked('index.ts', printStatements(indexFile(model))));
  return files;
}

/**
 * Hooks get a real SourceFile per file, parsed from its text; ts-morph (and the TypeScript it
 * bundles) is loaded only then. Nobody else needs an AST: the text is printed without one.
 */
function sourceFileHook(onSourceFile: NonNullable<RenderClientOptions['onSourceFile']>): (path: string, text: string) => string {
  const { IndentationText, NewLineKind, Project, QuoteKind } = loadTsMorph();
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });
  return (path, text) => {
    const file = project.createSourceFile(path, text, { overwrite: true });
    onSourceFile(file, { path });
    return file.getFullText();
  };
}

/** Re-exports the runtime, every API class and every model. */
function indexFile(model: NamedModel): Statement[] {
  const paths = ['runtime.ts', ...model.apis.map((api) => api.fileName), ...new Set(model.schemas.map((schema) => schema.fileName))];
  return paths.map((path) => exportAllStatement(relativeImport('index.ts', path)));
}
