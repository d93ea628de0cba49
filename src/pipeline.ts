import { performance } from 'node:perf_hooks';
import { loadSpec } from './load/index.js';
import { buildModel } from './model/index.js';
import { assignNames, type NamedModel } from './names/index.js';
import { renderDocs } from './render/docs/index.js';
import { renderClient } from './render/ts/index.js';
import type { Diagnostic } from './shared/errors.js';
import { byCodePoint } from './shared/sort.js';
import { GENERATOR_VERSION } from './shared/version.js';
import { createManifest, MANIFEST_PATH, type FileSet } from './write/index.js';

/** Options of one generation (one client). */
export interface GenerateOptions {
  /** Path of the spec file. */
  readonly input: string;
  /** Folder of template overrides. */
  readonly templates?: string;
  /** Validation problems are errors instead of warnings. */
  readonly strict?: boolean;
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

  const spec = await time('load', () => loadSpec(options.input, { strict: options.strict === true }));
  const built = await time('model', () => buildModel(spec));
  const model = await time('names', () => assignNames(built.model));
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
    ...docs.unknownOverrides.map((file) => ({ severity: 'warning' as const, message: `template override ${file} matches no default template and is ignored` })),
  ];
  return { files: sortFiles(files), model, diagnostics, timings };
}

/** Files in code-point order of their paths, so iteration (and the manifest) is stable. */
function sortFiles(files: FileSet): FileSet {
  return new Map([...files].sort(([a], [b]) => byCodePoint(a, b)));
}
