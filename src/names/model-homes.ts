import type * as ir from '../model/ir.js';
import type { NamedSchema } from './named-model.js';

/**
 * Which schema each hoisted inline schema or request shape lives with: the outermost schema it
 * came from (`PetOwner` and `PetWritable` → `Pet`; `CreatePetRequestToysItem` → `CreatePetRequest`, a body's
 * own schema). It is documented on that schema's page and declared right after it, so a big
 * spec gets one docs page per schema its author wrote, not one per nested property type.
 * `homes`: schema key → home key, only for schemas that live with another.
 *
 * `docOperations`: the operation whose API page documents each schema written inline in an
 * operation (a request body, response or parameter schema: `CreatePetRequest`, `ListPetsStatus`)
 * and each schema living with one (`CreatePetRequestToysItem`): schema key → the operation's
 * pointer. Such a schema is a section of that page, beside the operation, not a page of its own
 * (a third of GitHub's pages). Both come from the same walk to the outermost schema.
 */
export function modelHomes(schemas: readonly ir.NamedSchema[]): { homes: Map<string, string>; docOperations: Map<string, string> } {
  const byName = new Map(schemas.map((schema) => [schema.name, schema]));
  const parentOf = (schema: ir.NamedSchema): string | undefined => {
    const origin = schema.origin;
    if (origin?.kind === 'writable') return origin.of;
    return origin?.kind === 'inline' && origin.root.kind === 'schema' ? origin.root.name : undefined;
  };
  const homes = new Map<string, string>();
  const docOperations = new Map<string, string>();
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
    const root = top.origin?.kind === 'inline' ? top.origin.root : undefined;
    if (root !== undefined && (root.kind === 'requestBody' || root.kind === 'response' || root.kind === 'parameter')) docOperations.set(schema.name, root.operation);
  }
  return { homes, docOperations };
}

/**
 * The named schemas of each model module (`fileName`) or docs page (`docFileName`), in output
 * order: each schema that has no `home` (in the order given), directly followed by those living
 * with it (`Pet`, `PetOwner`, `PetStatus`, `Shape`, `ShapeCircle`).
 */
export function groupByFile(schemas: readonly NamedSchema[], file: 'fileName' | 'docFileName'): Map<string, NamedSchema[]> {
  const living = new Map<string, NamedSchema[]>();
  for (const schema of schemas) {
    if (schema.home === undefined) continue;
    const list = living.get(schema.home);
    if (list === undefined) living.set(schema.home, [schema]);
    else list.push(schema);
  }
  const groups = new Map<string, NamedSchema[]>();
  const known = new Set<string>();
  for (const schema of schemas) known.add(schema.name);
  for (const schema of schemas) {
    // A schema whose home is missing (a hook removed it) is listed on its own.
    if (schema.home !== undefined && known.has(schema.home)) continue;
    const key = file === 'fileName' ? schema.fileName : schema.docFileName;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = []));
    group.push(schema);
    for (const member of living.get(schema.name) ?? []) group.push(member);
  }
  return groups;
}
