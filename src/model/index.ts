export { buildModel } from './build-model.js';
export type { BuiltModel, BuildModelOptions } from './build-model.js';
export { INT64_MAPPINGS, type Int64Mapping } from './context.js';
export type * as ir from './ir.js';
