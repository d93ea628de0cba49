export { loadSpec } from './load-spec.js';
export type { LoadedSpec, LoadOptions } from './load-spec.js';
