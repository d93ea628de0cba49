import type * as ir from '../../../src/model/ir.js';
import fc from 'fast-check';
import { EnumMemberNamer, enumMembers, type MemberNames } from '../../../src/names/enum-members.js';

type Enum = Extract<ir.Schema, { kind: 'enum' }>;

const cases: [string, { given: Enum; want: [string, string | number | boolean][] }][] = [
  ['PascalCased string values', { given: { kind: 'enum', values: ['in_progress', 'dark-green', 'blue sky'] }, want: [['InProgress', 'in_progress'], ['DarkGreen', 'dark-green'], ['BlueSky', 'blue sky']] }],
  ['x-enum-varnames as written', { given: { kind: 'enum', values: [1, 2], varNames: ['LOW', 'HIGH'] }, want: [['LOW', 1], ['HIGH', 2]] }],
  ['invalid varnames are sanitised', { given: { kind: 'enum', values: [1], varNames: ['very low'] }, want: [['VeryLow', 1]] }],
  ['numbers, negatives, booleans; null has no key', { given: { kind: 'enum', values: [1, -1, true, null] }, want: [['Value1', 1], ['Minus1', -1], ['True', true]] }],
  ['collisions and Object.prototype members get a suffix', { given: { kind: 'enum', values: ['a-b', 'a_b', 'constructor'] }, want: [['AB', 'a-b'], ['AB_', 'a_b'], ['Constructor', 'constructor']] }],
  ['no letters at all', { given: { kind: 'enum', values: ['', '%'] }, want: [['Value', ''], ['Value_', '%']] }],
];

describe('enumMembers: keys of an enum const object', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(enumMembers(given).map((m) => [m.name, m.value])).toEqual(want);
  });
});

// One MemberNames shared by every enum of a model (as assignNames does) names exactly as a fresh one.
test('a shared MemberNames cache names as a fresh one, telling 1 from "1" and true from "true"', () => {
  const value = fc.constantFrom<string | number | boolean | null>(1, '1', -1, '-1', 0, '0', true, 'true', false, 'in_progress', 'In Progress', 'a-b', 'a_b', 'constructor', '', null, 2.5, '2.5');
  const enums = fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { maxLength: 6 });
  fc.assert(
    fc.property(enums, (lists) => {
      const shared: MemberNames = new Map();
      for (const values of lists) {
        const schema: Enum = { kind: 'enum', values };
        expect(enumMembers(schema, shared)).toEqual(enumMembers(schema));
      }
    }),
    { numRuns: 300 },
  );
});

// EnumMemberNamer names each distinct list once; every enum still gets its own member objects.
test('EnumMemberNamer gives what enumMembers gives, in copies of its own', () => {
  const value = fc.constantFrom<string | number | boolean | null>(1, '1', -1, '-1', 0, true, 'true', 'open', 'closed', 'a-b', 'a_b', null);
  const enums = fc.array(fc.record({ values: fc.array(value, { minLength: 1, maxLength: 4 }), named: fc.boolean() }), { maxLength: 8 });
  fc.assert(
    fc.property(enums, (list) => {
      const namer = new EnumMemberNamer();
      const given: Enum[] = list.map(({ values, named }) => (named ? { kind: 'enum', values, varNames: values.map((v) => `K ${String(v)}`) } : { kind: 'enum', values }));
      const seen = new Set<object>();
      for (const schema of [...given, ...given]) {
        const members = namer.members(schema);
        expect(members).toEqual(enumMembers(schema));
        for (const member of [members, ...members]) {
          expect(seen.has(member)).toBe(false);
          seen.add(member);
        }
      }
    }),
    { numRuns: 300 },
  );
});
