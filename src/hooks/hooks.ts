import type { SourceFile } from 'ts-morph';
import type { NamedApi, NamedModel, NamedSchema } from '../names/index.js';

/** What `transformSourceFile` is told about the file it receives. */
export interface SourceFileInfo {
  /** Output path relative to the client folder, e.g. `apis/SessionsApi.ts`. */
  readonly path: string;
  /** `api`: one class per tag; `model`: the models (`models/index.ts`); `index`: the re-exports; `runtime`: the runtime, copied verbatim. */
  readonly kind: 'api' | 'model' | 'index' | 'runtime';
  /** The API of an `api` file. */
  readonly api?: NamedApi;
  /** The first schema a `model` file declares. */
  readonly schema?: NamedSchema;
  /** Every schema a `model` file (`models/index.ts`) declares, in order: each model followed by the hoisted inline schemas and request shapes living with it (`Pet`, `PetOwner`, `PetWritable`). */
  readonly schemas?: readonly NamedSchema[];
  /** The (possibly transformed) model the client is rendered from. */
  readonly model: NamedModel;
}

/** Receives a copy of the named IR before rendering; may change it in place or return a new one. */
export type TransformModel = (model: NamedModel) => NamedModel | void | Promise<NamedModel | void>;

/** Receives each ts-morph SourceFile after it is built, before its text is taken; changes it in place (synchronously). */
export type TransformSourceFile = (file: SourceFile, info: SourceFileInfo) => void;

/** A hooks module (`--hooks`): every export is optional. */
export interface Hooks {
  readonly transformModel?: TransformModel;
  readonly transformSourceFile?: TransformSourceFile;
}

/** Hooks plus where they came from, for error messages. */
export interface LoadedHooks extends Hooks {
  /** Absolute path of the module, or `(inline hooks)` for an object passed to `generate`. */
  readonly origin: string;
  /** The module's `file:` URL, used to find the hook's line in a stack trace. */
  readonly url?: string;
}
