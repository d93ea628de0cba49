export { assignNames } from './assign-names.js';
export type { NamedApi, NamedModel, NamedOperation, NamedParameter, NamedSchema } from './named-model.js';
