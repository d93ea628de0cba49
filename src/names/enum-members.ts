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
export function enumMembers(schema: Extract<ir.Schema, { kind: 'enum' }>, names: MemberNames = new Map()): EnumMember[] {
  const scope = RESERVED_MEMBERS.scope();
  const members: EnumMember[] = [];
  schema.values.forEach((value, index) => {
    if (value === null) return;
    const given = schema.varNames?.[index];
    const candidate = given !== undefined && isPlainIdentifier(given) ? given : cachedMemberName(given ?? value, names);
    members.push({ name: scope.claim(candidate, candidate + '_'), value });
  });
  return members;
}

/**
 * Member names already derived from a value, shared by the enums of one model (EnumMemberNamer's
 * distinct lists): GitHub's 393 distinct lists still name 2,200 values, but only 725 distinct ones
 * (`open`, `closed`, `asc`…). Map keys tell `1` from `'1'`, which name differently.
 */
export type MemberNames = Map<string | number | boolean, string>;

function cachedMemberName(value: string | number | boolean, names: MemberNames): string {
  let name = names.get(value);
  if (name === undefined) names.set(value, (name = memberName(value)));
  return name;
}

function memberName(value: string | number | boolean): string {
  const text = typeof value === 'number' && value < 0 ? `minus ${String(-value)}` : String(value);
  const name = toIdentifier(pascalCase(text), 'Value');
  return /^[A-Za-z$]/.test(name) ? name : 'Value' + name.replace(/^_/, '');
}

/**
 * `enumMembers` for the enums of one model, each distinct list of values (and varNames) named
 * once: GitHub's spec has 2,961 enums but 393 distinct lists (`open`/`closed`, `asc`/`desc`…).
 * Every enum still gets members of its own (copies), so no two named schemas share them.
 */
export class EnumMemberNamer {
  readonly #names: MemberNames = new Map();
  readonly #lists = new Map<string, readonly EnumMember[]>();

  members(schema: Extract<ir.Schema, { kind: 'enum' }>): EnumMember[] {
    // JSON text tells 1 from '1'; values are JSON literals (the IR makes non-finite numbers strings).
    const key = JSON.stringify([schema.values, schema.varNames ?? null]);
    let list = this.#lists.get(key);
    if (list === undefined) this.#lists.set(key, (list = enumMembers(schema, this.#names)));
    return list.map((member) => ({ name: member.name, value: member.value }));
  }
}
