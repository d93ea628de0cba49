import { readFileSync } from 'node:fs';
import type { SourceFile, SourceFileStructure } from 'ts-morph';
import type { NamedModel } from '../../names/index.js';
import { lineComment } from '../../shared/escape.js';
import { TypeWriter } from '../type-text.js';
import { apiClassFile } from './api-class.js';
import { relativeImport } from './imports.js';
import { modelFileText } from './model-types.js';
import { groupByFile } from '../../names/index.js';
import { StructureKind, tsMorph } from '../../shared/ts-morph.js';

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
 * Builds every TypeScript file of the client from structures; returns path → text. Each
 * structure is printed as soon as it is built, so only one file's structure is alive at a time
 * (thousands of them at once were tens of MB of peak memory on big specs).
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
  // Hooks see every file, the runtime included (a license banner belongs on all of them).
  const hooked = options.onSourceFile ? sourceFilePrinter(options.onSourceFile) : undefined;
  const print = hooked ?? printWithoutAst;
  emit('runtime.ts', banner + (hooked ? hooked('runtime.ts', runtime) : runtime));
  for (const api of model.apis) emit(api.fileName, banner + print(api.fileName, apiClassFile(api, model, types)));
  for (const [fileName, schemas] of groupByFile(model.schemas, 'fileName')) {
    // Hooks get the same text as a SourceFile: a hook that changes nothing changes no byte.
    const text = modelFileText(fileName, schemas, model, types, (structure) => printWithoutAst(fileName, structure));
    emit(fileName, banner + (hooked ? hooked(fileName, text) : text));
  }
  emit('index.ts', banner + print('index.ts', indexFile(model)));
  return files;
}

/** Same settings as the Project's manipulation settings below, so both paths print the same text. */
const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true } as const;

/**
 * Without hooks nobody needs the AST: ts-morph's structure printer writes the exact text that
 * `createSourceFile(path, structure)` would have parsed, without parsing it (the costly part).
 */
function printWithoutAst(_path: string, structure: SourceFileStructure): string {
  return tsMorph.printStructure(structure, PRINT_OPTIONS);
}

/** Hooks get a real SourceFile per file, built once from its structure (the runtime: from its text). */
function sourceFilePrinter(onSourceFile: NonNullable<RenderClientOptions['onSourceFile']>): (path: string, structure: SourceFileStructure | string) => string {
  const { IndentationText, NewLineKind, Project, QuoteKind } = tsMorph;
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
  return (path, structure) => {
    const file = project.createSourceFile(path, structure, { overwrite: true });
    onSourceFile(file, { path });
    return file.getFullText();
  };
}

/** Re-exports the runtime, every API class and every model. */
function indexFile(model: NamedModel): SourceFileStructure {
  const paths = ['runtime.ts', ...model.apis.map((api) => api.fileName), ...new Set(model.schemas.map((schema) => schema.fileName))];
  return {
    kind: StructureKind.SourceFile,
    statements: paths.map((path) => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: relativeImport('index.ts', path) })),
  };
}
