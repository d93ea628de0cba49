import { schemaByKey, type NamedModel } from '../../names/index.js';
import { byCodePoint } from '../../shared/sort.js';
import path from 'node:path';
import type { LeanImport } from './declaration-printer.js';

/** Relative ESM import specifier between two output files, with the `.js` extension NodeNext needs. */
export function relativeImport(fromFile: string, toFile: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.ts$/, '.js');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/**
 * `import type { X, XItem } from '../models/index.js'` for the named schemas used that live in
 * other files: one declaration per file, files and names sorted.
 */
export function modelImports(schemaNames: Iterable<string>, fromFile: string, model: NamedModel): LeanImport[] {
  const byName = schemaByKey(model);
  const byFile = new Map<string, string[]>();
  for (const name of schemaNames) {
    const schema = byName.get(name);
    if (schema === undefined || schema.fileName === fromFile) continue;
    const names = byFile.get(schema.fileName);
    if (names === undefined) byFile.set(schema.fileName, [schema.typeName]);
    else names.push(schema.typeName);
  }
  return [...byFile]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([file, names]) => ({
      isTypeOnly: true,
      moduleSpecifier: relativeImport(fromFile, file),
      namedImports: names.sort(byCodePoint),
    }));
}
