export { buildModel } from './build-model.js';
export type { BuiltModel } from './build-model.js';
export type * as ir from './ir.js';
