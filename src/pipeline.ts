import { performance } from 'node:perf_hooks';
import { checkModelHookOutput, loadHooks, runModelHook, sourceFileHook, type Hooks } from './hooks/index.js';
import { loadSpec } from './load/index.js';
import { buildModel, INT64_MAPPINGS, type Int64Mapping } from './model/index.js';
import { assignNames, type NamedModel } from './names/index.js';
import { renderDocs } from './render/docs/index.js';
import { renderClient } from './render/ts/index.js';
import { collectGarbage } from './shared/collect-garbage.js';
import { UserError, type Diagnostic } from './shared/errors.js';
import { byCodePoint } from './shared/sort.js';
import { GENERATOR_VERSION } from './shared/version.js';
import { createManifest, MANIFEST_PATH, StagedOutput, writeOutput, type FileSet, type WriteResult } from './write/index.js';

/** Options of one generation (one client): the CLI's flags, as data. */
export interface GenerateOptions {
  /** Path of the spec file. */
  readonly input: string;
  /** Output folder. When given, the files are written there (atomically, see `writeOutput`); otherwise nothing is written. */
  readonly output?: string;
  /** Folder of template overrides. */
  readonly templates?: string;
  /** Path of a hooks module, or the hooks themselves. */
  readonly hooks?: string | Hooks;
  /** Validation problems and duplicate operationIds are errors instead of warnings. */
  readonly strict?: boolean;
  /** `--allow-remote`: the spec and its `$ref`s may be fetched over http(s) (README: Limits). */
  readonly allowRemote?: boolean;
  /**
   * `--int64`: how `format: int64` integers are typed. `'string'` only when the API sends them as
   * JSON strings; a JSON number beyond 2^53 loses precision in any JavaScript client. @default 'number'
   */
  readonly int64?: Int64Mapping;
  /**
   * Receives each output file as soon as it is rendered, the manifest last (how the CLI starts
   * writing a new output folder while the rest still renders). Not called for a run that fails
   * before rendering.
   */
  readonly onFile?: (path: string, text: string) => void;
}

/** Pipeline stages, in order, as reported by `--timings` (`hooks`: `transformModel`, only with hooks). */
export type Stage = 'load' | 'model' | 'names' | 'hooks' | 'render-ts' | 'render-docs' | 'write';

/** The outcome: the files, what was noticed, how long each stage took and, with `output`, what was written. */
export interface GenerateResult {
  /** Output path (relative, `/`-separated) → content, the manifest included; sorted by path. */
  readonly files: FileSet;
  /** The named model the files were rendered from (after `transformModel`). */
  readonly model: NamedModel;
  /** Warnings (and, under `strict`, errors) with JSON pointers into the spec. */
  readonly diagnostics: readonly Diagnostic[];
  /** Milliseconds per stage. */
  readonly timings: Partial<Record<Stage, number>>;
  /** What was written, deleted or left alone; only when `output` was given. */
  readonly written?: WriteResult;
}

/** A spec this long (characters) has its parsed document collected right after modelling (see collectGarbage). */
const BIG_SPEC_CHARS = 4_000_000;

/** spec → load → model → names → hooks → render (TypeScript, docs) → file set with manifest → (output folder). */
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

  if (options.int64 !== undefined && !INT64_MAPPINGS.includes(options.int64)) {
    throw new UserError(`int64 must be one of ${INT64_MAPPINGS.join(', ')} (got ${JSON.stringify(options.int64)})`);
  }
  const { spec, built } = await loadAndBuild(options, time);
  if (spec.size >= BIG_SPEC_CHARS) await time('model', collectGarbage);
  const nameDiagnostics: Diagnostic[] = [];
  let model = await time('names', () => inFile(options.input, () => assignNames(built.model, { diagnostics: nameDiagnostics, strict: options.strict === true })));
  const hooks = options.hooks !== undefined ? await time('hooks', () => loadHooks(options.hooks!)) : undefined;
  if (hooks) model = await time('hooks', () => runModelHook(hooks.hooks, model));
  // A new output folder is written (staged) while the rest renders: file creation is kernel time that a second core absorbs.
  const staged = options.output !== undefined ? await StagedOutput.open(options.output) : undefined;
  const onFile = staged === undefined ? options.onFile : (path: string, text: string) => (staged.add(path, text), options.onFile?.(path, text));
  try {
    // Docs render first: the banner template's text heads every TypeScript file.
    const docs = await time('render-docs', () =>
      renderDocs(model, { generatorVersion: GENERATOR_VERSION, ...(options.templates !== undefined ? { templatesDir: options.templates } : {}), ...(onFile ? { onFile } : {}) }),
    );
    const onSourceFile = hooks ? sourceFileHook(hooks.hooks, model) : undefined;
    const code = await time('render-ts', () => renderClient(model, { banner: docs.banner, ...(onSourceFile ? { onSourceFile } : {}), ...(onFile ? { onFile } : {}) }));
    if (hooks) await time('hooks', () => checkModelHookOutput(hooks.hooks, code));

    const files: FileSet = new Map([...code, ...docs.files]);
    const manifest = JSON.stringify(createManifest(model, files.keys(), spec.hash, GENERATOR_VERSION), null, 2) + '\n';
    files.set(MANIFEST_PATH, manifest);
    onFile?.(MANIFEST_PATH, manifest);
    const diagnostics: Diagnostic[] = [
      ...spec.diagnostics,
      ...built.diagnostics,
      ...nameDiagnostics,
      ...(hooks?.diagnostics ?? []),
      ...docs.diagnostics,
    ];
    const sorted = sortFiles(files);
    if (options.output === undefined) return { files: sorted, model, diagnostics, timings };
    const written = await time('write', () => writeOutput(options.output!, sorted, staged));
    return { files: sorted, model, diagnostics, timings, written };
  } catch (error) {
    await staged?.discard();
    throw error;
  }
}

/**
 * Load and model in their own frame, so the parsed document (tens of MB on big specs) can be
 * collected once the IR exists instead of living until the files are written: only the text's
 * hash (for the manifest) and the diagnostics are kept, not the text (25 MB as a UTF-16 string
 * for GitHub's spec, alive through rendering, where the peak memory is).
 */
async function loadAndBuild(options: GenerateOptions, time: <T>(stage: Stage, run: () => T | Promise<T>) => Promise<T>) {
  const loaded = await time('load', () => loadSpec(options.input, { strict: options.strict === true, allowRemote: options.allowRemote === true }));
  const built = await time('model', () => inFile(options.input, () => buildModel(loaded, { strict: options.strict === true, ...(options.int64 !== undefined ? { int64: options.int64 } : {}) })));
  return { spec: { hash: loaded.textHash, size: loaded.text.length, diagnostics: loaded.diagnostics }, built };
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
