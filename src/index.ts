/** oasgen's programmatic API: `generate` is `oasgen generate` for one client, as a function. */
export { generate, type GenerateOptions, type GenerateResult, type Stage } from './pipeline.js';
export { diffOutput, writeOutput, type FileSet, type OutputDiff, type WriteResult } from './write/index.js';
export type { Hooks, SourceFileInfo, TransformModel, TransformSourceFile } from './hooks/index.js';
export type { NamedApi, NamedModel, NamedOperation, NamedParameter, NamedSchema } from './names/index.js';
export type { ir, Int64Mapping } from './model/index.js';
export { UserError, type Diagnostic } from './shared/errors.js';
