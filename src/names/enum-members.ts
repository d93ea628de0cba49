import type * as ir from '../model/ir.js';
import { isPlainIdentifier, OBJECT_PROTOTYPE_MEMBERS, pascalCase, ReservedNames, toIdentifier } from './identifiers.js';

/** One key of an enum's const object: `Red: 'red'`. */
export interface EnumMember {
  /** The key: an identifier, unique within the enum. */
  readonly name: string;
  readonly value: string | number | boolean;
}

/** Keys an enum's const object may not have: what every object inherits. */
const RESERVED_MEMBERS = new ReservedNames(false, OBJECT_PROTOTYPE_MEMBERS);

/**
 * Keys of a named enum's const object, in value order: `x-enum-varnames` (or `x-enumNames`) as
 * written when it is a valid identifier, else the PascalCased value (`in_progress` → `InProgress`,
 * `1` → `Value1`, `-1` → `Minus1`). `null` has no key (the type keeps it).
 */
export function enumMembers(schema: Extract<ir.Schema, { kind: 'enum' }>): EnumMember[] {
  const scope = RESERVED_MEMBERS.scope();
  const members: EnumMember[] = [];
  schema.values.forEach((value, index) => {
    if (value === null) return;
    const given = schema.varNames?.[index];
    const candidate = given !== undefined && isPlainIdentifier(given) ? given : memberName(given ?? value);
    members.push({ name: scope.claim(candidate, candidate + '_'), value });
  });
  return members;
}

function memberName(value: string | number | boolean): string {
  const text = typeof value === 'number' && value < 0 ? `minus ${String(-value)}` : String(value);
  const name = toIdentifier(pascalCase(text), 'Value');
  return /^[A-Za-z$]/.test(name) ? name : 'Value' + name.replace(/^_/, '');
}
