export { assignNames } from './assign-names.js';
export { groupByFile } from './model-homes.js';
export { operationByPointer, schemaByKey, type OperationInApi } from './lookups.js';
export type { NamedApi, NamedModel, NamedOperation, NamedParameter, NamedSchema } from './named-model.js';
export { isPlainIdentifier, RESERVED_WORDS } from './identifiers.js';
export type { EnumMember } from './enum-members.js';
