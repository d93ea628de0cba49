/** oasgen's programmatic API. */
export { generate, type GenerateOptions, type GenerateResult, type Stage } from './pipeline.js';
export { diffOutput, writeOutput, type FileSet, type OutputDiff, type WriteResult } from './write/index.js';
export type { NamedApi, NamedModel, NamedOperation, NamedParameter, NamedSchema } from './names/index.js';
export type { ir } from './model/index.js';
export { UserError, type Diagnostic } from './shared/errors.js';
