import type * as ir from '../model/ir.js';
import type { EnumMember } from './enum-members.js';

/**
 * The IR with every name decided: what renderers, templates and hooks receive, and what
 * `oasgen inspect` prints. Plain data, like the IR.
 */
export interface NamedModel extends Omit<ir.Model, 'apis' | 'schemas'> {
  readonly apis: readonly NamedApi[];
  readonly schemas: readonly NamedSchema[];
}

export interface NamedApi extends Omit<ir.Api, 'operations'> {
  /** `SessionsApi`. */
  readonly className: string;
  /** `apis/SessionsApi.ts`, relative to the output dir. */
  readonly fileName: string;
  /** `docs/SessionsApi.md`. */
  readonly docFileName: string;
  readonly operations: readonly NamedOperation[];
}

export interface NamedOperation extends Omit<ir.Operation, 'parameters'> {
  /** `deleteSession`. */
  readonly methodName: string;
  /** `deleteSessionRaw`: returns status, headers and data. */
  readonly rawMethodName: string;
  readonly parameters: readonly NamedParameter[];
  /** Argument name of the request body, when there is one. */
  readonly bodyName?: string;
  /** Argument name of the object holding query, header and cookie parameters. */
  readonly paramsName?: string;
  /** Exported interface of that object, e.g. `DeleteSessionParams`. */
  readonly paramsTypeName?: string;
  /** Exported type of the ApiError union for the documented error statuses, e.g. `GetSessionError`. */
  readonly errorTypeName?: string;
  /** Argument name of the trailing RequestOptions. */
  readonly optionsName: string;
}

export interface NamedParameter extends ir.Parameter {
  /** Positional argument name (path parameters) or property of the params object (the rest). */
  readonly identifier: string;
}

export interface NamedSchema extends ir.NamedSchema {
  /** `SessionResponse`. */
  readonly typeName: string;
  /** `models/index.ts`: the module declaring the type (one module declares every model). */
  readonly fileName: string;
  /**
   * `docs/SessionResponse.md`: its own page, or the page it is a section of: its home's (`PetOwner`
   * on `docs/Pet.md`) or, with `docOperation`, the operation's API page (`CreatePetRequest` on `docs/PetsApi.md`).
   */
  readonly docFileName: string;
  /**
   * Key of the schema this one lives with (its docs page; declared right after it): set for a
   * hoisted inline schema or request shape, which lives with the outermost schema it came from (see `modelHomes`).
   */
  readonly home?: string;
  /**
   * Pointer of the operation whose API page documents this schema: set for a request body,
   * response or parameter schema written inline in an operation, and for those living with it (see `modelHomes`).
   */
  readonly docOperation?: string;
  /** For an enum schema: the keys of its exported const object of values (`Status.Active`). */
  readonly enumMembers?: readonly EnumMember[];
}
