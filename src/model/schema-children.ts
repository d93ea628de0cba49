import type * as ir from './ir.js';

/**
 * Where a child schema sits in its parent: a property, the map values (`additionalProperties`),
 * array items (a tuple's prefix item has its `index`; its rest has none), a union variant, an
 * allOf member. All but `member` are `ir.InlineStep`s as they are.
 */
export type ChildSlot = ir.InlineStep | { readonly kind: 'member'; readonly index: number };

/**
 * The schema with `fn` applied to each direct child (refs are not followed); the same object when
 * `fn` returned every child unchanged, so a walk that changes nothing allocates no new tree.
 * read-write's walks go through it; hoist-inline's `descend`, the hot one, keeps its own switch.
 */
export function mapChildren(schema: ir.Schema, fn: (child: ir.Schema, slot: ChildSlot) => ir.Schema): ir.Schema {
  switch (schema.kind) {
    case 'object': {
      // Plain loops, no closure per list: this runs for every node of a big spec, mostly as cold code.
      let properties: ir.Property[] | undefined;
      for (let index = 0; index < schema.properties.length; index++) {
        const property = schema.properties[index]!;
        const child = fn(property.schema, { kind: 'property', name: property.name });
        if (properties) properties.push(child === property.schema ? property : { ...property, schema: child });
        else if (child !== property.schema) properties = [...schema.properties.slice(0, index), { ...property, schema: child }];
      }
      const additional = schema.additionalProperties;
      const values = typeof additional === 'object' ? fn(additional, { kind: 'values' }) : additional;
      if (!properties && values === additional) return schema;
      const object = { ...schema, properties: properties ?? schema.properties };
      return values === undefined ? object : { ...object, additionalProperties: values };
    }
    case 'array': {
      const items = fn(schema.items, { kind: 'items' });
      return items === schema.items ? schema : { ...schema, items };
    }
    case 'tuple': {
      const items = mapShared(schema.items, (item, index) => fn(item, { kind: 'items', index }));
      const rest = schema.rest && fn(schema.rest, { kind: 'items' });
      if (items === schema.items && rest === schema.rest) return schema;
      return rest ? { ...schema, items, rest } : { ...schema, items };
    }
    case 'union': {
      const variants = mapShared(schema.variants, (variant, index) => fn(variant, { kind: 'variant', index }));
      return variants === schema.variants ? schema : { ...schema, variants };
    }
    case 'intersection': {
      const members = mapShared(schema.members, (member, index) => fn(member, { kind: 'member', index }));
      return members === schema.members ? schema : { ...schema, members };
    }
    default:
      return schema;
  }
}

/** Calls `fn` on each direct child of the schema (refs are not followed), in `mapChildren`'s order. */
export function forEachChild(schema: ir.Schema, fn: (child: ir.Schema, slot: ChildSlot) => void): void {
  mapChildren(schema, (child, slot) => {
    fn(child, slot);
    return child;
  });
}

/**
 * `list.map(fn)`, but the same array when `fn` changed no element: a walk that changes nothing
 * allocates no new tree. Shared by `mapChildren` and hoist-inline's own walk.
 */
export function mapShared<T>(list: readonly T[], fn: (item: T, index: number) => T): readonly T[] {
  let out: T[] | undefined;
  for (let index = 0; index < list.length; index++) {
    const item = list[index]!;
    const mapped = fn(item, index);
    if (out) out.push(mapped);
    else if (mapped !== item) out = [...list.slice(0, index), mapped];
  }
  return out ?? list;
}
