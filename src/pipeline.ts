import { performance } from 'node:perf_hooks';
import { loadSpec } from './load/index.js';
import { buildModel } from './model/index.js';
import { assignNames, type NamedModel } from './names/index.js';
import { renderDocs } from './render/docs/index.js';
import { renderClient } from './render/ts/index.js';
import { UserError, type Diagnostic } from './shared/errors.js';
import { byCodePoint } from './shared/sort.js';
import { GENERATOR_VERSION } from './shared/version.js';
import { createManifest, MANIFEST_PATH, type FileSet } from './write/index.js';

/** Options of one generation (one client). */
export interface GenerateOptions {
  /** Path of the spec file. */
  readonly input: string;
  /** Folder of template overrides. */
  readonly templates?: string;
  /** Validation problems and duplicate operationIds are errors instead of warnings. */
  readonly strict?: boolean;
  /** `--allow-remote`: the spec and its `$ref`s may be fetched over http(s) (README: Limits). */
  readonly allowRemote?: boolean;
}

export type Stage = 'load' | 'model' | 'names' | 'render-docs' | 'render-ts' | 'write';

/** The outcome: the files to write, what was noticed, and how long each stage took. */
export interface GenerateResult {
  readonly files: FileSet;
  readonly model: NamedModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Partial<Record<Stage, number>>;
}

/** spec → load → model → names → render (docs, TypeScript) → in-memory file set with manifest. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const timings: Partial<Record<Stage, number>> = {};
  const time = async <T>(stage: Stage, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };

  const spec = await time('load', () => loadSpec(options.input, { strict: options.strict === true, allowRemote: options.allowRemote === true }));
  const built = await time('model', () => inFile(options.input, () => buildModel(spec)));
  const nameDiagnostics: Diagnostic[] = [];
  const model = await time('names', () => inFile(options.input, () => assignNames(built.model, { diagnostics: nameDiagnostics, strict: options.strict === true })));
  const docs = await time('render-docs', () =>
    renderDocs(model, { generatorVersion: GENERATOR_VERSION, ...(options.templates !== undefined ? { templatesDir: options.templates } : {}) }),
  );
  const code = await time('render-ts', () => renderClient(model, { banner: docs.banner }));

  const files: FileSet = new Map([...code, ...docs.files]);
  const manifest = createManifest(model, files.keys(), spec.text, GENERATOR_VERSION);
  files.set(MANIFEST_PATH, JSON.stringify(manifest, null, 2) + '\n');
  const diagnostics: Diagnostic[] = [
    ...spec.diagnostics,
    ...built.diagnostics,
    ...nameDiagnostics,
    ...docs.unknownOverrides.map((file) => ({ severity: 'warning' as const, message: `template override ${file} matches no default template and is ignored` })),
  ];
  return { files: sortFiles(files), model, diagnostics, timings };
}

/** Errors found past loading point into the spec by JSON pointer; this adds which spec. */
function inFile<T>(input: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UserError && error.location.file === undefined) throw new UserError(error.message, { ...error.location, file: input });
    throw error;
  }
}

/** Files in code-point order of their paths, so iteration (and the manifest) is stable. */
function sortFiles(files: FileSet): FileSet {
  return new Map([...files].sort(([a], [b]) => byCodePoint(a, b)));
}
