import type * as ir from '../model/ir.js';
import type { NamedSchema } from './named-model.js';

/**
 * Which schema each hoisted inline schema or request shape lives with: the outermost schema it
 * came from (`PetOwner` and `PetWritable` → `Pet`; `CreatePetRequestItems` → itself, a body's
 * top-level schema). Its type is declared in that schema's file and documented on that schema's
 * page, so a big spec gets one file per schema its author wrote, not one per nested property type.
 * Returns schema key → home key, only for schemas that live with another.
 */
export function modelHomes(schemas: readonly ir.NamedSchema[]): Map<string, string> {
  const byName = new Map(schemas.map((schema) => [schema.name, schema]));
  const parentOf = (schema: ir.NamedSchema): string | undefined => {
    const origin = schema.origin;
    if (origin?.kind === 'writable') return origin.of;
    return origin?.kind === 'inline' && origin.root.kind === 'schema' ? origin.root.name : undefined;
  };
  const homes = new Map<string, string>();
  for (const schema of schemas) {
    let top = schema;
    // A parent is always another schema; the visited set only guards against a malformed (hook-built) chain.
    for (const seen = new Set([top.name]); ; ) {
      const parent = byName.get(parentOf(top) ?? '');
      if (parent === undefined || seen.has(parent.name)) break;
      seen.add(parent.name);
      top = parent;
    }
    if (top !== schema) homes.set(schema.name, top.name);
  }
  return homes;
}

/**
 * The named schemas of each model file (`fileName`) or docs page (`docFileName`), in output
 * order: the file's own schema first (the one without a `home`), then those living with it.
 */
export function groupByFile(schemas: readonly NamedSchema[], file: 'fileName' | 'docFileName'): Map<string, NamedSchema[]> {
  const groups = new Map<string, NamedSchema[]>();
  for (const schema of schemas) {
    const group = groups.get(schema[file]);
    if (group === undefined) groups.set(schema[file], [schema]);
    else if (schema.home === undefined) group.unshift(schema);
    else group.push(schema);
  }
  return groups;
}
