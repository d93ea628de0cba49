import type { NamedApi, NamedModel, NamedOperation, NamedSchema } from './named-model.js';

const schemaLookups = new WeakMap<NamedModel, ReadonlyMap<string, NamedSchema>>();
const operationLookups = new WeakMap<NamedModel, ReadonlyMap<string, OperationInApi>>();

/**
 * Each named schema by its key (`schema.name`, what `{ kind: 'ref' }` holds), built once per model
 * and shared by every renderer: rebuilding it per file or per page made rendering quadratic.
 */
export function schemaByKey(model: NamedModel): ReadonlyMap<string, NamedSchema> {
  let lookup = schemaLookups.get(model);
  if (lookup === undefined) {
    lookup = new Map(model.schemas.map((schema) => [schema.name, schema]));
    schemaLookups.set(model, lookup);
  }
  return lookup;
}

/** An operation with the API class declaring it. */
export interface OperationInApi {
  readonly api: NamedApi;
  readonly operation: NamedOperation;
}

/** Each operation by its pointer, with the first API declaring it (an operation with several tags is in each), built once per model. */
export function operationByPointer(model: NamedModel): ReadonlyMap<string, OperationInApi> {
  let lookup = operationLookups.get(model);
  if (lookup === undefined) operationLookups.set(model, (lookup = firstApiByPointer(model.apis)));
  return lookup;
}

/** `operationByPointer`'s map built from the APIs alone: the names stage needs it before the model is whole. */
export function firstApiByPointer(apis: readonly NamedApi[]): Map<string, OperationInApi> {
  const operations = new Map<string, OperationInApi>();
  for (const api of apis) for (const operation of api.operations) if (!operations.has(operation.pointer)) operations.set(operation.pointer, { api, operation });
  return operations;
}
