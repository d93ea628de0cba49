import type { NamedModel } from '../names/index.js';
import { byCodePoint } from '../shared/sort.js';

/** Where the manifest lives inside an output dir. */
export const MANIFEST_PATH = '.oasgen/manifest.json';

/** What oasgen wrote: lets regeneration delete only its own files, and users see the mapping. */
export interface Manifest {
  readonly generator: { readonly name: 'oasgen'; readonly version: string };
  /** sha256 of the spec's text. */
  readonly specHash: string;
  /** Every generated file (the manifest itself excluded), sorted. */
  readonly files: readonly string[];
  readonly operations: readonly { readonly operationId: string; readonly method: string; readonly path: string; readonly className: string; readonly methodName: string }[];
  readonly models: readonly { readonly name: string; readonly typeName: string; readonly file: string }[];
}

/** The manifest for a file set; deterministic (no times, no absolute paths). `specHash`: sha256 of the spec's text. */
export function createManifest(model: NamedModel, files: Iterable<string>, specHash: string, version: string): Manifest {
  return {
    generator: { name: 'oasgen', version },
    specHash,
    files: [...files].sort(byCodePoint),
    operations: model.apis.flatMap((api) =>
      api.operations.map((operation) => ({
        operationId: operation.operationId,
        method: operation.method.toUpperCase(),
        path: operation.path,
        className: api.className,
        methodName: operation.methodName,
      })),
    ),
    models: model.schemas.map((schema) => ({ name: schema.name, typeName: schema.typeName, file: schema.fileName })),
  };
}

/** Reads the file list of a previous manifest; tolerant of a missing or damaged one. */
export function manifestFiles(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const parsed = JSON.parse(text) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((file): file is string => typeof file === 'string') : [];
  } catch {
    return [];
  }
}

/** The manifest text with some files left out of its list (files oasgen did not get to own). */
export function withoutFiles(manifestText: string, files: readonly string[]): string {
  const manifest = JSON.parse(manifestText) as Manifest;
  const left = new Set(files);
  return JSON.stringify({ ...manifest, files: manifest.files.filter((file) => !left.has(file)) }, null, 2) + '\n';
}
